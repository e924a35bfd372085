/** Test helpers: small CSV tables and column specs for the pipeline's unit tests. */
import { columnFromTexts } from '../csv/column';
import type { CsvTable } from '../csv/types';
import type { ColumnSpec } from './spec';

/** A table as the CSV reader would return it for these header and row texts. */
export function tableOf(headers: string[], rows: string[][], fileName = 't.csv'): CsvTable {
  return {
    fileName,
    headers,
    columns: headers.map((_, j) => columnFromTexts(rows.map((r) => r[j]!))),
    nRows: rows.length,
    delimiter: ',',
    encoding: 'utf-8',
    hasHeader: true,
    warnings: [],
  };
}

/** An included column spec with the usual missing-value rule and no scaling, then `change`. */
export function col(
  name: string,
  type: ColumnSpec['type'],
  change: Partial<ColumnSpec> = {},
): ColumnSpec {
  return {
    name,
    type,
    include: true,
    missing: type === 'numeric' ? 'mean' : 'mostFrequent',
    constant: '0',
    scaling: 'none',
    highCardinality: 'top20',
    ...change,
  };
}
