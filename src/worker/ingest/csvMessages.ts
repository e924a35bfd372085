/** Messages of the CSV ingest between the page and the training worker (see protocol.ts). */
import type { TaskKind } from '../../core/graph/types';
import type { ColumnProfile } from '../../core/data/csv/types';
import type { SplitRatios } from '../../core/data/types';

export type CsvToWorker =
  /** Parse a picked or dropped file; `maxBytes` refuses larger files before parsing. */
  | {
      type: 'csvIngest';
      requestId: number;
      file: Blob;
      fileName: string;
      hasHeader?: boolean;
      maxBytes: number;
    }
  | { type: 'csvCancel'; requestId: number };

/** The split a loaded CSV dataset is first fitted with (the workspace's seed and ratios). */
export interface CsvSplitConfig {
  ratios: SplitRatios;
  seed: number;
}

/** What the preview shows of a parsed file. */
export interface CsvParsedInfo {
  requestId: number;
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
  targetTasks: ({ ok: true; task: TaskKind } | { ok: false; message: string })[];
  /** Whether the file is kept in IndexedDB (≤ 200 MB) so the workspace survives a reload. */
  stored: boolean;
}

export type CsvFromWorker =
  | { type: 'csvProgress'; requestId: number; bytes: number; totalBytes: number; rows: number }
  | ({ type: 'csvParsed' } & CsvParsedInfo)
  | { type: 'csvError'; requestId: number; message: string; cancelled: boolean };
