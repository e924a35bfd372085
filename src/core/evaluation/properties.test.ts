/** Properties over random inputs (fast-check), ties included by drawing scores on a grid. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanBaseline } from './baselines';
import { calibrationCurve } from './calibration';
import { predictedClasses, topKAccuracy } from './classification';
import { cellRows, confusionMatrix, rowsInCell } from './confusion';
import { averagePrecision, precisionRecallCurve, rocAuc } from './curves';
import { classProbability } from './outputs';
import { classificationReport, type ReportRow } from './report';

/** n rows of k-class softmax-like outputs (float32, coarse grid for ties) with labels. */
const classified = fc.integer({ min: 2, max: 6 }).chain((k) =>
  fc
    .array(
      fc.tuple(
        fc.integer({ min: 0, max: k - 1 }),
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: k, maxLength: k }),
      ),
      { minLength: 1, maxLength: 60 },
    )
    .map((rows) => {
      const outputs = new Float32Array(rows.length * k);
      rows.forEach(([, raw], i) => {
        const sum = raw.reduce((a, b) => a + b, 0);
        raw.forEach((r, c) => (outputs[i * k + c] = sum === 0 ? 1 / k : r / sum));
      });
      const actual = Int32Array.from(rows, ([label]) => label);
      return { k, actual, outputs, predicted: predictedClasses(outputs, k) };
    }),
);

/** Labels and scores for a binary problem, with ties. */
const binary = fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 10 })), {
  minLength: 1,
  maxLength: 80,
});

describe('confusion matrix', () => {
  it('sums to the test size, each row to its class support', () => {
    fc.assert(
      fc.property(classified, ({ k, actual, predicted }) => {
        const counts = confusionMatrix(actual, predicted, k);
        const total = counts.flat().reduce((a, b) => a + b, 0);
        expect(total).toBe(actual.length);
        const report = classificationReport(actual, predicted, k);
        counts.forEach((row, c) =>
          expect(row.reduce((a, b) => a + b, 0)).toBe(report.classes[c]!.support),
        );
      }),
    );
  });

  it('puts every row behind exactly one cell, most confident first', () => {
    fc.assert(
      fc.property(classified, ({ k, actual, predicted, outputs }) => {
        const cells = cellRows(actual, predicted, outputs, k, k);
        const counts = confusionMatrix(actual, predicted, k);
        expect([...cells.rows].sort((a, b) => a - b)).toEqual(Array.from(actual, (_, i) => i));
        for (let a = 0; a < k; a++) {
          for (let p = 0; p < k; p++) {
            const rows = rowsInCell(cells, a, p);
            expect(rows.length).toBe(counts[a]![p]);
            rows.forEach((r) => expect([actual[r], predicted[r]]).toEqual([a, p]));
            for (let i = 1; i < rows.length; i++) {
              const before = classProbability(outputs, k, rows[i - 1]!, p);
              const after = classProbability(outputs, k, rows[i]!, p);
              expect(before).toBeGreaterThanOrEqual(after);
              if (before === after) expect(rows[i]!).toBeGreaterThan(rows[i - 1]!);
            }
          }
        }
      }),
    );
  });
});

describe('classification report averages', () => {
  const columns = ['precision', 'recall', 'f1'] as const;
  const within = (value: number, rows: ReportRow[], column: (typeof columns)[number]) => {
    const values = rows.map((r) => r[column].value);
    expect(value).toBeGreaterThanOrEqual(Math.min(...values) - 1e-12);
    expect(value).toBeLessThanOrEqual(Math.max(...values) + 1e-12);
  };

  it('lie between the per-class extremes (weighted: of the classes with support)', () => {
    fc.assert(
      fc.property(classified, ({ k, actual, predicted }) => {
        const report = classificationReport(actual, predicted, k);
        const supported = report.classes.filter((r) => r.support > 0);
        for (const column of columns) {
          within(report.macro[column].value, report.classes, column);
          within(report.weighted[column].value, supported, column);
        }
      }),
    );
  });
});

describe('ranking metrics', () => {
  it('give the ROC AUC of the Mann–Whitney statistic (ties count half)', () => {
    fc.assert(
      fc.property(binary, (rows) => {
        const actual = rows.map(([positive]) => (positive ? 1 : 0));
        const scores = rows.map(([, s]) => s / 10);
        const pos = scores.filter((_, i) => actual[i] === 1);
        const neg = scores.filter((_, i) => actual[i] === 0);
        const auc = rocAuc(actual, scores, 1);
        if (pos.length === 0 || neg.length === 0) {
          expect(auc).toBeNull();
          return;
        }
        let wins = 0;
        for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
        expect(auc).toBeCloseTo(wins / (pos.length * neg.length), 12);
      }),
    );
  });

  it('give an AP in [0, 1] and a PR curve whose recall only falls', () => {
    fc.assert(
      fc.property(binary, (rows) => {
        const actual = rows.map(([positive]) => (positive ? 1 : 0));
        const scores = rows.map(([, s]) => s / 10);
        const ap = averagePrecision(actual, scores, 1);
        expect(ap).toBeGreaterThanOrEqual(0);
        expect(ap).toBeLessThanOrEqual(1 + 1e-12);
        const { recall, precision } = precisionRecallCurve(actual, scores, 1);
        for (let i = 1; i < recall.length; i++)
          expect(recall[i]!).toBeLessThanOrEqual(recall[i - 1]!);
        expect(precision.at(-1)).toBe(1);
      }),
    );
  });

  it('give a top-k accuracy that grows with k and reaches 1 at k = classes', () => {
    fc.assert(
      fc.property(classified, ({ k, actual, outputs }) => {
        let last = 0;
        for (let t = 1; t <= k; t++) {
          const acc = topKAccuracy(actual, outputs, k, t);
          expect(acc).toBeGreaterThanOrEqual(last);
          last = acc;
        }
        expect(last).toBe(1);
      }),
    );
  });
});

describe('calibration and baselines', () => {
  it('bins every row once and keeps ECE in [0, 1]', () => {
    fc.assert(
      fc.property(binary, (rows) => {
        const c = calibrationCurve(
          rows.map(([positive]) => (positive ? 1 : 0)),
          rows.map(([, s]) => s / 10),
        );
        expect(c.bins.reduce((a, b) => a + b.count, 0)).toBe(rows.length);
        expect(c.ece).toBeGreaterThanOrEqual(0);
        expect(c.ece).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('gives the training-mean baseline an R² of at most 0', () => {
    // Hundredths, not any double: a subnormal error squares to 0 and reads as exact.
    const value = fc.integer({ min: -1e5, max: 1e5 }).map((i) => i / 100);
    const targets = fc.array(value, { minLength: 2 });
    fc.assert(
      fc.property(targets, targets, (train, test) => {
        const baseline = meanBaseline(train, test);
        // sklearn's force_finite: a constant test target predicted exactly scores 1.
        if (test.every((t) => t === baseline.mean)) expect(baseline.r2).toBe(1);
        else expect(baseline.r2).toBeLessThanOrEqual(1e-12);
      }),
    );
    expect(meanBaseline([0, 0], [0, 0]).r2).toBe(1);
  });
});
