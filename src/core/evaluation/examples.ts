/**
 * The examples behind a confusion-matrix cell, in the form the examples dialog takes:
 * dataset rows most confidently wrong first, each row's class probabilities, its label;
 * and the paging of a long list of them.
 */
import type { CellRows } from './confusion';
import { rowsInCell } from './confusion';
import { classCount, classProbability } from './outputs';
import type { SplitOutputs } from './runOutputs';

/** Rows of the dataset and, per row, `numClasses` probabilities and the label. */
export interface CellExamples {
  rows: Int32Array;
  probabilities: Float32Array;
  actual: number[];
}

/** The stored rows of cell (actual, predicted) of a split's matrix (`cells` from cellRows). */
export function cellExamples(
  split: SplitOutputs,
  cells: CellRows,
  actual: number,
  predicted: number,
): CellExamples {
  const positions = rowsInCell(cells, actual, predicted);
  const k = Math.max(cells.numClasses, classCount(split.units));
  const probabilities = new Float32Array(positions.length * k);
  positions.forEach((pos, i) => {
    for (let c = 0; c < k; c++) {
      probabilities[i * k + c] = classProbability(split.outputs, split.units, pos, c);
    }
  });
  return {
    rows: Int32Array.from(positions, (pos) => split.rows[pos]!),
    probabilities,
    actual: Array.from(positions, (pos) => split.labels[pos]!),
  };
}

/** One page of a list: items [start, end), and "k–m of n" as the dialog shows it. */
export interface Page {
  /** 0-based page, clamped to the pages there are. */
  page: number;
  pages: number;
  start: number;
  end: number;
  label: string;
}

/** The items of page `page` (0-based) of `total` items, `size` a page. */
export function pageOf(total: number, size: number, page: number): Page {
  if (!(size >= 1)) throw new RangeError(`Page size ${size}`);
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const start = Math.min(p * size, total);
  const end = Math.min(start + size, total);
  const n = total.toLocaleString('en');
  const label = total === 0 ? 'No examples' : `${start + 1}–${end} of ${n}`;
  return { page: p, pages, start, end, label };
}
