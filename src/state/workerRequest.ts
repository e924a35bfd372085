/**
 * Request/response over the training worker: each request carries an id of one sequence
 * shared by every feature (export, evaluation), and the first answer of an accepted type
 * with that id settles it; no answer in time settles it with the caller's timeout answer.
 */
import type { FromWorker, ToWorker } from '../worker/protocol';
import { workerClient } from './actions';

let nextId = 1;

export interface WorkerRequest<Reply extends FromWorker> {
  /** The message, given its request id. */
  message: (requestId: number) => ToWorker;
  /** The reply types that answer this request. */
  replies: readonly Reply['type'][];
  timeoutMs: number;
  /** What a request that got no answer in time resolves to. */
  onTimeout: (requestId: number) => Reply;
  /** Buffers (or bitmaps) to hand over to the worker instead of copying. */
  transfer?: Transferable[];
}

/** Sends one request to the training worker and resolves with its answer. */
export function requestFromWorker<Reply extends FromWorker>(
  req: WorkerRequest<Reply>,
): Promise<Reply> {
  const client = workerClient();
  const requestId = nextId++;
  const accepted: readonly string[] = req.replies;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      unsubscribe();
      resolve(req.onTimeout(requestId));
    }, req.timeoutMs);
    const unsubscribe = client.subscribe((reply) => {
      if (!('requestId' in reply) || reply.requestId !== requestId) return;
      if (!accepted.includes(reply.type)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(reply as Reply);
    });
    client.send(req.message(requestId), req.transfer);
  });
}
