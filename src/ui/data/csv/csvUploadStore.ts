/**
 * State of the CSV upload flow (file → progress → preview → confirm), kept apart from
 * the workspace store: it is a draft until the user confirms. Listens to the worker
 * through the one client.
 */
import { create } from 'zustand';
import * as csvDraft from '../../../core/data/csv/draft';
import type { CsvDraft } from '../../../core/data/csv/draft';
import type { ColumnType } from '../../../core/data/csv/types';
import type { ColumnSpec, FittedPipeline, Scaling } from '../../../core/data/pipeline/spec';
import type { TaskKind } from '../../../core/graph/types';
import { useAppStore } from '../../../state/store';
import { loadCsvUpload, workerClient } from '../../../state/trainingController';
import type { CsvParsedInfo } from '../../../worker/ingest/csvMessages';
import type { FromWorker } from '../../../worker/protocol';

const DEFAULT_MAX_UPLOAD_MB = 500;

/** The draft (see core/data/csv/draft.ts) and the flow around it. */
export interface CsvUploadState extends CsvDraft {
  requestId: number;
  file: File | null;
  progress: { bytes: number; totalBytes: number; rows: number } | null;
  error: string | null;
  /** A confirmed upload is loading: its result closes the preview or shows the error. */
  confirming: boolean;
  /** Pipelines fitted per run (runId → fitted state), to keep with the run. */
  fittedByRun: Record<string, FittedPipeline>;
  /** The separate test file's parse request (-1: none). */
  testRequestId: number;
}

export const useCsvUpload = create<CsvUploadState>()(() => ({
  ...csvDraft.EMPTY_CSV_DRAFT,
  requestId: 0,
  file: null,
  progress: null,
  error: null,
  fittedByRun: {},
  confirming: false,
  testRequestId: -1,
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
    case 'pipelineFitted':
      useCsvUpload.setState({ fittedByRun: { ...s.fittedByRun, [msg.runId]: msg.fitted } });
      return;
    default:
      return;
  }
}

function onParsed(info: CsvParsedInfo): void {
  // The workspace's CSV was not kept in this browser (over 200 MB) and was asked for
  // again: the same file (same fingerprint) loads straight away with its saved pipeline.
  const { datasetChoice, dataset } = useAppStore.getState();
  if (csvDraft.isSameCsvReupload(datasetChoice, dataset, info)) {
    useCsvUpload.setState({ progress: null, error: null, confirming: true });
    loadCsvUpload(datasetChoice);
    return;
  }
  const draft = csvDraft.draftFromParsed(info, useCsvUpload.getState());
  // If the default target cannot be one, say why.
  useCsvUpload.setState({ ...draft, progress: null, error: csvDraft.targetProblem(draft) });
}

function onTestParsed(info: CsvParsedInfo): void {
  const { testParsing, testParsed, testError } = csvDraft.withTestFile(
    useCsvUpload.getState(),
    info,
  );
  useCsvUpload.setState({ testParsing, testParsed, testError });
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
  const s = useCsvUpload.getState();
  if (!s.parsed) return;
  const { target, task, columns } = csvDraft.withTarget(s, name);
  useCsvUpload.setState({ target, task, columns, error: csvDraft.targetProblem({ ...s, target }) });
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
  return applyBulkEdit(csvDraft.bulkInclude(useCsvUpload.getState(), pattern, type, include));
}

/** Sets the scaling of every numeric or boolean column matching the pattern and/or type. */
export function bulkScaling(pattern: string, type: ColumnType | 'any', scaling: Scaling): number {
  return applyBulkEdit(csvDraft.bulkScaling(useCsvUpload.getState(), pattern, type, scaling));
}

function applyBulkEdit({ draft, changed }: csvDraft.BulkEdit): number {
  useCsvUpload.setState({ columns: draft.columns });
  return changed;
}

/** Loads the draft as the workspace dataset; the preview closes once it has loaded. */
export function confirmCsvUpload(): void {
  const s = useCsvUpload.getState();
  const choice = csvDraft.confirmedChoice(s);
  if (!choice) return;
  const problem = csvDraft.confirmProblem(s);
  if (problem !== null) {
    useCsvUpload.setState({ error: problem });
    return;
  }
  useCsvUpload.setState({ confirming: true, error: null });
  loadCsvUpload(choice);
}
