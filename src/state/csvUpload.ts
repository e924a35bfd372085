/**
 * The CSV upload flow's actions and its worker answers, over the store's `csv` slice.
 * Requests go through the session's worker client; `handleCsvMessage` is subscribed to
 * it by the controller.
 */
import * as csvDraft from '../core/data/csv/draft';
import type { ColumnType } from '../core/data/csv/types';
import type { ColumnSpec, Scaling } from '../core/data/pipeline/spec';
import type { TaskKind } from '../core/graph/types';
import type { CsvParsedInfo } from '../worker/ingest/csvMessages';
import type { FromWorker } from '../worker/protocol';
import { useAppStore } from './store';
import { loadCsvUpload, workerClient } from './actions';
import type { CsvUploadState } from './csvUploadSlice';
import type { AppStore } from './session/types';

const DEFAULT_MAX_UPLOAD_MB = 500;

/** Reads the CSV upload state (a hook over the one store). */
export function useCsvUpload<T>(select: (csv: CsvUploadState) => T): T {
  return useAppStore((s) => select(s.csv));
}

const csv = () => useAppStore.getState().csv;
const setCsv = (patch: Partial<CsvUploadState>) => useAppStore.getState().setCsv(patch);
/** A fresh request id, above both the training and the test file's. */
const nextRequestId = () => Math.max(csv().requestId, csv().testRequestId) + 1;

/** The upload size limit: 500 MB, or `?maxUploadMB=` (tests lower it). */
export function maxUploadBytes(): number {
  const mb = Number(new URLSearchParams(location.search).get('maxUploadMB'));
  return (mb > 0 ? mb : DEFAULT_MAX_UPLOAD_MB) * 1024 * 1024;
}

/** The worker's answers to CSV requests (and the confirmed upload's load). */
export function handleCsvMessage(store: AppStore, msg: FromWorker): void {
  const s = store.getState().csv;
  const set = store.getState().setCsv;
  switch (msg.type) {
    case 'csvProgress':
      if (msg.requestId === s.requestId) {
        set({ progress: { bytes: msg.bytes, totalBytes: msg.totalBytes, rows: msg.rows } });
      }
      return;
    case 'csvError':
      if (msg.requestId === s.testRequestId) {
        set({ testParsing: false, testError: msg.cancelled ? null : msg.message });
      }
      if (msg.requestId === s.requestId) {
        set({ progress: null, error: msg.cancelled ? null : msg.message });
      }
      return;
    case 'csvParsed':
      if (msg.requestId === s.testRequestId) {
        const { testParsing, testParsed, testError } = csvDraft.withTestFile(s, msg);
        set({ testParsing, testParsed, testError });
      }
      if (msg.requestId === s.requestId) onParsed(store, msg);
      return;
    case 'datasetLoaded':
      if (s.confirming && msg.summary.csv) set({ confirming: false, parsed: null, error: null });
      return;
    case 'datasetError':
      if (s.confirming) set({ confirming: false, error: msg.message });
      return;
    default:
      return;
  }
}

function onParsed(store: AppStore, info: CsvParsedInfo): void {
  const { datasetChoice, dataset, csv: current, setCsv: set, controller } = store.getState();
  // The workspace's CSV was not kept in this browser (over 200 MB) and was asked for
  // again: the same file (same fingerprint) loads straight away with its saved pipeline.
  if (csvDraft.isSameCsvReupload(datasetChoice, dataset, info)) {
    set({ progress: null, error: null, confirming: true });
    controller?.loadCsvUpload(datasetChoice);
    return;
  }
  const draft = csvDraft.draftFromParsed(info, current);
  // If the default target cannot be one, say why.
  set({ ...draft, progress: null, error: csvDraft.targetProblem(draft) });
}

/** Parses a separate test file (same columns as the training file); its rows become the test split. */
export function uploadTestCsv(file: File): void {
  const { parsed } = csv();
  if (!parsed) return;
  const requestId = nextRequestId();
  setCsv({ testRequestId: requestId, testParsing: true, testParsed: null, testError: null });
  workerClient().send({
    type: 'csvIngest',
    requestId,
    file,
    fileName: file.name,
    hasHeader: parsed.hasHeader,
    maxBytes: maxUploadBytes(),
  });
}

/** Drops the separate test file: the split control makes the test split again. */
export function removeTestCsv(): void {
  setCsv({ testRequestId: -1, testParsing: false, testParsed: null, testError: null });
}

export const setSamplePercent = (samplePercent: number) => setCsv({ samplePercent });
export const setStandardizeTarget = (standardizeTarget: boolean) => setCsv({ standardizeTarget });
export const setTask = (task: TaskKind) => setCsv({ task });

/** Posts a picked or dropped file to the worker for parsing (the previous dataset stays). */
export function uploadCsv(file: File, hasHeader?: boolean): void {
  const requestId = nextRequestId();
  setCsv({
    requestId,
    file,
    progress: { bytes: 0, totalBytes: file.size, rows: 0 },
    error: null,
    parsed: null,
    testRequestId: -1,
    testParsing: false,
    testParsed: null,
    testError: null,
  });
  workerClient().send({
    type: 'csvIngest',
    requestId,
    file,
    fileName: file.name,
    hasHeader,
    maxBytes: maxUploadBytes(),
  });
}

/** Stops parsing the current file. */
export function cancelCsvUpload(): void {
  workerClient().send({ type: 'csvCancel', requestId: csv().requestId });
  setCsv({ progress: null, file: null });
}

/** Closes the preview without loading anything. */
export function discardCsvUpload(): void {
  setCsv({ parsed: null, error: null, progress: null });
}

export function setTarget(name: string): void {
  const s = csv();
  if (!s.parsed) return;
  const { target, task, columns } = csvDraft.withTarget(s, name);
  setCsv({ target, task, columns, error: csvDraft.targetProblem({ ...s, target }) });
}

export function updateColumn(name: string, change: Partial<ColumnSpec>): void {
  setCsv({ columns: csv().columns.map((c) => (c.name === name ? { ...c, ...change } : c)) });
}

/** Includes or excludes every column whose name matches the pattern and/or has the type. */
export function bulkInclude(pattern: string, type: ColumnType | 'any', include: boolean): number {
  return applyBulkEdit(csvDraft.bulkInclude(csv(), pattern, type, include));
}

/** Sets the scaling of every numeric or boolean column matching the pattern and/or type. */
export function bulkScaling(pattern: string, type: ColumnType | 'any', scaling: Scaling): number {
  return applyBulkEdit(csvDraft.bulkScaling(csv(), pattern, type, scaling));
}

function applyBulkEdit({ draft, changed }: csvDraft.BulkEdit): number {
  setCsv({ columns: draft.columns });
  return changed;
}

/** Loads the draft as the workspace dataset; the preview closes once it has loaded. */
export function confirmCsvUpload(): void {
  const s = csv();
  const choice = csvDraft.confirmedChoice(s);
  if (!choice) return;
  const problem = csvDraft.confirmProblem(s);
  if (problem !== null) {
    setCsv({ error: problem });
    return;
  }
  setCsv({ confirming: true, error: null });
  loadCsvUpload(choice);
}
