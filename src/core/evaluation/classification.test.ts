/** Hand-checked cases: zero division, a class never predicted, one class, ties. */
import { describe, expect, it } from 'vitest';
import { majorityClassBaseline } from './baselines';
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
  rowsInCell,
} from './confusion';
import { oneVsRestRoc } from './multiclass';
import { classificationReport } from './report';

const cell = (value: number, zeroDivision = false) => ({ value, zeroDivision });

describe('classification report', () => {
  // Class 2 is never predicted; class 3 is neither predicted nor present.
  const actual = [0, 0, 1, 1, 2, 2];
  const predicted = [0, 1, 1, 0, 0, 1];
  const report = classificationReport(actual, predicted, 4);

  it('counts zero division as 0 and marks it per cell', () => {
    expect(report.classes[0]).toEqual({
      precision: cell(1 / 3),
      recall: cell(1 / 2),
      f1: cell(0.4),
      support: 2,
    });
    expect(report.classes[2]).toEqual({
      precision: cell(0, true),
      recall: cell(0),
      f1: cell(0, true),
      support: 2,
    });
    expect(report.classes[3]).toEqual({
      precision: cell(0, true),
      recall: cell(0, true),
      f1: cell(0, true),
      support: 0,
    });
  });

  it('averages over every class (macro) or by support (weighted)', () => {
    expect(report.macro.precision).toEqual(cell(1 / 6, true));
    expect(report.macro.recall).toEqual(cell(1 / 4, true));
    expect(report.macro.f1.value).toBeCloseTo(0.2, 15);
    // Class 3 has no support, so its 0/0 recall carries no weight here.
    expect(report.weighted.precision.value).toBeCloseTo(2 / 9, 15);
    expect(report.weighted.precision.zeroDivision).toBe(true);
    expect(report.weighted.recall).toEqual(cell(1 / 3, false));
    expect(report.weighted.f1.value).toBeCloseTo(1.6 / 6, 15);
    expect(report.macro.support).toBe(6);
    expect(report.accuracy).toBe(2 / 6);
  });

  it('gives balanced accuracy over the classes present only', () => {
    expect(balancedAccuracy(actual, predicted)).toBeCloseTo(1 / 3, 15);
    expect(accuracy(actual, predicted)).toBe(2 / 6);
    expect(balancedAccuracy([], [])).toBeNaN();
  });
});

describe('one class in the test split', () => {
  const actual = [2, 2, 2, 2];
  const outputs = [0.1, 0.2, 0.7, 0.3, 0.3, 0.4, 0.5, 0.4, 0.1, 0.2, 0.2, 0.6];
  const predicted = predictedClasses(outputs, 3);

  it('leaves one-vs-rest ROC undefined rather than guessing', () => {
    const roc = oneVsRestRoc(actual, outputs, 3);
    expect(roc.perClass).toEqual([null, null, null]);
    expect(roc.macroAuc).toBeNull();
  });

  it('still reports recall and marks the absent classes', () => {
    const report = classificationReport(actual, predicted, 3);
    expect([...predicted]).toEqual([2, 2, 0, 2]);
    expect(report.classes[2]!.recall).toEqual(cell(0.75));
    expect(report.classes[0]!.recall).toEqual(cell(0, true));
    expect(report.classes[0]!.precision).toEqual(cell(0));
    expect(balancedAccuracy(actual, predicted)).toBe(0.75);
  });
});

describe('log loss', () => {
  it('clips to [1e-7, 1 − 1e-7] and renormalises rows', () => {
    // A true class given 0 costs −log(1e-7 / (1 + 1e-7)), not infinity.
    expect(logLoss([0], [0, 1], 2)).toBeCloseTo(-Math.log(1e-7 / (1e-7 + (1 - 1e-7))), 12);
    // A row summing to 0.8 is divided by 0.8 after clipping.
    expect(logLoss([1], [0.2, 0.6], 2)).toBeCloseTo(-Math.log(0.75), 14);
    expect(logLoss([1], [0.5, 1.5], 2)).toBeCloseTo(-Math.log((1 - 1e-7) / (1.5 - 1e-7)), 14);
    expect(logLoss([1, 0], [0.8, 0.4], 1)).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 14);
  });
});

