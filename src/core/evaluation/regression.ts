/**
 * Regression metrics in the target's original units (undo any target scaling first), as
 * sklearn 1.2 defines them, plus the residual histogram and the worst rows.
 */
import { checkSameLength, type Numbers } from './outputs';

/** The headline regression numbers. */
export interface RegressionMetrics {
  mse: number;
  rmse: number;
  mae: number;
  r2: number;
}

/** `mean_squared_error`, its square root, `mean_absolute_error` and `r2_score`. */
export function regressionMetrics(actual: Numbers, predicted: Numbers): RegressionMetrics {
  checkSameLength(actual, predicted);
  const n = actual.length;
  let squared = 0;
  let absolute = 0;
  for (let i = 0; i < n; i++) {
    const e = actual[i]! - predicted[i]!;
    squared += e * e;
    absolute += Math.abs(e);
  }
  const mse = n === 0 ? NaN : squared / n;
  return {
    mse,
    rmse: Math.sqrt(mse),
    mae: n === 0 ? NaN : absolute / n,
    r2: r2Score(actual, predicted),
  };
}

/**
 * `r2_score` (force_finite=True): 1 − SS_res / SS_tot. A constant target (SS_tot = 0)
 * gives 1 if predicted perfectly, else 0; fewer than two rows give NaN, as in sklearn.
 */
export function r2Score(actual: Numbers, predicted: Numbers): number {
  checkSameLength(actual, predicted);
  const n = actual.length;
  if (n < 2) return NaN;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i]!;
  mean /= n;
  let residual = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    residual += (actual[i]! - predicted[i]!) ** 2;
    total += (actual[i]! - mean) ** 2;
  }
  if (residual === 0) return 1;
  if (total === 0) return 0;
  return 1 - residual / total;
}

/** Counts of residuals (actual − predicted) in equal-width bins. */
export interface Histogram {
  /** bins + 1 edges, ascending; bin i is [edges[i], edges[i+1]), the last one closed. */
  edges: number[];
  counts: number[];
}

/**
 * The residuals' histogram, binned as `numpy.histogram(residuals, bins)`: equal bins from
 * the smallest to the largest residual (±0.5 around a single value), the last bin closed.
 */
export function residualHistogram(actual: Numbers, predicted: Numbers, bins = 20): Histogram {
  checkSameLength(actual, predicted);
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`Bad bin count ${bins}`);
  const n = actual.length;
  const residuals = Float64Array.from({ length: n }, (_, i) => actual[i]! - predicted[i]!);
  let first = n === 0 ? 0 : Infinity;
  let last = n === 0 ? 1 : -Infinity;
  for (const r of residuals) {
    if (!Number.isFinite(r)) throw new RangeError(`Residual ${r} cannot be binned`);
    first = Math.min(first, r);
    last = Math.max(last, r);
  }
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  // numpy.linspace: start + i·step, with the end set exactly.
  const step = (last - first) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? last : i * step + first));
  const counts = new Array<number>(bins).fill(0);
  for (const r of residuals) {
    let k = Math.min(Math.floor(((r - first) / (last - first)) * bins), bins - 1);
    // As numpy does: the edges, not the division, decide a value within an ulp of one.
    if (r < edges[k]!) k--;
    else if (k < bins - 1 && r >= edges[k + 1]!) k++;
    counts[k]! += 1;
  }
  return { edges, counts };
}

/** One row's error. */
export interface RowError {
  row: number;
  actual: number;
  predicted: number;
  /** actual − predicted */
  residual: number;
}

/** The `limit` rows with the largest absolute error, largest first, ties by row. */
export function largestErrors(actual: Numbers, predicted: Numbers, limit = 10): RowError[] {
  checkSameLength(actual, predicted);
  const errors = Array.from({ length: actual.length }, (_, row) => ({
    row,
    actual: actual[row]!,
    predicted: predicted[row]!,
    residual: actual[row]! - predicted[row]!,
  }));
  // A NaN prediction is the worst error of all: it comes first.
  const size = (e: RowError) => (Number.isNaN(e.residual) ? Infinity : Math.abs(e.residual));
  errors.sort((a, b) => (size(a) === size(b) ? a.row - b.row : size(a) > size(b) ? -1 : 1));
  return errors.slice(0, limit);
}
