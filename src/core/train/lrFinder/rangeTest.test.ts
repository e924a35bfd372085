import { describe, expect, it } from 'vitest';
import { LR_FINDER_DEFAULTS, RangeTest, rangeTestRate } from './rangeTest';

/** Feeds losses until the test ends; returns the end and the points. */
function feed(losses: number[]) {
  const test = new RangeTest();
  let end = null;
  for (const loss of losses) {
    end = test.record(loss);
    if (end) break;
  }
  return { end, points: test.points, test };
}

describe('range test schedule', () => {
  it('grows exponentially from 1e-7 towards 10 over 100 batches (fast.ai SchedExp)', () => {
    expect(rangeTestRate(0)).toBe(1e-7);
    expect(rangeTestRate(50)).toBeCloseTo(1e-3, 15);
    expect(rangeTestRate(99)).toBeCloseTo(10 ** 0.92, 12);
    for (let i = 1; i < 100; i++) {
      expect(rangeTestRate(i) / rangeTestRate(i - 1)).toBeCloseTo(10 ** 0.08, 12);
    }
  });

  it('runs at least 6 batches, as fast.ai does', () => {
    const options = { ...LR_FINDER_DEFAULTS, numIt: 3 };
    const test = new RangeTest(options);
    const ends = Array.from({ length: 6 }, () => test.record(1));
    expect(ends).toEqual([null, null, null, null, null, 'end']);
    expect(rangeTestRate(3, options)).toBeCloseTo(1e-7 * 1e8 ** 0.5, 15);
  });

  it('ends after the 100th batch with the whole curve', () => {
    const { end, points, test } = feed(Array.from({ length: 120 }, () => 1));
    expect(end).toBe('end');
    expect(points).toHaveLength(100);
    expect(test.nextRate).toBeNull();
    expect(() => test.record(1)).toThrow(/ended/);
  });
});

describe('smoothed loss', () => {
  it('is the debiased EMA with β = 0.98 (fast.ai AvgSmoothLoss)', () => {
    const raw = [2, 1.5, 1.8, 0.9, 1.1];
    const { points } = feed(raw);
    let avg = 0;
    raw.forEach((loss, i) => {
      avg = 0.98 * avg + 0.02 * loss;
      expect(points[i]!.loss).toBeCloseTo(avg / (1 - 0.98 ** (i + 1)), 14);
      expect(points[i]!.rawLoss).toBe(loss);
    });
    // Debiased: the first smoothed value is the first loss itself.
    expect(points[0]!.loss).toBeCloseTo(2, 14);
  });
});

describe('early stop', () => {
  it('stops at the first batch whose smoothed loss exceeds 4× its best, and records it', () => {
    // 20 batches at 1, then 100: smoothed (0.98 (1 − 0.98^20) + 2) / (1 − 0.98^21) ≈ 6.73 > 4.
    const { end, points } = feed([...Array.from({ length: 20 }, () => 1), 100, 1, 1]);
    expect(end).toBe('diverged');
    expect(points).toHaveLength(21);
    expect(points[20]!.loss).toBeCloseTo((0.98 * (1 - 0.98 ** 20) + 2) / (1 - 0.98 ** 21), 12);
  });

  it('does not stop while the smoothed loss stays within 4× (a spike the EMA absorbs)', () => {
    // The same spike of 10: smoothed ≈ 1.52, under 4.
    const { end, points } = feed([...Array.from({ length: 20 }, () => 1), 10, 1, 1]);
    expect(end).toBeNull();
    expect(points).toHaveLength(23);
  });

  it('compares with the best smoothed loss so far, not the first', () => {
    // Falls to 0.1 (smoothed best well below 1), then a loss of 1 for long enough to pass 4× it.
    const falling = Array.from({ length: 30 }, (_, i) => 1 - i * 0.03);
    const { end, points } = feed([...falling, ...Array.from({ length: 70 }, () => 5)]);
    expect(end).toBe('diverged');
    const best = Math.min(...points.map((p) => p.loss));
    const last = points.at(-1)!.loss;
    expect(last).toBeGreaterThan(4 * best);
    expect(points.at(-2)!.loss).toBeLessThanOrEqual(4 * best);
  });
});

describe('NaN', () => {
  it('ends the test and records the NaNs fast.ai would record, up to num_it', () => {
    const { end, points } = feed([1, 0.9, 0.8, NaN, 0.5]);
    expect(end).toBe('nan');
    expect(points).toHaveLength(100);
    expect(points.slice(0, 3).every((p) => Number.isFinite(p.loss))).toBe(true);
    expect(points.slice(3).every((p) => Number.isNaN(p.loss))).toBe(true);
    expect(points.map((p) => p.lr)).toEqual(
      Array.from({ length: 100 }, (_, i) => rangeTestRate(i)),
    );
  });
});
