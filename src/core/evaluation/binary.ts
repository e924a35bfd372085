/**
 * Binary classification at a decision threshold, and which class counts as positive.
 */
import { checkSameLength, type Numbers } from './outputs';
import { f1Cell, ratioCell, type ReportCell } from './report';

/**
 * The class the binary report treats as positive by default: the minority class of the
 * training split (the rarer class is usually the one of interest, e.g. fraud, disease);
 * equal counts give the higher class index, 1, matching sklearn's usual pos_label=1.
 */
export function defaultPositiveClass(trainLabels: Numbers): 0 | 1 {
  let ones = 0;
  for (let i = 0; i < trainLabels.length; i++) if (trainLabels[i] === 1) ones++;
  return ones <= trainLabels.length - ones ? 1 : 0;
}

/** The metrics of predicting `positive` for every row scoring at least `threshold`. */
export interface ThresholdMetrics {
  threshold: number;
  positive: number;
  precision: ReportCell;
  recall: ReportCell;
  f1: ReportCell;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  /** confusion[actual][predicted] by class index (0, 1), like the main matrix. */
  confusion: number[][];
}

/**
 * Precision, recall, F1 (sklearn's, zero division counted as 0 and marked) and the
 * confusion matrix when rows scoring ≥ threshold are predicted positive — the same
 * "≥" as the thresholds of rocCurve and precisionRecallCurve.
 */
export function thresholdMetrics(
  actual: Numbers,
  scores: Numbers,
  positive: number,
  threshold: number,
): ThresholdMetrics {
  checkSameLength(actual, scores);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < actual.length; i++) {
    const isPositive = actual[i] === positive;
    if (scores[i]! >= threshold) {
      if (isPositive) tp++;
      else fp++;
    } else if (isPositive) fn++;
    else tn++;
  }
  const precision = ratioCell(tp, tp + fp);
  const recall = ratioCell(tp, tp + fn);
  const f1 = f1Cell(precision, recall);
  const confusion =
    positive === 1
      ? [
          [tn, fp],
          [fn, tp],
        ]
      : [
          [tp, fn],
          [fp, tn],
        ];
  return {
    threshold,
    positive,
    precision,
    recall,
    f1,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    confusion,
  };
}
