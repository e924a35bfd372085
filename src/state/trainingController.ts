/**
 * The bridge between the store and the training worker: it owns the one worker client,
 * turns user actions into protocol messages and worker events into store updates.
 */
import { testHooksEnabled } from './testHooksEnabled';
import { TrainingClient, type WorkerFailure } from '../worker/client';
import type { FromWorker } from '../worker/protocol';
import type { ImageUploadSource } from '../worker/images/types';
import type { DatasetChoice, DatasetSummary } from '../core/data/types';
import {
  choiceFingerprint,
  matchReupload,
  type ImageChoiceFingerprint,
} from '../core/data/images/reupload';
import { useImageReupload } from '../ui/data/images/reuploadStore';
import { fitGraphToDataset } from '../core/graph/edit';
import { targetForDataset } from '../core/data/target';
import { useAppStore } from './store';
import { selectTrainingActive } from './trainingSlice';
import {
  beginRunRecord,
  recordRunFailed,
  recordWorkerMessage,
  resumeRunRecord,
} from './persistence/runRecorder';
import type { RunRecord } from '../core/runs/record';
import type { Checkpoint } from '../core/train/checkpoint';

// Keep the raw per-batch series bounded; charts downsample further for drawing.
const MAX_BATCH_POINTS = 50_000;

let client: TrainingClient | null = null;
let datasetRequest = 0;
/** Whether the dataset being loaded was picked by the user (fit the graph and say so). */
let fitOnLoad = false;

type LiveMessage = Extract<FromWorker, { type: 'progress' | 'epoch' | 'boundary' }>;

