/**
 * The evaluation report of one split, assembled from its stored outputs (runOutputs.ts):
 * every number the evaluation view shows, in one plain object. Computed on demand, for
 * the latest run and for any stored run after a reload. Anything chosen (the decision
 * threshold) is chosen on the validation split and only applied to the test split.
 *
 *   const test = evaluationReport(outputs.test, { ...context, threshold });
 */
import type { TaskKind } from '../graph/types';
import {
  majorityClassBaseline,
  meanBaseline,
  type MajorityBaseline,
  type MeanBaseline,
} from './baselines';
import { defaultPositiveClass, thresholdMetrics, type ThresholdMetrics } from './binary';
import { binaryCalibration, confidenceCalibration, type Calibration } from './calibration';
import {
  accuracy,
  balancedAccuracy,
  logLoss,
  predictedClasses,
  reportTopKs,
  topKAccuracy,
} from './classification';
import {
  cellRows,
  confusionMatrix,
  mostConfusedPairs,
  rowNormalized,
  type CellRows,
  type ConfusedPair,
} from './confusion';
import {
  averagePrecision,
  precisionRecallCurve,
  rocAuc,
  rocCurve,
  type PrecisionRecallCurve,
  type RocCurve,
} from './curves';
import { oneVsRestRoc, type OneVsRestRoc } from './multiclass';
import { classCount, positiveScores } from './outputs';
import {
  largestErrors,
  regressionMetrics,
  residualHistogram,
  type Histogram,
  type RegressionMetrics,
  type RowError,
} from './regression';
import { classificationReport, type ClassificationReport } from './report';
import { isSampled, type SplitOutputs } from './runOutputs';

/** The default decision threshold of a binary classifier. */
export const DEFAULT_THRESHOLD = 0.5;

/** The binary part of a report: curves of the positive class and the metrics at the threshold. */
export interface BinaryReport {
  positive: number;
  scores: Float64Array;
  roc: RocCurve | null;
  auc: number | null;
  pr: PrecisionRecallCurve;
  averagePrecision: number;
  atThreshold: ThresholdMetrics;
}

export interface ClassificationEvaluation {
  task: 'binary' | 'multiclass';
  /** Rows evaluated, and whether they are a sample of the split. */
  n: number;
  splitSize: number;
  sampled: boolean;
  accuracy: number;
  balancedAccuracy: number;
  logLoss: number;
  topK: { k: number; accuracy: number }[];
  report: ClassificationReport;
  /** confusion[actual][predicted] counts, and the same divided by each row's total. */
  confusion: number[][];
  normalized: number[][];
  confusedPairs: ConfusedPair[];
  /** Positions (into the split's stored rows) behind each cell, most confidently wrong first. */
  cells: CellRows;
  baseline: MajorityBaseline;
  calibration: Calibration;
  binary: BinaryReport | null;
  oneVsRest: OneVsRestRoc | null;
}

export interface RegressionEvaluation {
  task: 'regression';
  n: number;
  splitSize: number;
  sampled: boolean;
  metrics: RegressionMetrics;
  baseline: MeanBaseline;
  residuals: Histogram;
  /** Positions (into the split's stored rows) with the largest absolute errors. */
  largest: RowError[];
  actual: Float32Array;
  predicted: Float32Array;
}

export type EvaluationReport = ClassificationEvaluation | RegressionEvaluation;

export interface ReportContext {
  task: TaskKind;
  numClasses: number;
  /** Training-split targets: baselines and the default positive class. */
  trainLabels: Float32Array;
  /** Binary: the class whose probability is the score (default: the training minority). */
  positive?: number;
  /** Binary: rows scoring at least this are predicted positive. */
  threshold?: number;
}

/** The report of one split's stored outputs. */
export function evaluationReport(split: SplitOutputs, ctx: ReportContext): EvaluationReport {
  const base = { n: split.rows.length, splitSize: split.splitSize, sampled: isSampled(split) };
  const { labels, outputs, units } = split;
  if (ctx.task === 'regression') {
    const predicted = Float32Array.from({ length: labels.length }, (_, i) => outputs[i * units]!);
    return {
      task: 'regression',
      ...base,
      metrics: regressionMetrics(labels, predicted),
      baseline: meanBaseline(ctx.trainLabels, labels),
      residuals: residualHistogram(labels, predicted),
      largest: largestErrors(labels, predicted, 20),
      actual: labels,
      predicted,
    };
  }
  const k = Math.max(ctx.numClasses, classCount(units));
  const binary = classCount(units) === 2 ? binaryReport(split, ctx) : null;
  // A binary model predicts its positive class from the threshold on: every figure of
  // the report follows the threshold, not only the threshold's own metrics.
  const predicted = binary
    ? Int32Array.from(binary.scores, (s) =>
        s >= binary.atThreshold.threshold ? binary.positive : 1 - binary.positive,
      )
    : predictedClasses(outputs, units);
  const confusion = confusionMatrix(labels, predicted, k);
  return {
    task: ctx.task,
    ...base,
    accuracy: accuracy(labels, predicted),
    balancedAccuracy: balancedAccuracy(labels, predicted),
    logLoss: logLoss(labels, outputs, units),
    topK: reportTopKs(units).map((topK) => ({
      k: topK,
      accuracy: topKAccuracy(labels, outputs, units, topK),
    })),
    report: classificationReport(labels, predicted, k),
    confusion,
    normalized: rowNormalized(confusion),
    confusedPairs: mostConfusedPairs(confusion),
    cells: cellRows(labels, predicted, outputs, units, k),
    baseline: majorityClassBaseline(ctx.trainLabels, labels, k),
    calibration: binary
      ? binaryCalibration(labels, outputs, units, binary.positive)
      : confidenceCalibration(labels, outputs, units),
    binary,
    oneVsRest: binary ? null : oneVsRestRoc(labels, outputs, units),
  };
}

/** The positive class a binary report uses unless the user picks another. */
export function positiveClassFor(ctx: Pick<ReportContext, 'trainLabels' | 'positive'>): number {
  return ctx.positive ?? defaultPositiveClass(ctx.trainLabels);
}

function binaryReport(split: SplitOutputs, ctx: ReportContext): BinaryReport {
  const positive = positiveClassFor(ctx);
  const scores = positiveScores(split.outputs, split.units, positive);
  const { labels } = split;
  return {
    positive,
    scores,
    roc: rocCurve(labels, scores, positive),
    auc: rocAuc(labels, scores, positive),
    pr: precisionRecallCurve(labels, scores, positive),
    averagePrecision: averagePrecision(labels, scores, positive),
    atThreshold: thresholdMetrics(labels, scores, positive, ctx.threshold ?? DEFAULT_THRESHOLD),
  };
}
