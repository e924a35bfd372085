/**
 * The bridge between the store and the training worker, as parts with a lifetime: one
 * worker session (client, heartbeat, failure, restart), dataset loading, run commands,
 * live-update coalescing and the run writer. `createController` builds them once for a
 * store; nothing here is module state, so a test builds its own with a fake worker.
 */
import {
  TrainingClient,
  type TrainingClientOptions,
  type WorkerFailure,
} from '../../worker/client';
import type { FromWorker } from '../../worker/protocol';
import { isCoalescedEvent, isRunEvent, type RunEvent } from '../../core/runs/events';
import { isActive } from '../../core/runs/live';
import { createRunWriter, type RunWriter } from '../persistence/runWriter';
import { createCoalescer } from './liveUpdates';
import { createDatasetLoading, type DatasetLoading } from './datasetLoading';
import { createRunCommands, type RunCommands } from './runCommands';
import { createLrFinder, type LrFinderCommands } from './lrFinder';
import { watchChildRuns } from './childRuns';
import type { AppStore } from './types';

export interface Controller extends RunCommands, DatasetLoading, LrFinderCommands {
  /** The one worker client, for request/response features (export, import, CSV ingest). */
  client: TrainingClient;
  /** Terminates the training worker, starts a fresh one and loads the dataset again. */
  restartWorker(clearAlert?: boolean): void;
  /** Resolves when the run writes queued so far have settled (tests). */
  idle(): Promise<void>;
  dispose(): void;
}

export interface ControllerOptions extends TrainingClientOptions {
  /** Also listen to every worker message (the CSV upload slice does). */
  onMessage?: (msg: FromWorker) => void;
  imageTestHooks?: () => Parameters<TrainingClient['send']>[0] | null;
  writer?: (store: AppStore) => RunWriter;
}

export function createController(store: AppStore, options: ControllerOptions = {}): Controller {
  const client = new TrainingClient(options);
  const send = client.send.bind(client);
  const datasets = createDatasetLoading(store, send, { imageTestHooks: options.imageTestHooks });
  const runs = createRunCommands(store, send);
  const lrFinder = createLrFinder(store, send);
  const writer = (options.writer ?? createRunWriter)(store);
  const live = createCoalescer<RunEvent>((events) => store.getState().applyRunEvents(events));

  const failActiveRun = (message: string) => {
    const run = store.getState().run;
    if (run && isActive(run)) {
      store.getState().applyRunEvents([{ type: 'failed', runId: run.record.id, message }]);
    }
  };

  const restartWorker = (clearAlert = true) => {
    failActiveRun('The training worker was restarted.');
    lrFinder.workerLost('The training worker was restarted.');
    if (clearAlert) store.setState({ workerFailure: null });
    live.flush();
    client.restart();
    datasets.load(store.getState().datasetChoice, false);
  };

  /**
   * The worker crashed: fail the run, start a fresh worker, reload data. A silent one may
   * only be slow (a CPU-backend step of keras.io's mnist_convnet at batch 128 takes ~13 s,
   * past the 10 s watchdog), so its run goes on and the alert offers a restart, which
   * stops the run; the alert goes when the worker answers again, and the watchdog then
   * waits twice that silence (client.ts), so later steps as slow raise no alert.
   */
  const onFailure = (failure: WorkerFailure) => {
    live.flush();
    store.setState({ workerFailure: { kind: failure.kind, message: failure.message } });
    if (failure.kind !== 'crashed') return;
    failActiveRun(failure.message);
    lrFinder.workerLost(failure.message);
    restartWorker(false);
  };

  const handle = (msg: FromWorker) => {
    if (store.getState().workerFailure?.kind === 'unresponsive') {
      store.setState({ workerFailure: null });
    }
    if (isRunEvent(msg)) {
      if (isCoalescedEvent(msg)) {
        live.queue(msg);
        return;
      }
      live.flush();
      store.getState().applyRunEvents([msg]);
      if (msg.type === 'failed')
        store.getState().pushNotice('error', `Training failed: ${msg.message}`);
      return;
    }
    if (msg.type !== 'heartbeat') live.flush();
    switch (msg.type) {
      case 'ready':
        store.setState({
          workerReady: {
            webglRenderer: msg.webglRenderer,
            crossOriginIsolated: msg.crossOriginIsolated,
          },
        });
        return;
      case 'datasetLoaded':
      case 'datasetError':
      case 'imageProgress':
        datasets.handle(msg);
        return;
      case 'memory':
        store.setState((st) => ({
          workerMemory: [
            ...st.workerMemory,
            { numTensors: msg.numTensors, numBytes: msg.numBytes },
          ],
        }));
        return;
      case 'heartbeat':
      case 'modelExported':
      case 'modelImported':
      case 'predicted':
      case 'exportFailed':
      case 'csvProgress':
      case 'csvParsed':
      case 'csvError':
      case 'fetchProbeResult':
      case 'convGradientCheckResult':
      case 'examplesResult':
      case 'tryResult':
      case 'saliencyResult':
      case 'evaluationFailed':
        // Answers to requests made through `client` (export, CSV upload, evaluation, test hooks).
        return;
      case 'lrFinderStarted':
      case 'lrFinderProgress':
      case 'lrFinderFinished':
      case 'lrFinderFailed':
        lrFinder.handle(msg);
        return;
      default: {
        const never: never = msg;
        throw new Error(`Unknown worker message ${JSON.stringify(never)}`);
      }
    }
  };

  const unsubscribers = [
    client.subscribe(handle),
    client.onFailure(onFailure),
    watchChildRuns(store),
  ];
  if (options.onMessage) unsubscribers.push(client.subscribe(options.onMessage));
  return {
    client,
    ...datasets,
    ...runs,
    findLearningRate: lrFinder.findLearningRate,
    cancelLearningRateFinder: lrFinder.cancelLearningRateFinder,
    applySuggestedRate: lrFinder.applySuggestedRate,
    restartWorker,
    idle: () => writer.idle(),
    dispose() {
      unsubscribers.forEach((u) => u());
      live.dispose();
      writer.dispose();
      client.dispose();
    },
  };
}
