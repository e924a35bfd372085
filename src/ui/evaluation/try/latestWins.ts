/**
 * Throttled requests where only the latest input matters (a drawing as it is drawn, a
 * form as it is typed): at most one request in flight, at most one start per interval,
 * and the request that starts reads the input as it is then, so stale inputs are skipped.
 */
export interface LatestWins {
  /** Says the input changed: a request with the then-current input will follow. */
  request(): void;
  /** Stops scheduling (a request in flight still settles). */
  dispose(): void;
}

/** Runs `run` for the latest request, never overlapping, at most once per `minIntervalMs`. */
export function latestWins(run: () => Promise<void>, minIntervalMs: number): LatestWins {
  let dirty = false;
  let inFlight = false;
  let disposed = false;
  let lastStart = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const start = () => {
    timer = null;
    if (disposed || inFlight || !dirty) return;
    dirty = false;
    inFlight = true;
    lastStart = Date.now();
    void run()
      .catch(() => {
        // The caller shows its own errors; a failed request must not stop later ones.
      })
      .finally(() => {
        inFlight = false;
        schedule();
      });
  };
  const schedule = () => {
    if (disposed || inFlight || !dirty || timer !== null) return;
    const wait = lastStart + minIntervalMs - Date.now();
    if (wait <= 0) start();
    else timer = setTimeout(start, wait);
  };
  return {
    request() {
      dirty = true;
      schedule();
    },
    dispose() {
      disposed = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
