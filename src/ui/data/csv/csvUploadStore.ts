/**
 * State of the CSV upload flow (file → progress → preview → confirm), kept apart from
 * the workspace store: it is a draft until the user confirms. Listens to the worker
 * through the one client.
 */
import { columnMismatch } from '../../../core/data/pipeline/source';
import { create } from 'zustand';
import type { ColumnType } from '../../../core/data/csv/types';
import {
  defaultColumnSpec,
  type ColumnSpec,
  type PipelineSpec,
  type Scaling,
} from '../../../core/data/pipeline/spec';
import type { TaskKind } from '../../../core/graph/types';
import { useAppStore } from '../../../state/store';
import { loadCsvUpload, workerClient } from '../../../state/actions';
import type { CsvParsedInfo } from '../../../worker/ingest/csvMessages';
import type { FromWorker } from '../../../worker/protocol';

const DEFAULT_MAX_UPLOAD_MB = 500;

export interface CsvUploadState {
  requestId: number;
  file: File | null;
  progress: { bytes: number; totalBytes: number; rows: number } | null;
  error: string | null;
  parsed: CsvParsedInfo | null;
  target: string;
  task: TaskKind;
  columns: ColumnSpec[];
  /** A confirmed upload is loading: its result closes the preview or shows the error. */
  confirming: boolean;
  /** The optional separate test file: its parse request, what was read, or why it cannot be used. */
  testRequestId: number;
  testParsing: boolean;
  testParsed: Pick<CsvParsedInfo, 'uploadId' | 'fileName' | 'size' | 'nRows' | 'headers'> | null;
  testError: string | null;
  /** Use a random sample of this percentage of the rows (100: all of them). */
  samplePercent: number;
  /** Regression: train on the standardized target (metrics in original units). */
  standardizeTarget: boolean;
}

/** The sample's seed is fixed (not the run's): changing the run seed re-splits the same rows. */
export const CSV_SAMPLE_SEED = 1;

export const useCsvUpload = create<CsvUploadState>()(() => ({
  requestId: 0,
  file: null,
  progress: null,
  error: null,
  parsed: null,
  target: '',
  task: 'binary',
  columns: [],
  confirming: false,
  testRequestId: -1,
  testParsing: false,
  testParsed: null,
  testError: null,
  samplePercent: 100,
  standardizeTarget: false,
}));

/** The upload size limit: 500 MB, or `?maxUploadMB=` (tests lower it). */
export function maxUploadBytes(): number {
  const mb = Number(new URLSearchParams(location.search).get('maxUploadMB'));
  return (mb > 0 ? mb : DEFAULT_MAX_UPLOAD_MB) * 1024 * 1024;
}

let listening = false;
let nextRequest = 0;

function listen(): void {
  if (listening) return;
  listening = true;
  workerClient().subscribe(onWorkerMessage);
}

function onWorkerMessage(msg: FromWorker): void {
  const s = useCsvUpload.getState();
  switch (msg.type) {
    case 'csvProgress':
      if (msg.requestId === s.requestId) {
        useCsvUpload.setState({
          progress: { bytes: msg.bytes, totalBytes: msg.totalBytes, rows: msg.rows },
        });
      }
      return;
    case 'csvError':
      if (msg.requestId === s.testRequestId) {
        useCsvUpload.setState({
          testParsing: false,
          testError: msg.cancelled ? null : msg.message,
        });
      }
      if (msg.requestId === s.requestId) {
        useCsvUpload.setState({ progress: null, error: msg.cancelled ? null : msg.message });
      }
      return;
    case 'csvParsed':
      if (msg.requestId === s.testRequestId) onTestParsed(msg);
      if (msg.requestId === s.requestId) onParsed(msg);
      return;
    case 'datasetLoaded':
      if (s.confirming && msg.summary.csv) {
        useCsvUpload.setState({ confirming: false, parsed: null, error: null });
      }
      return;
    case 'datasetError':
      if (s.confirming) useCsvUpload.setState({ confirming: false, error: msg.message });
      return;
    default:
      return;
  }
}

