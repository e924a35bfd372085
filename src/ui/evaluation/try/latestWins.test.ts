import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestWins } from './latestWins';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => vi.useRealTimers());

/** A run whose requests settle when the test says, recording the input each one read. */
function recorder() {
  let input = 0;
  const seen: number[] = [];
  const pending: (() => void)[] = [];
  const run = () => {
    seen.push(input);
    return new Promise<void>((resolve) => pending.push(resolve));
  };
  return {
    run,
    seen,
    set: (v: number) => (input = v),
    settle: async () => {
      pending.shift()?.();
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

describe('latestWins', () => {
  it('starts at once, then sends only the latest input once the first answer is in', async () => {
    const r = recorder();
    const lw = latestWins(r.run, 100);
    r.set(1);
    lw.request();
    expect(r.seen).toEqual([1]);
    for (const v of [2, 3, 4]) {
      r.set(v);
      lw.request();
    }
    await vi.advanceTimersByTimeAsync(500);
    // Nothing overlaps: the first is still in flight.
    expect(r.seen).toEqual([1]);
    await r.settle();
    expect(r.seen).toEqual([1, 4]);
    await r.settle();
    expect(r.seen).toEqual([1, 4]);
  });

  it('starts at most 10 requests a second however fast the input changes', async () => {
    const r = recorder();
    const lw = latestWins(async () => {
      r.seen.push(Date.now());
    }, 100);
    for (let t = 0; t < 1000; t += 5) {
      lw.request();
      await vi.advanceTimersByTimeAsync(5);
    }
    // Requests every 5 ms for a second: a start every 100 ms, from 0 ms to 1,000 ms.
    expect(r.seen).toEqual(Array.from({ length: 11 }, (_, i) => i * 100));
  });

  it('keeps going after a failed request, and stops when disposed', async () => {
    let calls = 0;
    const lw = latestWins(async () => {
      calls++;
      throw new Error('worker said no');
    }, 100);
    lw.request();
    await vi.advanceTimersByTimeAsync(0);
    lw.request();
    await vi.advanceTimersByTimeAsync(150);
    expect(calls).toBe(2);
    lw.request();
    lw.dispose();
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toBe(2);
  });
});
