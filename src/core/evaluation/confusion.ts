/**
 * The confusion matrix (rows actual, columns predicted, as sklearn's
 * `confusion_matrix(y, pred, labels=range(k))`), its row-normalised view, the most
 * confused pairs, and the rows behind each cell for the example dialog.
 */
import { confusionMatrix as countsOf } from '../train/metrics';
import { checkSameLength, classProbability, rowCount, type Numbers } from './outputs';

/** counts[actual][predicted] over `numClasses` classes. */
export function confusionMatrix(
  actual: Numbers,
  predicted: Numbers,
  numClasses: number,
): number[][] {
  return countsOf(predicted, actual, numClasses);
}

/**
 * Each row divided by its total (sklearn's `normalize="true"`): the share of a class's
 * rows predicted as each class. A class with no rows gets a row of zeros, as in sklearn.
 */
export function rowNormalized(counts: number[][]): number[][] {
  return counts.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((c) => (total === 0 ? 0 : c / total));
  });
}

/** An off-diagonal cell: `count` rows of class `actual` predicted as `predicted`. */
export interface ConfusedPair {
  actual: number;
  predicted: number;
  count: number;
}

/**
 * The non-empty off-diagonal cells, largest count first; equal counts in order of the
 * actual class, then the predicted class, so the list is the same on every run.
 */
export function mostConfusedPairs(counts: number[][], limit = Infinity): ConfusedPair[] {
  const pairs: ConfusedPair[] = [];
  counts.forEach((row, actual) =>
    row.forEach((count, predicted) => {
      if (actual !== predicted && count > 0) pairs.push({ actual, predicted, count });
    }),
  );
  pairs.sort((a, b) => b.count - a.count || a.actual - b.actual || a.predicted - b.predicted);
  return pairs.slice(0, limit);
}

/**
 * The rows behind every cell, in one flat array (cheap to transfer from a worker): the
 * rows of cell (a, p) are `rows[offsets[a·k + p] … offsets[a·k + p + 1])`.
 */
export interface CellRows {
  numClasses: number;
  /** k·k + 1 offsets into `rows`. */
  offsets: Int32Array;
  rows: Int32Array;
}

/**
 * Groups the row indices by cell, each cell ordered by the probability of its predicted
 * class, highest first (the most confidently wrong first off the diagonal); equal
 * probabilities in row order.
 */
export function cellRows(
  actual: Numbers,
  predicted: Numbers,
  outputs: Numbers,
  units: number,
  numClasses: number,
): CellRows {
  checkSameLength(actual, predicted);
  const n = rowCount(outputs, units, actual);
  const cellOf = (i: number) => actual[i]! * numClasses + predicted[i]!;
  const confidence = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = classProbability(outputs, units, i, predicted[i]!);
    // A diverged model's NaN goes last rather than breaking the sort.
    confidence[i] = Number.isNaN(p) ? -Infinity : p;
  }
  const higherFirst = (a: number, b: number) => (a > b ? -1 : a < b ? 1 : 0);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort(
    (i, j) => cellOf(i) - cellOf(j) || higherFirst(confidence[i]!, confidence[j]!) || i - j,
  );
  const offsets = new Int32Array(numClasses * numClasses + 1);
  for (let i = 0; i < n; i++) offsets[cellOf(i) + 1]! += 1;
  for (let c = 1; c < offsets.length; c++) offsets[c]! += offsets[c - 1]!;
  return { numClasses, offsets, rows: Int32Array.from(order) };
}

/** The rows of class `actual` predicted as `predicted`, most confident first. */
export function rowsInCell(cells: CellRows, actual: number, predicted: number): Int32Array {
  const c = actual * cells.numClasses + predicted;
  return cells.rows.subarray(cells.offsets[c]!, cells.offsets[c + 1]!);
}
