/**
 * Main-thread handle on the training worker: creates it once, sends typed messages,
 * fans its messages out to subscribers, and notices when it crashed or hangs. No React.
 */
import type { FromWorker, ToWorker } from './protocol';

export type WorkerListener = (msg: FromWorker) => void;
/** Why the worker is unusable: it threw, or it sent no heartbeat for too long. */
export type WorkerFailure = { kind: 'crashed' | 'unresponsive'; message: string };
export type FailureListener = (failure: WorkerFailure) => void;

export interface TrainingClientOptions {
  /** Honour `testHook` messages (the app was opened with ?testHooks=1). */
  testHooks?: boolean;
  /**
   * No heartbeat for this long means the worker is stuck. Heartbeats come every second,
   * but one slow kernel (a big batch on the CPU backend) can delay them by seconds; the
   * limit grows to twice the longest silence the worker has come back from.
   */
  heartbeatTimeoutMs?: number;
  /** For tests: how to create the worker. */
  createWorker?: () => Worker;
}

const DEFAULT_HEARTBEAT_TIMEOUT_MS = 10_000;
/**
 * A worker that came back after a silence of g ms is called stuck only after 2g: one
 * alert for the first slow step, not one per step. Capped so a real hang is still noticed.
 */
const SLOW_SILENCE_FACTOR = 2;
const MAX_HEARTBEAT_TIMEOUT_MS = 60_000;

export class TrainingClient {
  private worker: Worker | null = null;
  private readonly listeners = new Set<WorkerListener>();
  private readonly failureListeners = new Set<FailureListener>();
  private lastBeat = 0;
  /** The longest silence this worker has come back from, in ms. */
  private longestSilence = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private failed = false;
  private failedKind: WorkerFailure['kind'] | null = null;

  constructor(private readonly options: TrainingClientOptions = {}) {
    this.create();
  }

  /**
   * Sends a message to the worker (dropped while it is being restarted); `transfer`
   * hands buffers or bitmaps over instead of copying them.
   */
  send(msg: ToWorker, transfer: Transferable[] = []): void {
    this.worker?.postMessage(msg, transfer);
  }

  /** Listens to every worker message; returns the unsubscribe function. */
  subscribe(listener: WorkerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Listens for a crash or hang of the worker; returns the unsubscribe function. */
  onFailure(listener: FailureListener): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  /** Terminates the worker and starts a fresh one (its dataset must be loaded again). */
  restart(): void {
    this.dispose();
    this.create();
  }

  /** Terminates the worker for good. */
  dispose(): void {
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.watchdog = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private create(): void {
    const worker =
      this.options.createWorker?.() ??
      new Worker(new URL('./trainingWorker.ts', import.meta.url), {
        type: 'module',
        name: 'training',
      });
    this.worker = worker;
    this.failed = false;
    this.lastBeat = Date.now();
    this.longestSilence = 0;
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      if (worker !== this.worker) return;
      const now = Date.now();
      this.longestSilence = Math.max(this.longestSilence, now - this.lastBeat);
      this.lastBeat = now;
      // A worker that was only slow (one long kernel) is answering again: watch it anew.
      if (this.failed && this.failedKind === 'unresponsive') this.failed = false;
      this.listeners.forEach((listener) => listener(event.data));
    };
    worker.onerror = (event: ErrorEvent) => {
      if (worker !== this.worker) return;
      event.preventDefault();
      this.fail({ kind: 'crashed', message: event.message || 'The training worker crashed.' });
    };
    worker.onmessageerror = () => {
      if (worker !== this.worker) return;
      this.fail({
        kind: 'crashed',
        message: 'A message from the training worker could not be read.',
      });
    };
    const base = this.options.heartbeatTimeoutMs ?? DEFAULT_HEARTBEAT_TIMEOUT_MS;
    this.watchdog = setInterval(
      () => {
        const timeout = Math.max(
          base,
          Math.min(MAX_HEARTBEAT_TIMEOUT_MS, SLOW_SILENCE_FACTOR * this.longestSilence),
        );
        if (Date.now() - this.lastBeat > timeout) {
          this.fail({
            kind: 'unresponsive',
            message: `The training worker has not responded for ${Math.round(timeout / 1000)} s.`,
          });
        }
      },
      Math.min(1000, base),
    );
    worker.postMessage({
      type: 'init',
      testHooks: this.options.testHooks ?? false,
    } satisfies ToWorker);
  }

  private fail(failure: WorkerFailure): void {
    if (this.failed) return;
    this.failed = true;
    this.failedKind = failure.kind;
    this.failureListeners.forEach((listener) => listener(failure));
  }
}
