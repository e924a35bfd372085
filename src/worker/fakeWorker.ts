/**
 * Test helper: a stand-in for the training worker that records what the page sends and
 * replays what the worker would answer, so the client and the session controller are
 * tested without a browser.
 */
import type { FromWorker, ToWorker } from './protocol';

export class FakeWorker {
  sent: ToWorker[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  postMessage(msg: ToWorker) {
    this.sent.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker posts a message. */
  emit(msg: FromWorker) {
    this.onmessage?.({ data: msg } as MessageEvent<FromWorker>);
  }
  /** The worker throws (an uncaught error in its scope). */
  crash(message = 'boom') {
    this.onerror?.({ message, preventDefault: () => {} } as ErrorEvent);
  }
  /** The last message of a type the page sent. */
  last<T extends ToWorker['type']>(type: T): Extract<ToWorker, { type: T }> {
    const found = [...this.sent].reverse().find((m) => m.type === type);
    if (!found) throw new Error(`nothing of type ${type} was sent`);
    return found as Extract<ToWorker, { type: T }>;
  }
}