function onParsed(info: CsvParsedInfo): void {
  // The workspace's CSV was not kept in this browser (over 200 MB) and was asked for
  // again: the same file (same fingerprint) loads straight away with its saved pipeline.
  const { datasetChoice, dataset } = useAppStore.getState();
  if (
    datasetChoice.kind === 'upload' &&
    datasetChoice.format === 'csv' &&
    datasetChoice.uploadId === info.uploadId &&
    datasetChoice.hasHeader === info.hasHeader &&
    dataset?.csv?.fileName !== datasetChoice.name
  ) {
    useCsvUpload.setState({ progress: null, error: null, confirming: true });
    loadCsvUpload(datasetChoice);
    return;
  }
  const columns = info.profiles.map(defaultColumnSpec);
  // The last column is the usual place of the target; if it cannot be one, say why.
  const t = info.headers.length - 1;
  const target = info.headers[t] ?? '';
  const guess = info.targetTasks[t];
  useCsvUpload.setState({
    parsed: info,
    progress: null,
    error: guess && !guess.ok ? guess.message : null,
    columns,
    target,
    task: guess?.ok ? guess.task : 'multiclass',
  });
}

function onTestParsed(info: CsvParsedInfo): void {
  const { parsed } = useCsvUpload.getState();
  const testParsed = {
    uploadId: info.uploadId,
    fileName: info.fileName,
    size: info.size,
    nRows: info.nRows,
    headers: info.headers,
  };
  const testError = parsed ? testColumnsProblem(parsed, testParsed) : null;
  useCsvUpload.setState({ testParsing: false, testParsed, testError });
}

/** Why a test file's columns differ from the training file's (the worker checks again on load). */
export function testColumnsProblem(
  train: Pick<CsvParsedInfo, 'headers' | 'fileName'>,
  test: Pick<CsvParsedInfo, 'headers' | 'fileName'>,
): string | null {
  return columnMismatch(train, test);
}

/** Parses a separate test file (same columns as the training file); its rows become the test split. */
export function uploadTestCsv(file: File): void {
  const { parsed } = useCsvUpload.getState();
  if (!parsed) return;
  listen();
  nextRequest += 1;
  useCsvUpload.setState({
    testRequestId: nextRequest,
    testParsing: true,
    testParsed: null,
    testError: null,
  });
  workerClient().send({
    type: 'csvIngest',
    requestId: nextRequest,
    file,
    fileName: file.name,
    hasHeader: parsed.hasHeader,
    maxBytes: maxUploadBytes(),
  });
}

/** Drops the separate test file: the split control makes the test split again. */
export function removeTestCsv(): void {
  useCsvUpload.setState({
    testRequestId: -1,
    testParsing: false,
    testParsed: null,
    testError: null,
  });
}

export function setSamplePercent(percent: number): void {
  useCsvUpload.setState({ samplePercent: percent });
}

export function setStandardizeTarget(on: boolean): void {
  useCsvUpload.setState({ standardizeTarget: on });
}

/** Posts a picked or dropped file to the worker for parsing (the previous dataset stays). */
export function uploadCsv(file: File, hasHeader?: boolean): void {
  listen();
  nextRequest += 1;
  useCsvUpload.setState({
    requestId: nextRequest,
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
    requestId: nextRequest,
    file,
    fileName: file.name,
    hasHeader,
    maxBytes: maxUploadBytes(),
  });
}

/** Stops parsing the current file. */
export function cancelCsvUpload(): void {
  const { requestId } = useCsvUpload.getState();
  workerClient().send({ type: 'csvCancel', requestId });
  useCsvUpload.setState({ progress: null, file: null });
}

/** Closes the preview without loading anything. */
export function discardCsvUpload(): void {
  useCsvUpload.setState({ parsed: null, error: null, progress: null });
}

