import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { downsampleBatches } from './batchSeries';
import type { BatchPoint } from '../train/types';

const series = (n: number): BatchPoint[] =>
  Array.from({ length: n }, (_, i) => ({
    step: i,
    epoch: 1 + Math.floor(i / 10),
    loss: 1 / (1 + i),
  }));

describe('downsampleBatches', () => {
  it('keeps short series as they are', () => {
    expect(downsampleBatches(series(5), 2000)).toEqual(series(5));
  });

  it('caps at maxPoints, keeps both ends, steps increasing, losses in range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6000 }),
        fc.integer({ min: 2, max: 2000 }),
        (n, max) => {
          const pts = series(n);
          const out = downsampleBatches(pts, max);
          expect(out.length).toBeLessThanOrEqual(max);
          if (n > 0) {
            expect(out[0]).toEqual(pts[0]);
            expect(out[out.length - 1]).toEqual(pts[n - 1]);
          }
          for (let i = 1; i < out.length; i++) {
            expect(out[i]!.step).toBeGreaterThan(out[i - 1]!.step);
            expect(out[i]!.loss).toBeGreaterThan(0);
            expect(out[i]!.loss).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('skips non-finite losses when averaging', () => {
    const pts = series(100).map((p, i) => (i % 3 === 1 ? { ...p, loss: NaN } : p));
    const out = downsampleBatches(pts, 10);
    expect(out.slice(1, -1).every((p) => Number.isFinite(p.loss))).toBe(true);
  });
});
