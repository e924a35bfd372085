/**
 * The per-class table of sklearn's `classification_report(y, pred, labels=range(k))`:
 * precision, recall, F1 and support per class, then the accuracy and the macro and
 * weighted averages. Every class of the model has a row, even one absent from both
 * `actual` and `predicted` (it then counts in the macro average, as in sklearn).
 */
import { checkClass, checkSameLength, type Numbers } from './outputs';

/**
 * One number of the table. `zeroDivision` marks a value that rests on sklearn's 0/0 → 0
 * convention (`zero_division="warn"`), so the UI can show it as such: precision of a
 * class never predicted, recall of a class with no support, the F1 built from either,
 * and an average over any such cell that carries weight in it.
 */
export interface ReportCell {
  value: number;
  zeroDivision: boolean;
}

/** One row of the report. */
export interface ReportRow {
  precision: ReportCell;
  recall: ReportCell;
  f1: ReportCell;
  support: number;
}

/** The whole report; `classes[c]` is the row of class c. */
export interface ClassificationReport {
  classes: ReportRow[];
  /** Equal to sklearn's "accuracy" line (its micro average when labels are given). */
  accuracy: number;
  macro: ReportRow;
  weighted: ReportRow;
}

type Column = 'precision' | 'recall' | 'f1';
const COLUMNS: readonly Column[] = ['precision', 'recall', 'f1'];

/** sklearn's `_prf_divide`: a ratio, or 0 marked as a zero division when the base is 0. */
export function ratioCell(numerator: number, denominator: number): ReportCell {
  return denominator === 0
    ? { value: 0, zeroDivision: true }
    : { value: numerator / denominator, zeroDivision: false };
}

/** sklearn's F1 = 2PR / (P + R), a zero denominator replaced by 1 (so F1 = 0). */
export function f1Cell(precision: ReportCell, recall: ReportCell): ReportCell {
  const denominator = precision.value + recall.value;
  return {
    value: (2 * precision.value * recall.value) / (denominator === 0 ? 1 : denominator),
    zeroDivision: precision.zeroDivision || recall.zeroDivision,
  };
}

/** Precision, recall, F1 and support of every class, with the averages. */
export function classificationReport(
  actual: Numbers,
  predicted: Numbers,
  numClasses: number,
): ClassificationReport {
  checkSameLength(actual, predicted);
  const truePositives = new Array<number>(numClasses).fill(0);
  const predictedCount = new Array<number>(numClasses).fill(0);
  const support = new Array<number>(numClasses).fill(0);
  let correct = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const p = predicted[i]!;
    checkClass(a, numClasses);
    checkClass(p, numClasses);
    support[a]! += 1;
    predictedCount[p]! += 1;
    if (a === p) {
      truePositives[a]! += 1;
      correct++;
    }
  }
  const classes = support.map((s, c): ReportRow => {
    const precision = ratioCell(truePositives[c]!, predictedCount[c]!);
    const recall = ratioCell(truePositives[c]!, s);
    return { precision, recall, f1: f1Cell(precision, recall), support: s };
  });
  return {
    classes,
    accuracy: actual.length === 0 ? NaN : correct / actual.length,
    macro: average(classes, () => 1),
    weighted: average(classes, (row) => row.support),
  };
}

/** sklearn's `np.average` of each column with these weights per class. */
function average(rows: ReportRow[], weightOf: (row: ReportRow) => number): ReportRow {
  const weights = rows.map(weightOf);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const support = rows.reduce((sum, row) => sum + row.support, 0);
  const cell = (column: Column): ReportCell => {
    // No rows (or no class at all): sklearn returns its zero-division value.
    if (totalWeight === 0) return { value: 0, zeroDivision: true };
    let sum = 0;
    let zeroDivision = false;
    rows.forEach((row, c) => {
      sum += row[column].value * weights[c]!;
      if (weights[c]! > 0 && row[column].zeroDivision) zeroDivision = true;
    });
    return { value: sum / totalWeight, zeroDivision };
  };
  const [precision, recall, f1] = COLUMNS.map(cell) as [ReportCell, ReportCell, ReportCell];
  return { precision, recall, f1, support };
}
