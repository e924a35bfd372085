import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { downsampleMean } from './downsample';

describe('downsampleMean', () => {
  it('returns short series unchanged', () => {
    const pts = [
      { x: 0, y: 1 },
      { x: 1, y: 3 },
    ];
    expect(downsampleMean(pts, 10)).toEqual(pts);
  });

  it('caps the number of points, keeps both ends and x increasing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 2, max: 1000 }),
        (n, max) => {
          const pts = Array.from({ length: n }, (_, i) => ({ x: i, y: Math.sin(i) }));
          const out = downsampleMean(pts, max);
          expect(out.length).toBeLessThanOrEqual(Math.max(max, 0));
          if (n > 0) {
            expect(out[0]).toEqual(pts[0]);
            expect(out[out.length - 1]).toEqual(pts[n - 1]);
          }
          for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('preserves the mean level of a constant series', () => {
    const pts = Array.from({ length: 10_000 }, (_, i) => ({ x: i, y: 2.5 }));
    const out = downsampleMean(pts, 1000);
    expect(out.length).toBe(1000);
    expect(out.every((p) => Math.abs(p.y - 2.5) < 1e-12)).toBe(true);
  });
});
