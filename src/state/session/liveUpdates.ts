/**
 * Live run events arrive up to ~20 times a second on a fast backend; applying each one
 * re-renders the charts. They are coalesced into at most one store update per interval
 * so the page stays responsive however fast the worker trains.
 */
export interface Coalescer<T> {
  queue(item: T): void;
  /** Applies what is queued now (before any event that must not overtake them). */
  flush(): void;
  dispose(): void;
}

export const LIVE_FLUSH_MS = 200;

/** Collects items and hands them to `apply` together, at most once per `intervalMs`. */
export function createCoalescer<T>(
  apply: (items: T[]) => void,
  intervalMs = LIVE_FLUSH_MS,
): Coalescer<T> {
  let pending: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const items = pending;
    pending = [];
    if (items.length > 0) apply(items);
  };
  return {
    queue(item) {
      pending.push(item);
      timer ??= setTimeout(flush, intervalMs);
    },
    flush,
    dispose() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = [];
    },
  };
}
