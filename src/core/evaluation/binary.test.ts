/** Hand-checked binary cases: tied scores, one class only, thresholds, calibration. */
import { describe, expect, it } from 'vitest';
import { defaultPositiveClass, thresholdMetrics } from './binary';
import { binaryCalibration, calibrationCurve } from './calibration';
import { averagePrecision, precisionRecallCurve, rocAuc, rocCurve } from './curves';
import { positiveScores } from './outputs';

const list = (a: Float64Array | undefined) => (a ? [...a] : a);

describe('tied scores', () => {
  it('make one point of the ROC and PR curves', () => {
    const actual = [1, 0, 1, 0];
    const scores = [0.8, 0.8, 0.3, 0.3];
    const roc = rocCurve(actual, scores, 1)!;
    expect(list(roc.fpr)).toEqual([0, 0.5, 1]);
    expect(list(roc.tpr)).toEqual([0, 0.5, 1]);
    expect(list(roc.thresholds)).toEqual([1.8, 0.8, 0.3]);
    expect(rocAuc(actual, scores, 1)).toBe(0.5);
    const pr = precisionRecallCurve(actual, scores, 1);
    expect(list(pr.precision)).toEqual([0.5, 0.5, 1]);
    expect(list(pr.recall)).toEqual([1, 0.5, 0]);
    expect(list(pr.thresholds)).toEqual([0.3, 0.8]);
    expect(averagePrecision(actual, scores, 1)).toBe(0.5);
  });

  it('count half in the AUC, as the Mann–Whitney statistic does', () => {
    const actual = [1, 1, 0, 0, 1];
    const scores = [0.9, 0.5, 0.5, 0.1, 0.5];
    const roc = rocCurve(actual, scores, 1, { dropIntermediate: false })!;
    expect(list(roc.fpr)).toEqual([0, 0, 0.5, 1]);
    expect(list(roc.tpr)).toEqual([0, 1 / 3, 1, 1]);
    expect(rocAuc(actual, scores, 1)).toBeCloseTo(5 / 6, 15);
  });

  it('drop the collinear points only when asked (the default, as in sklearn)', () => {
    const actual = [1, 1, 1, 0, 0, 0];
    const scores = [0.9, 0.8, 0.7, 0.3, 0.2, 0.1];
    // The origin, the first threshold (always kept), the corner (0, 1) and the end (1, 1).
    expect(list(rocCurve(actual, scores, 1)!.fpr)).toEqual([0, 0, 0, 1]);
    expect(list(rocCurve(actual, scores, 1)!.tpr)).toEqual([0, 1 / 3, 1, 1]);
    expect(rocCurve(actual, scores, 1, { dropIntermediate: false })!.fpr).toHaveLength(7);
    expect(rocAuc(actual, scores, 1)).toBe(1);
  });
});

describe('one class in the test split', () => {
  const scores = [0.2, 0.9, 0.4];

  it('has no ROC curve or AUC', () => {
    expect(rocCurve([1, 1, 1], scores, 1)).toBeNull();
    expect(rocAuc([0, 0, 0], scores, 1)).toBeNull();
    expect(rocCurve([], [], 1)).toBeNull();
  });

  it('has the PR curve and AP sklearn gives', () => {
    expect(averagePrecision([1, 1, 1], scores, 1)).toBe(1);
    // No positives: sklearn sets recall to 1 everywhere, so AP is 0.
    const pr = precisionRecallCurve([0, 0, 0], scores, 1);
    expect(list(pr.recall)).toEqual([1, 1, 1, 0]);
    expect(averagePrecision([0, 0, 0], scores, 1)).toBe(0);
  });

  it('refuses scores that cannot be ranked', () => {
    expect(() => rocCurve([0, 1], [0.5, NaN], 1)).toThrow(/NaN/);
  });
});

describe('positive class', () => {
  it('is the training minority, a tie going to class 1', () => {
    expect(defaultPositiveClass([0, 0, 1, 1])).toBe(1);
    expect(defaultPositiveClass([0, 1, 1])).toBe(0);
    expect(defaultPositiveClass([0, 0, 1])).toBe(1);
  });

  it('is scored by its probability for a sigmoid or a 2-unit softmax', () => {
    expect(list(positiveScores([0.25, 0.75], 1, 1))).toEqual([0.25, 0.75]);
    expect(list(positiveScores([0.25, 0.75], 1, 0))).toEqual([0.75, 0.25]);
    expect(list(positiveScores([0.3, 0.7, 0.6, 0.4], 2, 0))).toEqual([0.3, 0.6]);
    expect(() => positiveScores([0.2, 0.3, 0.5], 3, 0)).toThrow(/binary/);
  });
});

describe('metrics at a threshold', () => {
  const actual = [1, 0, 1, 0];
  const scores = [0.8, 0.8, 0.3, 0.3];

  it('predict positive at or above the threshold', () => {
    const m = thresholdMetrics(actual, scores, 1, 0.8);
    expect([m.truePositives, m.falsePositives, m.falseNegatives, m.trueNegatives]).toEqual([
      1, 1, 1, 1,
    ]);
    expect(m.precision).toEqual({ value: 0.5, zeroDivision: false });
    expect(m.f1.value).toBe(0.5);
  });

  it('mark precision as 0/0 when nothing is predicted positive', () => {
    const m = thresholdMetrics(actual, scores, 1, 0.9);
    expect(m.precision).toEqual({ value: 0, zeroDivision: true });
    expect(m.recall).toEqual({ value: 0, zeroDivision: false });
    expect(m.f1).toEqual({ value: 0, zeroDivision: true });
  });

  it('lay out the confusion matrix by class index whichever class is positive', () => {
    // Class 0 positive: rows of class 0 scoring ≥ 0.5 are predicted 0.
    const m = thresholdMetrics([0, 0, 1, 1, 1], [0.9, 0.2, 0.6, 0.1, 0.3], 0, 0.5);
    expect(m.confusion).toEqual([
      [1, 1],
      [1, 2],
    ]);
  });
});

describe('calibration', () => {
  it('puts a probability on a bin edge into the lower bin, as sklearn does', () => {
    const c = calibrationCurve([0, 1, 0, 1, 1], [0, 0.1, 0.1000001, 0.5, 1]);
    expect(c.bins.map((b) => [b.index, b.count])).toEqual([
      [0, 2],
      [1, 1],
      [4, 1],
      [9, 1],
    ]);
    expect(c.bins[0]).toMatchObject({ meanPredicted: 0.05, fractionPositive: 0.5 });
    expect(c.ece).toBeCloseTo((2 / 5) * 0.45 + 0.1000001 / 5 + 0.5 / 5, 15);
  });

  it('is zero for a perfectly calibrated model and undefined for no rows', () => {
    expect(calibrationCurve([1, 1, 0, 0], [1, 1, 0, 0]).ece).toBe(0);
    expect(calibrationCurve([], []).ece).toBeNaN();
    expect(() => calibrationCurve([1], [1.5])).toThrow(/outside/);
  });

  it('scores the positive class of a sigmoid', () => {
    const c = binaryCalibration([0, 1], [0.95, 0.05], 1, 0);
    expect(c.bins.map((b) => [b.index, b.fractionPositive])).toEqual([
      [0, 1],
      [9, 0],
    ]);
  });
});
