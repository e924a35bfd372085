/**
 * Curves as chart points: at most MAX_CURVE_POINTS a series (charts stay fast and never
 * animate), and where the decision threshold sits on the ROC and precision–recall curves.
 */
import type { ThresholdMetrics } from './binary';
import type { PrecisionRecallCurve, RocCurve } from './curves';
import type { Numbers } from './outputs';

/** The most points a chart series draws. */
export const MAX_CURVE_POINTS = 1000;

export interface XY {
  x: number;
  y: number;
}

/**
 * Evenly spaced points of a curve, the first and last always kept, at most `max`; a
 * curve that fits is returned whole. Curves here are monotone in x, so the shape stays.
 */
export function curvePoints(x: Numbers, y: Numbers, max = MAX_CURVE_POINTS): XY[] {
  if (max < 2) throw new RangeError('A curve needs at least 2 points');
  const n = Math.min(x.length, y.length);
  const at = (i: number): XY => ({ x: x[i]!, y: y[i]! });
  if (n <= max) return Array.from({ length: n }, (_, i) => at(i));
  return Array.from({ length: max }, (_, j) => at(Math.round((j * (n - 1)) / (max - 1))));
}

/** ROC points (false positive rate, true positive rate). */
export const rocPoints = (roc: RocCurve, max?: number): XY[] => curvePoints(roc.fpr, roc.tpr, max);

/** Precision–recall points (recall, precision), recall ascending for a step chart. */
export function precisionRecallPoints(pr: PrecisionRecallCurve, max?: number): XY[] {
  return curvePoints(pr.recall, pr.precision, max).reverse();
}

/** Where the threshold puts a classifier: its ROC point and its precision–recall point. */
export function thresholdMarker(m: ThresholdMetrics): { roc: XY | null; pr: XY | null } {
  const negatives = m.falsePositives + m.trueNegatives;
  const positives = m.truePositives + m.falseNegatives;
  const predicted = m.truePositives + m.falsePositives;
  return {
    roc:
      negatives > 0 && positives > 0
        ? { x: m.falsePositives / negatives, y: m.truePositives / positives }
        : null,
    // Nothing predicted positive: precision is undefined, the point is off the curve.
    pr: positives > 0 && predicted > 0 ? { x: m.recall.value, y: m.precision.value } : null,
  };
}

/**
 * Evenly spaced positions 0..n−1 (at most `max`), for a scatter that must stay under the
 * point budget: every row when they fit.
 */
export function evenPositions(n: number, max = MAX_CURVE_POINTS): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: max }, (_, j) => Math.floor((j * n) / max));
}

/**
 * A range covering [lo, hi] with round ends (multiples of a power of ten, or of half of
 * one), so both axes of a predicted-vs-actual chart share readable ticks.
 */
export function niceDomain(lo: number, hi: number): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) return [lo - 1, hi + 1];
  const power = 10 ** Math.floor(Math.log10(hi - lo));
  const step = (hi - lo) / power < 3 ? power / 2 : power;
  let a = Math.floor(lo / step) * step;
  let b = Math.ceil(hi / step) * step;
  // A step like 0.1 is not exact in binary: the product can land an ulp inside.
  if (a > lo) a -= step;
  if (b < hi) b += step;
  return [a, b];
}
