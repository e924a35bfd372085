/**
 * The bridge between the store and the training worker: it owns the one worker client,
 * turns user actions into protocol messages and worker events into store updates.
 */
import { TrainingClient } from '../worker/client';
import type { FromWorker } from '../worker/protocol';
import type { DatasetChoice } from '../core/data/types';
import { analyzeGraph } from '../core/graph/analyze';
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

function handle(msg: FromWorker): void {
  const s = useAppStore.getState();
  switch (msg.type) {
    case 'ready':
      useAppStore.setState({
        workerReady: { webglRenderer: msg.webglRenderer, crossOriginIsolated: msg.crossOriginIsolated },
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
    case 'runStarted':
      s.updateRun(msg.runId, () => ({
        phase: 'running',
        backend: msg.backend,
        rows: { train: msg.trainRows, validation: msg.validationRows, test: msg.testRows },
      }));
      return;
    case 'progress':
      s.updateRun(msg.runId, (r) => ({
        progress: msg.progress,
        batches:
          r.batches.length + msg.batches.length > MAX_BATCH_POINTS
            ? [...r.batches, ...msg.batches].slice(-MAX_BATCH_POINTS)
            : [...r.batches, ...msg.batches],
      }));
      return;
    case 'epoch':
      s.updateRun(msg.runId, (r) => ({ epochs: [...r.epochs, msg.metrics] }));
      return;
    case 'boundary':
      s.updateRun(msg.runId, () => ({ boundary: msg.grid }));
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

function getClient(): TrainingClient {
  if (!client) {
    const testHooks = new URLSearchParams(location.search).get('testHooks') === '1';
    client = new TrainingClient({ testHooks });
    client.subscribe(handle);
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

/** Why Train is disabled right now, or null when training can start. */
export function trainBlocker(): string | null {
  const s = useAppStore.getState();
  if (selectTrainingActive(s)) return 'A run is in progress.';
  if (!s.dataset) return s.datasetLoading ? 'The dataset is loading.' : 'Choose a dataset first.';
  const analysis = analyzeGraph(s.graph, targetForDataset(s.dataset));
  const first = analysis.issues[0];
  if (first) return `${first.message}${first.fix ? ` — ${first.fix}` : ''}`;
  return null;
}

/** Starts a run of the current graph and settings on the loaded dataset. */
export function train(): void {
  const s = useAppStore.getState();
  if (trainBlocker() !== null) return;
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