export function setTarget(name: string): void {
  const { parsed, columns } = useCsvUpload.getState();
  if (!parsed) return;
  const j = parsed.headers.indexOf(name);
  const guess = parsed.targetTasks[j];
  useCsvUpload.setState({
    target: name,
    task: guess?.ok ? guess.task : useCsvUpload.getState().task,
    error: guess && !guess.ok ? guess.message : null,
    columns: columns.map((c) => (c.name === name ? { ...c, include: true } : c)),
  });
}

export function setTask(task: TaskKind): void {
  useCsvUpload.setState({ task });
}

export function updateColumn(name: string, change: Partial<ColumnSpec>): void {
  useCsvUpload.setState((s) => ({
    columns: s.columns.map((c) => (c.name === name ? { ...c, ...change } : c)),
  }));
}

/** Includes or excludes every column whose name matches the pattern and/or has the type. */
export function bulkInclude(pattern: string, type: ColumnType | 'any', include: boolean): number {
  return bulkUpdate(pattern, type, { include });
}

/** Sets the scaling of every numeric or boolean column matching the pattern and/or type. */
export function bulkScaling(pattern: string, type: ColumnType | 'any', scaling: Scaling): number {
  return bulkUpdate(
    pattern,
    type,
    { scaling },
    (c) => c.type === 'numeric' || c.type === 'boolean',
  );
}

function bulkUpdate(
  pattern: string,
  type: ColumnType | 'any',
  change: Partial<ColumnSpec>,
  applies: (c: ColumnSpec) => boolean = () => true,
): number {
  let re: RegExp;
  try {
    re = new RegExp(pattern === '' ? '.*' : pattern, 'i');
  } catch {
    re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }
  let changed = 0;
  useCsvUpload.setState((s) => ({
    columns: s.columns.map((c) => {
      if (c.name === s.target || !re.test(c.name) || (type !== 'any' && c.type !== type)) return c;
      if (!applies(c)) return c;
      changed++;
      return { ...c, ...change };
    }),
  }));
  return changed;
}

/** The pipeline spec of the draft. */
export function draftSpec(): PipelineSpec {
  const s = useCsvUpload.getState();
  return {
    version: 1,
    target: s.target,
    task: s.task,
    standardizeTarget: s.task === 'regression' && s.standardizeTarget,
    ...(s.samplePercent < 100
      ? { sample: { percent: s.samplePercent, seed: CSV_SAMPLE_SEED } }
      : {}),
    columns: s.columns,
  };
}

/** Loads the draft as the workspace dataset; the preview closes once it has loaded. */
export function confirmCsvUpload(): void {
  const s = useCsvUpload.getState();
  if (!s.parsed) return;
  const targetIndex = s.parsed.headers.indexOf(s.target);
  const guess = s.parsed.targetTasks[targetIndex];
  if (guess && !guess.ok) {
    useCsvUpload.setState({ error: guess.message });
    return;
  }
  if (s.testError || s.testParsing) {
    useCsvUpload.setState({
      error: s.testError ?? 'The test file is still being read: wait for it, or remove it.',
    });
    return;
  }
  if (!(s.samplePercent > 0 && s.samplePercent <= 100)) {
    useCsvUpload.setState({
      error: 'The sample must be more than 0% and at most 100% of the rows.',
    });
    return;
  }
  useCsvUpload.setState({ confirming: true, error: null });
  loadCsvUpload({
    kind: 'upload',
    format: 'csv',
    uploadId: s.parsed.uploadId,
    name: s.parsed.fileName,
    size: s.parsed.size,
    hasHeader: s.parsed.hasHeader,
    spec: draftSpec(),
    ...(s.testParsed
      ? {
          test: {
            uploadId: s.testParsed.uploadId,
            name: s.testParsed.fileName,
            size: s.testParsed.size,
          },
        }
      : {}),
  });
}
