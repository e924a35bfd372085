/**
 * The worker's one cancellation idiom: each cancellable request gets its own AbortSignal,
 * and a cancel message names the request it cancels. A cancel for another request, or
 * for one already finished, does nothing.
 */
export class CancellableRequests {
  private readonly controllers = new Map<number, AbortController>();

  /** The signal of a request, tracked from when it arrives until `end`. */
  begin(requestId: number): AbortSignal {
    const controller = new AbortController();
    this.controllers.set(requestId, controller);
    return controller.signal;
  }

  /** Aborts that request only. */
  cancel(requestId: number): void {
    this.controllers.get(requestId)?.abort();
  }

  /** Forgets a finished request. */
  end(requestId: number): void {
    this.controllers.delete(requestId);
  }
}
