/** Messages of the CSV ingest between the page and the training worker (see protocol.ts). */
import type { CsvParsedFile } from '../../core/data/csv/types';
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

/** A parsed file as posted to the page: the parse request it answers (the type lives in core). */
export interface CsvParsedInfo extends CsvParsedFile {
  requestId: number;
}

export type CsvFromWorker =
  | { type: 'csvProgress'; requestId: number; bytes: number; totalBytes: number; rows: number }
  | ({ type: 'csvParsed' } & CsvParsedInfo)
  | { type: 'csvError'; requestId: number; message: string; cancelled: boolean };
