/**
 * Every classification function against scikit-learn 1.2's results on the same inputs
 * (fixtures/metrics.json, written by tests/python/metric_fixtures.py).
 */
import { describe, expect, it } from 'vitest';
import { majorityClassBaseline } from './baselines';
import { confidenceCalibration } from './calibration';
import {
  accuracy,
  balancedAccuracy,
  logLoss,
  predictedClasses,
  topKAccuracy,
} from './classification';
import {
  cellRows,
  confusionMatrix,
  mostConfusedPairs,
  rowNormalized,
  rowsInCell,
} from './confusion';
import { expectAllClose, expectCalibration, expectClose } from './fixtures/close';
import { readFixtures, type FixtureRow } from './fixtures/readFixtures';
import { oneVsRestRoc } from './multiclass';
import { classificationReport, type ReportRow } from './report';

const fixtures = readFixtures();

/** The case's inputs as the app holds them: float32 outputs, float32 labels. */
function inputs(c: (typeof fixtures.classification)[number]) {
  return {
    actual: Float32Array.from(c.actual),
    outputs: Float32Array.from(c.outputs),
    predicted: predictedClasses(Float32Array.from(c.outputs), c.units),
  };
}

function expectRow(row: ReportRow, want: FixtureRow, what: string): void {
  expectClose(row.precision.value, want.precision, `${what} precision`);
  expectClose(row.recall.value, want.recall, `${what} recall`);
  expectClose(row.f1.value, want.f1, `${what} f1`);
  expect(row.support, `${what} support`).toBe(want.support);
}

it('was written by scikit-learn 1.2', () => {
  expect(fixtures.sklearn).toMatch(/^1\.2\./);
  expect(fixtures.classification.length).toBeGreaterThanOrEqual(10);
});

describe.each(fixtures.classification)('$name', (c) => {
  const { actual, outputs, predicted } = inputs(c);
  const k = c.numClasses;

  it('predicts the classes sklearn was given', () => {
    expect([...predicted]).toEqual(c.predicted);
  });

  it('matches accuracy_score, balanced_accuracy_score and log_loss', () => {
    expectClose(accuracy(actual, predicted), c.accuracy, 'accuracy');
    expectClose(balancedAccuracy(actual, predicted), c.balancedAccuracy, 'balanced accuracy');
    expectClose(logLoss(actual, outputs, c.units), c.logLoss, 'log loss');
  });

  it('matches classification_report, zero divisions marked', () => {
    const report = classificationReport(actual, predicted, k);
    report.classes.forEach((row, cls) => {
      expectRow(row, c.report.classes[cls]!, `class ${cls}`);
      expect(row.precision.zeroDivision).toBe(c.report.precisionZeroDivision[cls]);
      expect(row.recall.zeroDivision).toBe(c.report.recallZeroDivision[cls]);
      expect(row.f1.zeroDivision).toBe(
        c.report.precisionZeroDivision[cls]! || c.report.recallZeroDivision[cls]!,
      );
    });
    expectRow(report.macro, c.report.macro, 'macro');
    expectRow(report.weighted, c.report.weighted, 'weighted');
    expectClose(report.accuracy, c.report.accuracy, 'report accuracy');
  });

  it('matches confusion_matrix and its row-normalised view', () => {
    const counts = confusionMatrix(actual, predicted, k);
    expect(counts).toEqual(c.confusion.counts);
    rowNormalized(counts).forEach((row, a) =>
      expectAllClose(row, c.confusion.normalized[a]!, `normalized row ${a}`),
    );
    expect(mostConfusedPairs(counts)).toEqual(c.confusion.confusedPairs);
  });

  it('orders the rows behind each cell as numpy lexsort does', () => {
    const cells = cellRows(actual, predicted, outputs, c.units, k);
    for (let a = 0; a < k; a++) {
      for (let p = 0; p < k; p++) {
        expect([...rowsInCell(cells, a, p)], `cell ${a},${p}`).toEqual(
          c.confusion.cellRows[a * k + p],
        );
      }
    }
  });

  it('matches DummyClassifier(strategy="most_frequent")', () => {
    const baseline = majorityClassBaseline(Float32Array.from(c.trainLabels), actual, k);
    expect(baseline.majorityClass).toBe(c.baseline.majorityClass);
    expectClose(baseline.accuracy, c.baseline.accuracy, 'baseline accuracy');
    expectAllClose(
      baseline.recall.map((r) => r.value),
      c.baseline.recall,
      'baseline recall',
    );
  });

  const multi = c.multiclass;
  if (multi) {
    it('matches top_k_accuracy_score', () => {
      for (const [kk, want] of Object.entries(multi.topK)) {
        expectClose(topKAccuracy(actual, outputs, c.units, Number(kk)), want, `top-${kk}`);
      }
    });

    it('matches one-vs-rest roc_curve and roc_auc_score(average="macro")', () => {
      const roc = oneVsRestRoc(actual, outputs, c.units);
      roc.perClass.forEach((got, cls) => {
        const want = multi.ovr[cls]!;
        if (want === null) {
          expect(got, `class ${cls}`).toBeNull();
          return;
        }
        expect(got, `class ${cls}`).not.toBeNull();
        expectAllClose(got!.curve.fpr, want.fpr, `fpr ${cls}`);
        expectAllClose(got!.curve.tpr, want.tpr, `tpr ${cls}`);
        expectAllClose(got!.curve.thresholds, want.thresholds, `thresholds ${cls}`);
        expectClose(got!.auc, want.auc, `auc ${cls}`);
      });
      if (multi.macroAuc === null) expect(roc.macroAuc).toBeNull();
      else expectClose(roc.macroAuc!, multi.macroAuc, 'macro AUC');
    });

    it('matches calibration_curve on the top label', () => {
      expectCalibration(confidenceCalibration(actual, outputs, c.units), multi.calibration);
    });
  }
});
