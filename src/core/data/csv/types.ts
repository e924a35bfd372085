/** Types of the CSV ingest: the parsed table, column profiles and the user's choices. */
import type { TaskKind } from '../../graph/types';
import type { CsvColumn } from './column';

export type ColumnType = 'numeric' | 'categorical' | 'boolean' | 'text' | 'date' | 'identifier';

export const COLUMN_TYPES: readonly ColumnType[] = [
  'numeric',
  'categorical',
  'boolean',
  'text',
  'date',
  'identifier',
];

/** A parsed CSV, column-major (never row objects): numeric columns are Float64Arrays. */
export interface CsvTable {
  fileName: string;
  headers: string[];
  columns: CsvColumn[];
  nRows: number;
  delimiter: string;
  encoding: string;
  hasHeader: boolean;
  /** What was skipped or changed while reading, in the user's words. */
  warnings: string[];
}

/** What the preview shows of one column. */
export interface ColumnProfile {
  name: string;
  inferredType: ColumnType;
  missing: number;
  distinct: number;
  /** Up to 10 bins for numeric columns, the top category counts otherwise. */
  histogram: number[];
  /** Why the column is proposed for exclusion (ID-like, constant, free text, date), else null. */
  excludeReason: string | null;
  /** Cells of a numeric column that are not finite numbers (rows are 1-based file rows). */
  badNumbers: { count: number; rows: number[]; example: string } | null;
}

/** The task a column implies as a target, or why it cannot be one. */
export type TargetTask = { ok: true; task: TaskKind } | { ok: false; message: string };

/** What the ingest tells the page of a parsed file: the preview and the draft read it. */
export interface CsvParsedFile {
  /** The file's fingerprint: size and SHA-256 of its bytes. */
  uploadId: string;
  fileName: string;
  size: number;
  nRows: number;
  delimiter: string;
  encoding: string;
  hasHeader: boolean;
  headers: string[];
  profiles: ColumnProfile[];
  /** The first rows (as text) for the preview table. */
  previewRows: string[][];
  warnings: string[];
  /** Per column: the task it implies as a target, or why it cannot be one. */
  targetTasks: TargetTask[];
  /** Whether the file is kept in IndexedDB (≤ 200 MB) so the workspace survives a reload. */
  stored: boolean;
}

/** What the data panel shows of a loaded CSV dataset (part of its DatasetSummary). */
export interface CsvDatasetReport {
  fileName: string;
  /** e.g. "one-hot of 2 categorical: 12 → 57 features". */
  featureLine: string;
  /** What was skipped or dropped while reading and preparing. */
  report: string[];
  /** The first few rows as the model receives them, and their feature names. */
  previewRows: number[][];
  featureNames: string[];
}
