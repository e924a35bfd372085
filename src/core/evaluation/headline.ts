/**
 * The headline numbers of a test report, each with the baseline a model must beat: a
 * constant predictor fitted on the training split (its class frequencies, or its mean
 * target) and scored on the same test rows with the same definitions.
 */
import { logLoss, topKAccuracy } from './classification';
import type { ClassificationEvaluation, RegressionEvaluation } from './evaluationReport';
import type { Numbers } from './outputs';
import { regressionMetrics } from './regression';

export type HeadlineKey =
  | 'accuracy'
  | 'balancedAccuracy'
  | 'macroF1'
  | 'logLoss'
  | 'top3'
  | 'top5'
  | 'auc'
  | 'averagePrecision'
  | 'macroAuc'
  | 'mse'
  | 'rmse'
  | 'mae'
  | 'r2';

/** One headline metric and its baseline. */
export interface HeadlineMetric {
  key: HeadlineKey;
  label: string;
  /** null when undefined on this split (e.g. AUC with one class). */
  value: number | null;
  baseline: number | null;
  /** What the baseline predicts, in words. */
  baselineLabel: string;
  higherIsBetter: boolean;
}

/** Training-split class frequencies (the DummyClassifier "prior" strategy). */
export function classPriors(trainLabels: Numbers, numClasses: number): number[] {
  const counts = new Array<number>(numClasses).fill(0);
  for (let i = 0; i < trainLabels.length; i++) counts[trainLabels[i]!]! += 1;
  return counts.map((c) => c / Math.max(trainLabels.length, 1));
}

/** The same probability row (the priors) for each of n rows, as model outputs. */
function constantOutputs(priors: number[], n: number): Float64Array {
  const k = priors.length;
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) out.set(priors, i * k);
  return out;
}

/** Headline metrics of a classification report with majority-class and prior baselines. */
export function classificationHeadline(
  r: ClassificationEvaluation,
  labels: Numbers,
  trainLabels: Numbers,
  classNames: readonly string[],
): HeadlineMetric[] {
  const k = r.report.classes.length;
  const n = labels.length;
  const majority = r.baseline.majorityClass;
  const majorityName = classNames[majority] ?? String(majority);
  const always = `always “${majorityName}”`;
  const present = r.report.classes
    .map((c, i) => ({ support: c.support, i }))
    .filter((c) => c.support > 0);
  // The majority predictor's recall is 1 for its class and 0 for the others.
  const baselineBalanced =
    present.length === 0
      ? null
      : present.reduce((s, c) => s + r.baseline.recall[c.i]!.value, 0) / present.length;
  const support = r.report.classes[majority]?.support ?? 0;
  const majorityPrecision = n === 0 ? 0 : support / n;
  const majorityF1 = support === 0 ? 0 : (2 * majorityPrecision) / (majorityPrecision + 1);
  const priors = classPriors(trainLabels, k);
  const priorOutputs = constantOutputs(priors, n);
  const priorLabel = 'the training class frequencies';
  const metrics: HeadlineMetric[] = [
    {
      key: 'accuracy',
      label: 'Accuracy',
      value: r.accuracy,
      baseline: r.baseline.accuracy,
      baselineLabel: always,
      higherIsBetter: true,
    },
    {
      key: 'balancedAccuracy',
      label: 'Balanced accuracy',
      value: r.balancedAccuracy,
      baseline: baselineBalanced,
      baselineLabel: always,
      higherIsBetter: true,
    },
    {
      key: 'macroF1',
      label: 'Macro F1',
      value: r.report.macro.f1.value,
      baseline: k === 0 ? null : majorityF1 / k,
      baselineLabel: always,
      higherIsBetter: true,
    },
    {
      key: 'logLoss',
      label: 'Log loss',
      value: r.logLoss,
      baseline: n === 0 ? null : logLoss(labels, priorOutputs, k),
      baselineLabel: priorLabel,
      higherIsBetter: false,
    },
    ...r.topK.map((t): HeadlineMetric => ({
      key: t.k === 3 ? 'top3' : 'top5',
      label: `Top-${t.k} accuracy`,
      value: t.accuracy,
      baseline: n === 0 ? null : topKAccuracy(labels, priorOutputs, k, t.k),
      baselineLabel: `the ${t.k} most frequent training classes`,
      higherIsBetter: true,
    })),
  ];
  if (r.binary) {
    const positives = r.report.classes[r.binary.positive]?.support ?? 0;
    metrics.push(
      {
        key: 'auc',
        label: 'ROC AUC',
        value: r.binary.auc,
        baseline: 0.5,
        baselineLabel: 'a constant score',
        higherIsBetter: true,
      },
      {
        key: 'averagePrecision',
        label: 'Average precision',
        value: r.binary.averagePrecision,
        baseline: n === 0 ? null : positives / n,
        baselineLabel: 'a constant score (the positive share)',
        higherIsBetter: true,
      },
    );
  }
  if (r.oneVsRest) {
    metrics.push({
      key: 'macroAuc',
      label: 'Macro ROC AUC (one-vs-rest)',
      value: r.oneVsRest.macroAuc,
      baseline: 0.5,
      baselineLabel: 'a constant score',
      higherIsBetter: true,
    });
  }
  return metrics;
}

/** Headline metrics of a regression report with the training-mean baseline. */
export function regressionHeadline(r: RegressionEvaluation): HeadlineMetric[] {
  const constant = new Float64Array(r.actual.length).fill(r.baseline.mean);
  const base = regressionMetrics(r.actual, constant);
  const label = `always the training mean (${formatPlain(r.baseline.mean)})`;
  const metric = (
    key: 'mse' | 'rmse' | 'mae' | 'r2',
    name: string,
    higherIsBetter = false,
  ): HeadlineMetric => ({
    key,
    label: name,
    value: r.metrics[key],
    // The baseline's R² is the core's (exactly sklearn's r2_score of the constant).
    baseline: key === 'r2' ? r.baseline.r2 : key === 'rmse' ? r.baseline.rmse : base[key],
    baselineLabel: label,
    higherIsBetter,
  });
  return [
    metric('mse', 'MSE'),
    metric('rmse', 'RMSE'),
    metric('mae', 'MAE'),
    metric('r2', 'R²', true),
  ];
}

/** A number with up to 4 significant decimals, for prose. */
function formatPlain(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x);
}
