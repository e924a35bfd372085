/**
 * The bridge between the store and the training worker: it owns the one worker client,
 * turns user actions into protocol messages and worker events into store updates.
 */
import { TrainingClient, type WorkerFailure } from '../worker/client';
import type { FromWorker } from '../worker/protocol';
import type { DatasetChoice } from '../core/data/types';
import { fitGraphToDataset } from '../core/graph/edit';
import { targetForDataset } from '../core/data/target';
import { useAppStore } from './store';
import { selectTrainingActive } from './trainingSlice';

// Keep the raw per-batch series bounded; charts downsample further for drawing.
const MAX_BATCH_POINTS = 50_000;

let client: TrainingClient | null = null;
let datasetRequest = 0;
/** Whether the dataset being loaded was picked by the user (fit the graph and say so). */
let fitOnLoad = false;

type LiveMessage = Extract<FromWorker, { type: 'progress' | 'epoch' | 'boundary' }>;

// Live messages arrive up to ~20 times a second on a fast backend; applying each one
// re-renders the charts. They are coalesced into at most one store update per 100 ms so
// the page stays responsive however fast the worker trains.
const FLUSH_MS = 100;
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
  if (
    msg.type !== 'progress' &&
    msg.type !== 'epoch' &&
    msg.type !== 'boundary' &&
    msg.type !== 'heartbeat'
  ) {
    flushLive();
  }
  const s = useAppStore.getState();
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
      useAppStore.setState({ datasetLoading: false, datasetError: msg.message });
      s.pushNotice('error', msg.message);
      return;
    case 'runStarted': {
      const recovering = s.run?.runId === msg.runId && s.run.backend !== null;
      s.updateRun(msg.runId, (r) => ({
        phase: 'running',
        backend: msg.backend,
        rows: { train: msg.trainRows, validation: msg.validationRows, test: msg.testRows },
        // After a recovery the worker replays the unfinished epoch from its checkpoint:
        // drop that epoch's points so the replay does not draw twice.
        batches: recovering ? r.batches.filter((b) => b.epoch <= r.epochs.length) : r.batches,
      }));
      if (recovering)
        s.pushNotice('error', `Training moved to ${msg.backend.label}: ${msg.backend.reason}`);
      return;
    }
    case 'progress':
    case 'epoch':
    case 'boundary':
      queueLive(msg);
      return;
    case 'paused':
      s.updateRun(msg.runId, () => ({ phase: 'paused' }));
      return;
    case 'resumed':
      s.updateRun(msg.runId, () => ({ phase: 'running' }));
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
  }
  s.pushNotice(
    'error',
    `${failure.message} A fresh training worker was started; press Train to run again.`,
  );
  client?.restart();
  loadDataset(s.datasetChoice, false);
}

function getClient(): TrainingClient {
  if (!client) {
    const testHooks = new URLSearchParams(location.search).get('testHooks') === '1';
    client = new TrainingClient({ testHooks });
    client.subscribe(handle);
    client.onFailure(onWorkerFailure);
  }
  return client;
}

/** Asks the worker to load a dataset; the previous one stays selected until it loads. */
export function loadDataset(choice: DatasetChoice, userPicked = true): void {
  datasetRequest += 1;
  fitOnLoad = userPicked;
  useAppStore.setState({ datasetChoice: choice, datasetLoading: true });
  getClient().send({ type: 'loadDataset', requestId: datasetRequest, choice });
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
  getClient().send({ type: 'train', runId, graph: s.graph, config: s.config });
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