describe('top-k accuracy', () => {
  const outputs = [0.4, 0.4, 0.2, 0.1, 0.3, 0.6];

  it('ranks tied scores as sklearn does: the higher class index first', () => {
    expect(topKAccuracy([0], outputs.slice(0, 3), 3, 1)).toBe(0);
    expect(topKAccuracy([1], outputs.slice(0, 3), 3, 1)).toBe(1);
    expect(topKAccuracy([0], outputs.slice(0, 3), 3, 2)).toBe(1);
    // …while the argmax (accuracy) takes the lower index.
    expect([...predictedClasses(outputs.slice(0, 3), 3)]).toEqual([0]);
    expect(topKAccuracy([0, 1], outputs, 3, 2)).toBe(1);
    expect(topKAccuracy([0, 0], outputs, 3, 2)).toBe(0.5);
  });

  it('shows top-3 from five classes and top-5 from ten', () => {
    expect(reportTopKs(4)).toEqual([]);
    expect(reportTopKs(5)).toEqual([3]);
    expect(reportTopKs(9)).toEqual([3]);
    expect(reportTopKs(10)).toEqual([3, 5]);
    expect(reportTopKs(1)).toEqual([]);
  });
});

describe('confusion matrix', () => {
  it('normalises rows, leaving an empty class at zeros', () => {
    const counts = confusionMatrix([0, 0, 0, 1], [0, 1, 1, 1], 3);
    expect(counts).toEqual([
      [1, 2, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
    expect(rowNormalized(counts)).toEqual([
      [1 / 3, 2 / 3, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
  });

  it('lists confused pairs largest first, ties by actual then predicted class', () => {
    const counts = [
      [5, 2, 2],
      [2, 5, 0],
      [0, 3, 5],
    ];
    expect(mostConfusedPairs(counts)).toEqual([
      { actual: 2, predicted: 1, count: 3 },
      { actual: 0, predicted: 1, count: 2 },
      { actual: 0, predicted: 2, count: 2 },
      { actual: 1, predicted: 0, count: 2 },
    ]);
    expect(mostConfusedPairs(counts, 1)).toHaveLength(1);
  });

  it('orders each cell most confidently wrong first, ties by row', () => {
    const outputs = [0.4, 0.6, 0.1, 0.9, 0.4, 0.6, 0.2, 0.8];
    const actual = [0, 0, 0, 1];
    const cells = cellRows(actual, [1, 1, 1, 1], outputs, 2, 2);
    expect([...rowsInCell(cells, 0, 1)]).toEqual([1, 0, 2]);
    expect([...rowsInCell(cells, 1, 1)]).toEqual([3]);
    expect([...rowsInCell(cells, 0, 0)]).toEqual([]);
    // One sigmoid unit: class 0's probability is 1 − p.
    const sigmoid = cellRows([1, 1], [0, 0], [0.3, 0.1], 1, 2);
    expect([...rowsInCell(sigmoid, 1, 0)]).toEqual([1, 0]);
  });
});

describe('majority-class baseline', () => {
  it('predicts the most frequent training class, a tie going to the lower index', () => {
    const base = majorityClassBaseline([2, 2, 1, 1, 0], [1, 2, 2, 0], 4);
    expect(base.majorityClass).toBe(1);
    expect(base.accuracy).toBe(0.25);
    expect(base.recall).toEqual([cell(0), cell(1), cell(0), cell(0, true)]);
    expect(() => majorityClassBaseline([], [1], 2)).toThrow(/no rows/);
  });
});

describe('bad input', () => {
  it('is a bug, reported as such', () => {
    expect(() => classificationReport([0, 3], [0, 1], 3)).toThrow(/Class 3/);
    expect(() => logLoss([0, 1.5], [0.2, 0.8, 0.5, 0.5], 2)).toThrow(/Class 1.5/);
    expect(() => topKAccuracy([0], [0.2, 0.3], 3, 1)).toThrow(/rows of 3/);
    expect(() => oneVsRestRoc([0], [0.2], 1)).toThrow(/one output per class/);
  });
});
