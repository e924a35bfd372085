/**
 * Binary ranking curves as scikit-learn 1.2 computes them: `roc_curve`, `roc_auc_score`,
 * `precision_recall_curve` and `average_precision_score`. `scores` are the positive
 * class's scores (see positiveScores); rows of class `positive` are the positives.
 */
import { checkSameLength, type Numbers } from './outputs';

/** Counts at each distinct score, highest first (sklearn's `_binary_clf_curve`). */
interface ThresholdCounts {
  /** False and true positives among the rows scoring at least `thresholds[i]`. */
  fps: number[];
  tps: number[];
  thresholds: number[];
}

/**
 * Sorts by score, highest first, and counts once per distinct score: tied rows become
 * one point of the curve, whatever their order.
 */
function thresholdCounts(actual: Numbers, scores: Numbers, positive: number): ThresholdCounts {
  checkSameLength(actual, scores);
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    // sklearn refuses non-finite scores too (a diverged model's NaN has no rank).
    if (!Number.isFinite(scores[i]!)) throw new RangeError(`Score ${scores[i]} in row ${i}`);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => scores[j]! - scores[i]!);
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    if (actual[i] === positive) tp++;
    if (r === n - 1 || scores[order[r + 1]!] !== scores[i]) {
      tps.push(tp);
      fps.push(r + 1 - tp);
      thresholds.push(scores[i]!);
    }
  }
  return { fps, tps, thresholds };
}

/** A ROC curve: (fpr[i], tpr[i]) for the rows scoring at least thresholds[i]. */
export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  /** Descending; the first is the top score + 1 (sklearn 1.2; 1.3 made it ∞). */
  thresholds: Float64Array;
}

/** Options of rocCurve. */
export interface RocOptions {
  /**
   * sklearn's `drop_intermediate` (default true, as in sklearn): drop the points
   * collinear with their neighbours, which change neither the plot nor the AUC.
   */
  dropIntermediate?: boolean;
}

/**
 * `roc_curve(actual, scores, pos_label=positive)`, starting at (0, 0); null when the
 * rows are all positive or all negative (sklearn then returns NaN rates with a warning).
 */
export function rocCurve(
  actual: Numbers,
  scores: Numbers,
  positive: number,
  options: RocOptions = {},
): RocCurve | null {
  let { fps, tps, thresholds } = thresholdCounts(actual, scores, positive);
  if (fps.length === 0 || fps.at(-1) === 0 || tps.at(-1) === 0) return null;
  if ((options.dropIntermediate ?? true) && fps.length > 2) {
    const keep = (i: number) =>
      i === 0 ||
      i === fps.length - 1 ||
      fps[i + 1]! - 2 * fps[i]! + fps[i - 1]! !== 0 ||
      tps[i + 1]! - 2 * tps[i]! + tps[i - 1]! !== 0;
    const kept = fps.map((_, i) => i).filter(keep);
    [fps, tps, thresholds] = [fps, tps, thresholds].map((a) => kept.map((i) => a[i]!)) as [
      number[],
      number[],
      number[],
    ];
  }
  const negatives = fps.at(-1)!;
  const positives = tps.at(-1)!;
  return {
    fpr: Float64Array.from([0, ...fps], (f) => f / negatives),
    tpr: Float64Array.from([0, ...tps], (t) => t / positives),
    thresholds: Float64Array.from([thresholds[0]! + 1, ...thresholds]),
  };
}

/** Area under the curve by the trapezoidal rule (sklearn's `auc`, x ascending). */
export function trapezoidArea(x: Numbers, y: Numbers): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i]! - x[i - 1]!) * (y[i]! + y[i - 1]!)) / 2;
  return area;
}

/** `roc_auc_score` of a binary problem; null when one class is missing (sklearn raises). */
export function rocAuc(actual: Numbers, scores: Numbers, positive: number): number | null {
  const curve = rocCurve(actual, scores, positive);
  return curve ? trapezoidArea(curve.fpr, curve.tpr) : null;
}

/** A precision–recall curve, recall decreasing; it ends at (recall 0, precision 1). */
export interface PrecisionRecallCurve {
  precision: Float64Array;
  recall: Float64Array;
  /** Ascending, one fewer than the points: the final (0, 1) point has none. */
  thresholds: Float64Array;
}

/**
 * `precision_recall_curve(actual, scores, pos_label=positive)`. With no positive row
 * sklearn sets every recall to 1 (with a warning); so does this.
 */
export function precisionRecallCurve(
  actual: Numbers,
  scores: Numbers,
  positive: number,
): PrecisionRecallCurve {
  const { fps, tps, thresholds } = thresholdCounts(actual, scores, positive);
  const positives = tps.at(-1) ?? 0;
  const m = tps.length;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  for (let r = 0; r < m; r++) {
    const i = m - 1 - r;
    precision[r] = tps[i]! / (tps[i]! + fps[i]!);
    recall[r] = positives === 0 ? 1 : tps[i]! / positives;
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: Float64Array.from(thresholds).reverse() };
}

/**
 * `average_precision_score`: the step-wise sum Σ (R_i − R_{i+1}) · P_i over the curve,
 * without interpolation. With no positive row it is 0, as in sklearn.
 */
export function averagePrecision(actual: Numbers, scores: Numbers, positive: number): number {
  const { precision, recall } = precisionRecallCurve(actual, scores, positive);
  let sum = 0;
  for (let i = 0; i + 1 < recall.length; i++) sum += (recall[i + 1]! - recall[i]!) * precision[i]!;
  return 0 - sum; // not −sum: no "−0" when there is no positive row
}
