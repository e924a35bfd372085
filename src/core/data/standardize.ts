import type { Dataset } from './types';

/** Per-feature statistics fitted on the training rows; saved with a run later. */
export interface Standardization {
  mean: Float32Array;
  std: Float32Array;
}

/**
 * Fits mean and standard deviation per feature on the given (training) rows only, so no
 * information from validation or test rows leaks into training. Constant features get
 * std 1 (they become 0 rather than NaN).
 */
export function fitStandardization(ds: Dataset, rows: Int32Array): Standardization {
  const d = ds.x.length / ds.n;
  const mean = new Float32Array(d);
  const std = new Float32Array(d);
  if (rows.length === 0) return { mean, std: std.fill(1) };
  // Accumulate in float64 so large values (wine proline ~1,000) keep their precision.
  const sum = new Float64Array(d);
  const sumSq = new Float64Array(d);
  for (const r of rows) {
    for (let j = 0; j < d; j++) {
      const v = ds.x[r * d + j]!;
      sum[j]! += v;
      sumSq[j]! += v * v;
    }
  }
  for (let j = 0; j < d; j++) {
    const m = sum[j]! / rows.length;
    const variance = Math.max(sumSq[j]! / rows.length - m * m, 0);
    mean[j] = m;
    std[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
  }
  return { mean, std };
}

/** A copy of a tabular dataset with every row standardised by the fitted statistics. */
export function applyStandardization(ds: Dataset, s: Standardization): Dataset {
  const d = s.mean.length;
  const x = new Float32Array(ds.x.length);
  for (let i = 0; i < ds.x.length; i++) {
    const j = i % d;
    x[i] = (ds.x[i]! - s.mean[j]!) / s.std[j]!;
  }
  return { ...ds, x, xScale: 1 };
}

/**
 * Tabular features are standardised with training-split statistics; point sets (already
 * in [-1, 1]), images (scaled per batch) and CSV uploads (scaled by their own fitted
 * pipeline) pass through unchanged. The statistics are returned (null when none were
 * fitted) so the exported preprocessing is the one training used, not a second fit.
 */
export function prepareFeatures(
  ds: Dataset,
  trainRows: Int32Array,
): { dataset: Dataset; standardization: Standardization | null } {
  if (ds.kind !== 'tabular' || ds.preprocessed) return { dataset: ds, standardization: null };
  const standardization = fitStandardization(ds, trainRows);
  return { dataset: applyStandardization(ds, standardization), standardization };
}
