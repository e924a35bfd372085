/**
 * The CSV upload flow (file → progress → preview → confirm) as a slice of the one store.
 * It is a draft until the user confirms, so it is kept out of `persist` and undo (their
 * `partialize` names only the workspace). The draft's rules live in core/data/csv/draft.ts.
 */
import type { StateCreator } from 'zustand';
import { EMPTY_CSV_DRAFT, type CsvDraft } from '../core/data/csv/draft';
import type { AppState } from './store';

/** The draft and the flow around it. */
export interface CsvUploadState extends CsvDraft {
  /** The training file's parse request (0: none yet). */
  requestId: number;
  file: File | null;
  progress: { bytes: number; totalBytes: number; rows: number } | null;
  error: string | null;
  /** A confirmed upload is loading: its result closes the preview or shows the error. */
  confirming: boolean;
  /** The separate test file's parse request (-1: none). */
  testRequestId: number;
}

export interface CsvUploadSlice {
  csv: CsvUploadState;
  /** Merges a change into the CSV upload state. */
  setCsv: (
    patch: Partial<CsvUploadState> | ((csv: CsvUploadState) => Partial<CsvUploadState>),
  ) => void;
}

export const INITIAL_CSV_UPLOAD: CsvUploadState = {
  ...EMPTY_CSV_DRAFT,
  requestId: 0,
  file: null,
  progress: null,
  error: null,
  confirming: false,
  testRequestId: -1,
};

export const createCsvUploadSlice: StateCreator<AppState, [], [], CsvUploadSlice> = (set) => ({
  csv: INITIAL_CSV_UPLOAD,
  setCsv: (patch) =>
    set((s) => ({ csv: { ...s.csv, ...(typeof patch === 'function' ? patch(s.csv) : patch) } })),
});
