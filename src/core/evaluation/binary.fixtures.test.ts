/**
 * Binary curves, threshold metrics and regression against scikit-learn 1.2's results on
 * the same inputs (fixtures/metrics.json, written by tests/python/metric_fixtures.py).
 */
import { describe, expect, it } from 'vitest';
import { meanBaseline } from './baselines';
import { defaultPositiveClass, thresholdMetrics } from './binary';
import { binaryCalibration } from './calibration';
import { averagePrecision, precisionRecallCurve, rocAuc, rocCurve, type RocCurve } from './curves';
import { expectAllClose, expectCalibration, expectClose } from './fixtures/close';
import { readFixtures, type FixtureCurve } from './fixtures/readFixtures';
import { positiveScores } from './outputs';
import { largestErrors, regressionMetrics, residualHistogram } from './regression';

const fixtures = readFixtures();
const binaryCases = fixtures.classification.filter((c) => c.binary);

function expectCurve(got: RocCurve | null, want: FixtureCurve | null, what: string): void {
  if (want === null) {
    expect(got, what).toBeNull();
    return;
  }
  expect(got, what).not.toBeNull();
  expectAllClose(got!.fpr, want.fpr, `${what} fpr`);
  expectAllClose(got!.tpr, want.tpr, `${what} tpr`);
  expectAllClose(got!.thresholds, want.thresholds, `${what} thresholds`);
}

it('covers the binary edge cases', () => {
  expect(binaryCases.map((c) => c.name)).toEqual(
    expect.arrayContaining(['binary-softmax-ties', 'binary-no-positives', 'binary-all-tied']),
  );
});

describe.each(binaryCases)('$name', (c) => {
  const b = c.binary!;
  const actual = Float32Array.from(c.actual);
  const outputs = Float32Array.from(c.outputs);
  const scores = positiveScores(outputs, c.units, b.positive);

  it('takes the positive class from the training split and scores by its probability', () => {
    expect(defaultPositiveClass(Float32Array.from(c.trainLabels))).toBe(c.defaultPositive);
    expect([...scores]).toEqual(b.scores);
  });

  it('matches roc_curve (drop_intermediate true and false) and roc_auc_score', () => {
    expectCurve(rocCurve(actual, scores, b.positive), b.roc, 'dropped');
    expectCurve(rocCurve(actual, scores, b.positive, { dropIntermediate: false }), b.rocAll, 'all');
    const auc = rocAuc(actual, scores, b.positive);
    if (b.auc === null) expect(auc).toBeNull();
    else expectClose(auc!, b.auc, 'AUC');
  });

  it('matches precision_recall_curve and average_precision_score', () => {
    const pr = precisionRecallCurve(actual, scores, b.positive);
    expectAllClose(pr.precision, b.pr.precision, 'precision');
    expectAllClose(pr.recall, b.pr.recall, 'recall');
    expectAllClose(pr.thresholds, b.pr.thresholds, 'thresholds');
    expectClose(averagePrecision(actual, scores, b.positive), b.averagePrecision, 'AP');
  });

  it('matches precision_score, recall_score, f1_score and confusion_matrix at thresholds', () => {
    for (const want of b.atThreshold) {
      const got = thresholdMetrics(actual, scores, b.positive, want.threshold);
      const at = `at ${want.threshold}`;
      expectClose(got.precision.value, want.precision, `precision ${at}`);
      expectClose(got.recall.value, want.recall, `recall ${at}`);
      expectClose(got.f1.value, want.f1, `f1 ${at}`);
      expect(got.confusion, at).toEqual(want.confusion);
    }
  });

  it('matches calibration_curve on the positive class', () => {
    expectCalibration(binaryCalibration(actual, outputs, c.units, b.positive), b.calibration);
  });
});

describe.each(fixtures.regression)('$name', (r) => {
  const actual = Float32Array.from(r.actual);
  const predicted = Float32Array.from(r.predicted);

  it('matches mean_squared_error, its root, mean_absolute_error and r2_score', () => {
    const m = regressionMetrics(actual, predicted);
    expectClose(m.mse, r.mse, 'MSE');
    expectClose(m.rmse, r.rmse, 'RMSE');
    expectClose(m.mae, r.mae, 'MAE');
    expectClose(m.r2, r.r2, 'R²');
  });

  it('bins residuals as numpy.histogram does', () => {
    for (const [bins, want] of [
      [20, r.histogram20],
      [7, r.histogram7],
    ] as const) {
      const got = residualHistogram(actual, predicted, bins);
      expectAllClose(got.edges, want.edges, `edges ${bins}`);
      expect(got.counts, `counts ${bins}`).toEqual(want.counts);
    }
  });

  it('lists the largest absolute errors first', () => {
    expect(largestErrors(actual, predicted).map((e) => e.row)).toEqual(r.largestErrors);
  });

  it('matches DummyRegressor(strategy="mean")', () => {
    const base = meanBaseline(Float32Array.from(r.trainTargets), actual);
    expectClose(base.mean, r.baseline.mean, 'mean');
    expectClose(base.rmse, r.baseline.rmse, 'baseline RMSE');
    expectClose(base.r2, r.baseline.r2, 'baseline R²');
  });
});