// Live messages arrive up to ~20 times a second on a fast backend; applying each one
// re-renders the charts. They are coalesced into at most one store update per 200 ms so
// the page stays responsive however fast the worker trains.
const FLUSH_MS = 200;
let pending: LiveMessage[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;

function queueLive(msg: LiveMessage): void {
  pending.push(msg);
  flushTimer ??= setTimeout(flushLive, FLUSH_MS);
}

/** Applies the queued live messages of the current run in one store update. */
function flushLive(): void {
  if (flushTimer !== null) clearTimeout(flushTimer);
  flushTimer = null;
  const msgs = pending;
  pending = [];
  const run = useAppStore.getState().run;
  if (!run || msgs.length === 0) return;
  const mine = msgs.filter((m) => m.runId === run.runId);
  if (mine.length === 0) return;
  useAppStore.getState().updateRun(run.runId, (r) => {
    let batches = r.batches;
    const epochs = [...r.epochs];
    let progress = r.progress;
    let boundary = r.boundary;
    const newBatches = [];
    for (const m of mine) {
      if (m.type === 'progress') {
        progress = m.progress;
        newBatches.push(...m.batches);
      } else if (m.type === 'epoch') epochs.push(m.metrics);
      else boundary = m.grid;
    }
    if (newBatches.length > 0) {
      batches = [...batches, ...newBatches];
      if (batches.length > MAX_BATCH_POINTS) batches = batches.slice(-MAX_BATCH_POINTS);
    }
    return { batches, epochs, progress, boundary };
  });
}

function handle(msg: FromWorker): void {
  if (useAppStore.getState().workerFailure?.kind === 'unresponsive') {
    useAppStore.setState({ workerFailure: null });
  }
  if (
    msg.type !== 'progress' &&
    msg.type !== 'epoch' &&
    msg.type !== 'boundary' &&
    msg.type !== 'heartbeat'
  ) {
    flushLive();
  }
  const s = useAppStore.getState();
  // The run record (IndexedDB) follows every run-scoped message as it arrives.
  recordWorkerMessage(msg);
  switch (msg.type) {
    case 'ready':
      useAppStore.setState({
        workerReady: {
          webglRenderer: msg.webglRenderer,
          crossOriginIsolated: msg.crossOriginIsolated,
        },
      });
      return;
    case 'heartbeat':
      return;
    case 'datasetLoaded': {
      if (msg.requestId !== datasetRequest) return;
      if (holdImageReupload(msg.summary)) return;
      commitPendingChoice();
      useAppStore.setState({ dataset: msg.summary, datasetLoading: false, datasetError: null });
      const { graph, changes } = fitGraphToDataset(
        s.graph,
        msg.summary.featureShape,
        targetForDataset(msg.summary),
      );
      if (changes.length > 0) {
        s.setGraph(graph);
        if (fitOnLoad) {
          s.pushNotice('info', `Model fitted to ${msg.summary.name}: ${changes.join('; ')}.`);
        }
      }
      return;
    }
    case 'datasetError':
      if (msg.requestId !== datasetRequest) return;
      pendingChoice = null;
      useAppStore.setState({
        datasetLoading: false,
        datasetError: msg.message,
        imageProgress: null,
      });
      s.pushNotice('error', msg.message);
      return;
    case 'runStarted':
      s.updateRun(msg.runId, () => ({
        phase: 'running',
        recovery: null,
        backend: msg.backend,
        rows: { train: msg.trainRows, validation: msg.validationRows, test: msg.testRows },
      }));
      return;
    case 'runRecovered':
      s.updateRun(msg.runId, (r) => ({
        // The worker waits, paused, until the user continues on the new backend.
        recovery: { message: msg.message, backendLabel: msg.backend.label },
        backend: msg.backend,
        // It replays the unfinished epoch from its checkpoint: drop that epoch's points so
        // the replay does not draw twice.
        batches: r.batches.filter((b) => b.epoch <= r.epochs.length),
      }));
      return;
    case 'progress':
    case 'epoch':
    case 'boundary':
      queueLive(msg);
      return;
    case 'paused':
      s.updateRun(msg.runId, () => ({ phase: 'paused' }));
      return;
    case 'resumed':
      s.updateRun(msg.runId, () => ({ phase: 'running', recovery: null }));
      return;
    case 'finished':
      s.updateRun(msg.runId, (r) => ({
        phase: msg.status === 'completed' ? 'completed' : 'stopped',
        evaluation: msg.evaluation,
        stoppedAtEpoch: msg.status === 'stopped' ? (r.progress?.epoch ?? r.epochs.length) : null,
      }));
      return;
    case 'failed':
      s.updateRun(msg.runId, () => ({ phase: 'failed', error: msg.message }));
      s.pushNotice('error', `Training failed: ${msg.message}`);
      return;
    case 'imageProgress':
      if (msg.requestId === datasetRequest) useAppStore.setState({ imageProgress: msg });
      return;
    case 'modelExported':
    case 'modelImported':
    case 'predicted':
    case 'exportFailed':
      // Answers to requests sent through workerClient() (src/ui/export/modelRequests.ts).
      return;
    case 'csvProgress':
    case 'csvParsed':
    case 'csvError':
    case 'pipelineFitted':
      // CSV upload preview and fitted pipelines: src/ui/data/csv listens through workerClient().
      return;
    case 'checkpoint':
      // Stored with the run record by recordWorkerMessage (persistence/runsStore.ts).
      return;
    case 'fetchProbeResult':
      // Answer to a test hook, awaited by window.trainSmarter.fetchProbe (testHooks.ts).
      return;
    case 'memory':
      useAppStore.setState((st) => ({
        workerMemory: [...st.workerMemory, { numTensors: msg.numTensors, numBytes: msg.numBytes }],
      }));
      return;
    default: {
      const never: never = msg;
      throw new Error(`Unknown worker message ${JSON.stringify(never)}`);
    }
  }
}

/** The worker crashed or stopped answering: fail the run, start a fresh worker, reload data. */
function onWorkerFailure(failure: WorkerFailure): void {
  const s = useAppStore.getState();
  const run = s.run;
  if (run && selectTrainingActive(s)) {
    s.updateRun(run.runId, () => ({ phase: 'failed', error: failure.message }));
    recordRunFailed(run.runId, failure.message);
  }
  useAppStore.setState({ workerFailure: { kind: failure.kind, message: failure.message } });
  // A crashed worker is gone: replace it at once. A silent one may only be slow: offer.
  if (failure.kind === 'crashed') restartWorker(false);
}

/** Terminates the training worker, starts a fresh one and loads the dataset again. */
export function restartWorker(clearAlert = true): void {
  const s = useAppStore.getState();
  const run = s.run;
  if (run && selectTrainingActive(s)) {
    const message = 'The training worker was restarted.';
    s.updateRun(run.runId, () => ({ phase: 'failed', error: message }));
    recordRunFailed(run.runId, message);
  }
  if (clearAlert) useAppStore.setState({ workerFailure: null });
  client?.restart();
  loadDataset(s.datasetChoice, false);
}

function getClient(): TrainingClient {
  if (!client) {
    client = new TrainingClient({ testHooks: testHooksEnabled() });
    client.subscribe(handle);
    client.onFailure(onWorkerFailure);
  }
  return client;
}

/** The one training worker client, for request/response features (model export and import). */
export function workerClient(): TrainingClient {
  return getClient();
}

/** Asks the worker to load a dataset; the previous one stays selected until it loads. */
export function loadDataset(choice: DatasetChoice, userPicked = true): void {
  datasetRequest += 1;
  fitOnLoad = userPicked;
  pendingChoice = null;
  useAppStore.setState({ datasetChoice: choice, datasetLoading: true });
  getClient().send({ type: 'loadDataset', requestId: datasetRequest, choice, split: csvSplit() });
}

/** The workspace's seed and split, which an uploaded CSV's pipeline is first fitted on. */
function csvSplit() {
  const { config } = useAppStore.getState();
  return { ratios: config.split, seed: config.seed };
}

/** Loads a confirmed CSV upload (src/ui/data/csv); the previous dataset stays selected until it loads. */
export function loadCsvUpload(
  choice: Extract<DatasetChoice, { kind: 'upload'; format: 'csv' }>,
): void {
  datasetRequest += 1;
  fitOnLoad = true;
  pendingChoice = choice;
  useAppStore.setState({ datasetLoading: true, datasetError: null });
  getClient().send({ type: 'loadDataset', requestId: datasetRequest, choice, split: csvSplit() });
}

/**
 * Uploaded datasets (image folders and zips) become the workspace's choice only once
 * they load: until then, and after an error, the previous dataset stays selected.
 */
let pendingChoice: DatasetChoice | null = null;
let pendingExpect: { name: string; fingerprint: ImageChoiceFingerprint } | null = null;

/**
 * Image uploads: the choice remembers the files' fingerprint. A folder asked for again
 * (too large to keep) that is not the workspace's waits for the user (ImageUpload's alert).
 */
function holdImageReupload(summary: DatasetSummary): boolean {
  const expect = pendingExpect;
  pendingExpect = null;
  if (pendingChoice?.kind !== 'upload' || pendingChoice.format !== 'images') return false;
  const fingerprint = choiceFingerprint(summary.fingerprint);
  if (!fingerprint) return false;
  pendingChoice = { ...pendingChoice, fingerprint };
  if (!expect) return false;
  const match = matchReupload(expect, { name: pendingChoice.name, fingerprint });
  if (match.same) return false;
  useImageReupload.setState({ mismatch: { choice: pendingChoice, message: match.message } });
  pendingChoice = null;
  useAppStore.setState({ datasetLoading: false, imageProgress: null });
  return true;
}

function commitPendingChoice(): void {
  if (pendingChoice) useAppStore.setState({ datasetChoice: pendingChoice });
  pendingChoice = null;
  useAppStore.setState({ imageProgress: null });
}

/** Hands an image upload to the worker and loads it (see src/ui/data/images). */
export function loadImageUpload(
  choice: Extract<DatasetChoice, { kind: 'upload'; format: 'images' }>,
  source: ImageUploadSource | null,
  /** A folder asked for again after a reload: the workspace's folder it must match. */
  expect?: { name: string; fingerprint: ImageChoiceFingerprint },
): void {
  const c = getClient();
  if (testHooksEnabled()) {
    const params = new URLSearchParams(location.search);
    const zipLimitBytes = Number(params.get('zipLimitBytes')) || undefined;
    const decodeDelayMs = Number(params.get('decodeDelayMs')) || undefined;
    const storedMB = Number(params.get('maxStoredUploadMB'));
    const maxStoredBytes = storedMB > 0 ? storedMB * 1024 * 1024 : undefined;
    c.send({ type: 'imageTestHooks', zipLimitBytes, decodeDelayMs, maxStoredBytes });
  }
  pendingExpect = expect ?? null;
  if (source) c.send({ type: 'registerImageUpload', uploadId: choice.uploadId, source });
  datasetRequest += 1;
  fitOnLoad = true;
  pendingChoice = choice;
  useAppStore.setState({ datasetLoading: true, datasetError: null, imageProgress: null });
  c.send({ type: 'loadDataset', requestId: datasetRequest, choice });
}

/** Stops decoding an image upload; the previous dataset stays. */
export function cancelImageLoad(): void {
  getClient().send({ type: 'cancelImageLoad' });
}

/** Starts a run of the current graph and settings on the loaded dataset. */
export function train(): void {
  const s = useAppStore.getState();
  // The Train button is disabled with the reason shown (useTrainBlocker); this guards races.
  if (selectTrainingActive(s) || !s.dataset) return;
  const runId = crypto.randomUUID();
  s.startRun({
    runId,
    phase: 'starting',
    config: s.config,
    graph: s.graph,
    backend: null,
    progress: null,
    batches: [],
    epochs: [],
    evaluation: null,
    boundary: null,
    error: null,
    stoppedAtEpoch: null,
    rows: null,
  });
  beginRunRecord({
    runId,
    graph: s.graph,
    config: s.config,
    datasetChoice: s.datasetChoice,
    dataset: s.dataset,
  });
  getClient().send({ type: 'train', runId, graph: s.graph, config: s.config });
}

/**
 * Continues a stored run from a checkpoint on the loaded dataset (the caller checks it is
 * the run's data). Only weights are restored: the optimizer's state restarts.
 */
export function continueRun(record: RunRecord, checkpoint: Checkpoint): void {
  const s = useAppStore.getState();
  if (selectTrainingActive(s) || !s.dataset) return;
  s.startRun({
    runId: record.id,
    phase: 'starting',
    config: record.config,
    graph: record.graph,
    backend: null,
    progress: null,
    batches: record.batches.filter((b) => b.epoch <= checkpoint.epoch),
    epochs: record.epochs.filter((e) => e.epoch <= checkpoint.epoch),
    evaluation: null,
    boundary: null,
    error: null,
    stoppedAtEpoch: null,
    rows: null,
  });
  resumeRunRecord(record, checkpoint.epoch);
  getClient().send({
    type: 'train',
    runId: record.id,
    graph: record.graph,
    config: record.config,
    resumeFrom: checkpoint,
  });
}

function runCommand(type: 'pause' | 'resume' | 'stop'): void {
  const run = useAppStore.getState().run;
  if (run) getClient().send({ type, runId: run.runId });
}

export const pause = () => runCommand('pause');
export const resume = () => runCommand('resume');
export const stop = () => runCommand('stop');

/** Creates the worker and loads the workspace's dataset. Returns a cleanup for React. */
export function startController(): () => void {
  const choice = useAppStore.getState().datasetChoice;
  loadDataset(choice, false);
  return () => {};
}
