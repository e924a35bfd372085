/**
 * What a model must beat: constant predictors fitted on the training split and scored
 * on the test split, as sklearn's DummyClassifier("most_frequent") and
 * DummyRegressor("mean").
 */
import { accuracy } from './classification';
import type { Numbers } from './outputs';
import { regressionMetrics, r2Score } from './regression';
import { classificationReport, type ReportCell } from './report';

/** The majority-class baseline of a classifier. */
export interface MajorityBaseline {
  /** The most frequent training class; a tie goes to the lower index, as in sklearn. */
  majorityClass: number;
  accuracy: number;
  /** Recall per class: 1 for the majority class, 0 for the others (0/0 marked). */
  recall: ReportCell[];
}

/** Always predicting the training split's most frequent class, scored on the test split. */
export function majorityClassBaseline(
  trainLabels: Numbers,
  testLabels: Numbers,
  numClasses: number,
): MajorityBaseline {
  if (trainLabels.length === 0) throw new RangeError('The training split has no rows');
  const counts = new Array<number>(numClasses).fill(0);
  for (let i = 0; i < trainLabels.length; i++) counts[trainLabels[i]!]! += 1;
  const majorityClass = counts.indexOf(Math.max(...counts));
  const predicted = new Int32Array(testLabels.length).fill(majorityClass);
  const report = classificationReport(testLabels, predicted, numClasses);
  return {
    majorityClass,
    accuracy: accuracy(testLabels, predicted),
    recall: report.classes.map((row) => row.recall),
  };
}

/** The training-mean baseline of a regressor. */
export interface MeanBaseline {
  mean: number;
  rmse: number;
  /** At most 0 on the test split: 0 only when the test mean equals the training mean. */
  r2: number;
}

/** Always predicting the training split's mean target, scored on the test split. */
export function meanBaseline(trainTargets: Numbers, testTargets: Numbers): MeanBaseline {
  if (trainTargets.length === 0) throw new RangeError('The training split has no rows');
  let mean = 0;
  for (let i = 0; i < trainTargets.length; i++) mean += trainTargets[i]!;
  mean /= trainTargets.length;
  const predicted = new Float64Array(testTargets.length).fill(mean);
  return {
    mean,
    rmse: regressionMetrics(testTargets, predicted).rmse,
    r2: r2Score(testTargets, predicted),
  };
}
