/**
 * The summary of a cross-validated run: per metric, the mean and sample standard
 * deviation over its finished folds, next to the single split's figure (the final
 * model's validation metric at its last epoch, measured the same way as a fold's).
 */
import type { EpochMetrics } from '../train/types';
import type { FoldEvaluation, FoldHistory } from './record';

/** The metrics a fold reports, by the name the UI's `data-metric` uses. */
export type CrossValidationMetric = 'loss' | 'accuracy' | 'mae';

const METRICS: readonly {
  metric: CrossValidationMetric;
  label: string;
  fold: keyof FoldEvaluation;
  epoch: 'valLoss' | 'valAccuracy' | 'valMae';
}[] = [
  { metric: 'loss', label: 'Validation loss', fold: 'valLoss', epoch: 'valLoss' },
  { metric: 'accuracy', label: 'Validation accuracy', fold: 'valAccuracy', epoch: 'valAccuracy' },
  { metric: 'mae', label: 'Validation MAE', fold: 'valMae', epoch: 'valMae' },
];

export interface CrossValidationRow {
  metric: CrossValidationMetric;
  label: string;
  /** The final model's validation figure at its last epoch; null before it has one. */
  singleSplit: number | null;
  mean: number;
  /** Sample standard deviation (n − 1); null with fewer than two folds. */
  std: number | null;
  /** The folds' values, fold 1 first. */
  values: number[];
}

/** Mean and sample standard deviation (n − 1; null below two values) of finite values. */
export function meanAndSampleStd(values: readonly number[]): { mean: number; std: number | null } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, std: null };
  const ss = values.reduce((a, v) => a + (v - mean) ** 2, 0);
  return { mean, std: Math.sqrt(ss / (n - 1)) };
}

/**
 * One row per metric the finished folds report, in the order loss, accuracy, MAE; empty
 * when no fold has finished. A fold whose value is not finite (it diverged) is left out.
 */
export function crossValidationSummary(
  folds: readonly FoldHistory[],
  epochs: readonly EpochMetrics[],
): CrossValidationRow[] {
  const finished = folds.filter((f) => f.evaluation !== null);
  const last = epochs.at(-1);
  const rows: CrossValidationRow[] = [];
  for (const m of METRICS) {
    const values = finished
      .map((f) => f.evaluation![m.fold])
      .filter((v): v is number => v !== undefined && Number.isFinite(v));
    if (values.length === 0) continue;
    const single = last?.[m.epoch];
    rows.push({
      metric: m.metric,
      label: m.label,
      singleSplit: single !== undefined && Number.isFinite(single) ? single : null,
      ...meanAndSampleStd(values),
      values,
    });
  }
  return rows;
}
