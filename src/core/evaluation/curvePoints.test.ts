import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thresholdMetrics } from './binary';
import { precisionRecallCurve, rocCurve } from './curves';
import {
  MAX_CURVE_POINTS,
  curvePoints,
  evenPositions,
  niceDomain,
  precisionRecallPoints,
  rocPoints,
  thresholdMarker,
} from './curvePoints';

describe('curve points', () => {
  it('keeps a small curve whole and a large one under the budget, ends included', () => {
    expect(curvePoints([0, 0.5, 1], [0, 0.8, 1])).toEqual([
      { x: 0, y: 0 },
      { x: 0.5, y: 0.8 },
      { x: 1, y: 1 },
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5000 }),
        fc.integer({ min: 2, max: 1200 }),
        (n, max) => {
          const x = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
          const points = curvePoints(x, x, max);
          expect(points.length).toBe(Math.min(n, max));
          expect(points[0]).toEqual({ x: 0, y: 0 });
          expect(points.at(-1)).toEqual({ x: 1, y: 1 });
          for (let i = 1; i < points.length; i++)
            expect(points[i]!.x).toBeGreaterThan(points[i - 1]!.x);
        },
      ),
    );
  });

  it('gives ROC points and PR points by ascending recall', () => {
    const labels = [0, 0, 1, 1];
    const scores = [0.1, 0.6, 0.4, 0.9];
    const roc = rocCurve(labels, scores, 1)!;
    expect(rocPoints(roc)[0]).toEqual({ x: 0, y: 0 });
    expect(rocPoints(roc).at(-1)).toEqual({ x: 1, y: 1 });
    const pr = precisionRecallPoints(precisionRecallCurve(labels, scores, 1));
    expect(pr[0]).toEqual({ x: 0, y: 1 });
    expect(pr.at(-1)!.x).toBe(1);
    const big = Float64Array.from({ length: 5000 }, (_, i) => (i * 7919) % 5000);
    const bigLabels = Int32Array.from(big, (s, i) => (s > 2500 !== (i % 7 === 0) ? 1 : 0));
    expect(rocPoints(rocCurve(bigLabels, big, 1)!).length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
  });

  it('puts the threshold marker at the rates of the threshold metrics', () => {
    const labels = [0, 0, 0, 1, 1];
    const scores = [0.1, 0.5, 0.7, 0.6, 0.9];
    const m = thresholdMetrics(labels, scores, 1, 0.55);
    // Predicted positive: 0.7 (wrong), 0.6 and 0.9 (right).
    expect(thresholdMarker(m)).toEqual({ roc: { x: 1 / 3, y: 1 }, pr: { x: 1, y: 2 / 3 } });
    // Above every score nothing is predicted positive: precision has no point.
    expect(thresholdMarker(thresholdMetrics(labels, scores, 1, 0.95)).pr).toBeNull();
    expect(thresholdMarker(thresholdMetrics([1, 1], [0.2, 0.3], 1, 0.5)).roc).toBeNull();
  });

  it('spreads scatter positions evenly under the budget', () => {
    expect(evenPositions(3)).toEqual([0, 1, 2]);
    const p = evenPositions(2500, 1000);
    expect(p.length).toBe(1000);
    expect(new Set(p).size).toBe(1000);
    expect(Math.max(...p)).toBeLessThan(2500);
  });
});

describe('nice domains', () => {
  it('covers the values with round ends', () => {
    expect(niceDomain(332.3, 4041)).toEqual([0, 5000]);
    expect(niceDomain(0.12, 0.87)).toEqual([0.1, 0.9]);
    expect(niceDomain(1012, 1987)).toEqual([1000, 2000]);
    expect(niceDomain(3, 3)).toEqual([2, 4]);
    expect(niceDomain(NaN, 1)).toEqual([0, 1]);
    fc.assert(
      fc.property(
        fc.integer({ min: -1e8, max: 1e8 }).map((i) => i / 100),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        (lo, width) => {
          const [a, b] = niceDomain(lo, lo + width);
          expect(a).toBeLessThanOrEqual(lo);
          expect(b).toBeGreaterThanOrEqual(lo + width);
          expect(b - a).toBeLessThanOrEqual(width * 12);
        },
      ),
    );
  });
});
