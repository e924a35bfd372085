/**
 * Between a CSV's raw values and the model's features, one row at a time: the features
 * of values typed into a form (through the run's own fitted pipeline, never a second
 * implementation of it), and the original cells behind dataset rows (the examples view).
 */
import { cellText, type CsvColumn } from '../csv/column';
import type { CsvTable } from '../csv/types';
import { applyPipeline } from './fit';
import type { CsvSource } from './source';
import type { FittedPipeline } from './spec';

/** A raw cell as shown to the user: a number, a text, or null when missing. */
export type RawCell = string | number | null;

/** Rows of original values under their column names. */
export interface RawTable {
  columns: string[];
  rows: RawCell[][];
  /** Where each row is in the user's file ("data.csv line 12"), when it comes from one. */
  rowLabels?: string[];
}

/**
 * The features of one row of raw values (column name → cell text, as in the file) under
 * a fitted pipeline: a one-row table of those cells through `applyPipeline`, so missing
 * values, unseen categories and scaling are handled exactly as in training. A column
 * without a value counts as missing.
 */
export function featuresFromRaw(
  fitted: FittedPipeline,
  values: Readonly<Record<string, string>>,
): Float32Array {
  const used = fitted.columns.filter((c) => c.kind !== 'excluded');
  // Text cells read as the parsed file's do: numbers through cellNumber, categories as typed.
  const columns: CsvColumn[] = used.map((c) => ({ kind: 'text', values: [values[c.name] ?? ''] }));
  const table: CsvTable = {
    fileName: 'the form',
    headers: used.map((c) => c.name),
    columns,
    nRows: 1,
    delimiter: ',',
    encoding: 'utf-8',
    hasHeader: true,
    warnings: [],
  };
  return applyPipeline(table, fitted, [0]);
}

function rawCell(column: CsvColumn, r: number): RawCell {
  if (column.kind === 'numbers') {
    const v = column.values[r]!;
    return Number.isNaN(v) ? (column.bad.get(r) ?? null) : v;
  }
  const text = cellText(column, r);
  return text.trim() === '' ? null : text;
}

/**
 * The original cells (every column of the file, target included) of dataset rows of a
 * CSV source: rows before the test file's come from the training file, the rest from
 * the test file, in the order csvDatasetForSplit lays them out.
 */
export function sourceRawRows(source: CsvSource, datasetRows: ArrayLike<number>): RawTable {
  const nTrainFile = source.rows.length;
  const rows: RawCell[][] = [];
  const rowLabels: string[] = [];
  for (let i = 0; i < datasetRows.length; i++) {
    const row = datasetRows[i]!;
    let table: CsvTable = source.table;
    let r = source.rows[row];
    if (row >= nTrainFile && source.test) {
      table = source.test.table;
      r = source.test.rows[row - nTrainFile];
    }
    if (r === undefined) throw new RangeError(`Row ${row} is not in ${source.table.fileName}.`);
    const tableRow = r;
    // Lines as an editor numbers them: the header is line 1.
    rowLabels.push(`${table.fileName} line ${r + (table.hasHeader ? 2 : 1)}`);
    rows.push(
      source.table.headers.map((h) => rawCell(table.columns[table.headers.indexOf(h)]!, tableRow)),
    );
  }
  return { columns: [...source.table.headers], rows, rowLabels };
}
