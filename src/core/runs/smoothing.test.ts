import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { smoothEma } from './smoothing';

describe('smoothEma (TensorBoard de-biased EMA)', () => {
  it('matches the formula last = w·last + (1−w)·v, smoothed = last / (1 − w^k)', () => {
    const w = 0.6;
    const out = smoothEma([1, 2, 4], w);
    const l1 = 0.4 * 1;
    const l2 = w * l1 + 0.4 * 2;
    const l3 = w * l2 + 0.4 * 4;
    expect(out[0]).toBeCloseTo(l1 / (1 - w), 12);
    expect(out[1]).toBeCloseTo(l2 / (1 - w * w), 12);
    expect(out[2]).toBeCloseTo(l3 / (1 - w ** 3), 12);
    // De-biasing: the first point is the first value, not pulled towards zero.
    expect(out[0]).toBeCloseTo(1, 12);
  });

  it('weight 0 leaves the series unchanged', () => {
    expect(smoothEma([3, 1, 4, 1, 5], 0)).toEqual([3, 1, 4, 1, 5]);
  });

  it('passes non-finite values through without advancing the average', () => {
    const out = smoothEma([1, NaN, 3], 0.5);
    expect(out[1]).toBeNaN();
    const l1 = 0.5;
    const l2 = 0.5 * l1 + 0.5 * 3;
    expect(out[2]).toBeCloseTo(l2 / (1 - 0.25), 12);
  });

  it('stays within the range of the values seen so far', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (values, w) => {
          const out = smoothEma(values, w);
          expect(out).toHaveLength(values.length);
          out.forEach((v, i) => {
            const seen = values.slice(0, i + 1);
            expect(v).toBeGreaterThanOrEqual(Math.min(...seen) - 1e-6);
            expect(v).toBeLessThanOrEqual(Math.max(...seen) + 1e-6);
          });
        },
      ),
    );
  });

  it('refuses a weight outside [0, 1]', () => {
    expect(() => smoothEma([1, 2], 1.5)).toThrow();
  });
});
