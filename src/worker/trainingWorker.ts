/**
 * The training worker: owns the dataset and every training step, so the page never
 * freezes. Thin over core: it turns protocol messages into core calls and core
 * callbacks into batched messages. Created by TrainingClient (client.ts).
 */
import { explainError } from '../core/train/explainError';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgl';
import { BUNDLED_FILES, parseBundled } from '../core/data/bundled';
import { summarizeDataset } from '../core/data/summary';
import { makeSynthetic } from '../core/data/synthetic';
import { sampleDataset } from '../core/data/sample';
import type { BundledId, Dataset, DatasetChoice } from '../core/data/types';
import { executeRun, prepareRun } from '../core/train/run';
import type { BackendName } from '../core/train/types';
import {
  configureWasm,
  detectMachine,
  loseWebGLContext,
  selectBackend,
  webglContextLost,
  type MachineFacts,
} from './backendSetup';
import type { FromWorker, ToWorker } from './protocol';
import { ProgressBatcher, RunControl } from './runControl';
import {
  cancelImageLoad,
  loadImageDataset,
  registerImageUpload,
  setImageTestHooks,
} from './images/loadImages';
import { softwareRendererName } from '../core/train/backend';
import { handleExportMessage, rememberCheckpoint, rememberRunStart } from './export/exportHandler';
import { csvDatasetForRun, handleCsvMessage, loadCsvDataset } from './ingest/csvIngest';
import type { CsvSplitConfig } from './ingest/csvMessages';
import { csvChoiceFingerprint } from './ingest/csvFingerprint';
import { builtinFingerprint } from '../core/runs/fingerprint';
import { DEFAULT_TRAINING_CONFIG } from '../core/train/types';

// Synthetic sets do not depend on the run seed: changing the seed re-splits and
// re-initialises, but the points on screen stay the same.
const SYNTHETIC_DATA_SEED = 1;
// A hang longer than this is a test hook that nobody terminated; stop spinning.
const HANG_LIMIT_MS = 10 * 60 * 1000;

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromWorker) => scope.postMessage(msg);

let testHooks = new URL(scope.location.href).searchParams.get('testHooks') === '1';
let machine: MachineFacts = { webglRenderer: null, hasWebGL: false, crossOriginIsolated: false };
let dataset: Dataset | null = null;
let datasetLoad: Promise<void> = Promise.resolve();
const bundledCache = new Map<BundledId, Dataset>();
let current: RunControl | null = null;
/** Runs stopped while still queued behind another run. */
const stoppedEarly = new Set<string>();
let runQueue: Promise<void> = Promise.resolve();

function start(): void {
  try {
    configureWasm();
  } catch (err) {
    // Training still works on WebGL or the CPU; say why WASM is missing.
    console.error('WASM backend set-up failed:', err);
  }
  machine = detectMachine();
  post({
    type: 'ready',
    webglRenderer: machine.webglRenderer,
    crossOriginIsolated: machine.crossOriginIsolated,
  });
  setInterval(() => post({ type: 'heartbeat', time: Date.now() }), 1000);
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'init':
      testHooks = testHooks || msg.testHooks;
      return;
    case 'exportModel':
    case 'importModel':
    case 'predict':
      void handleExportMessage(tf, msg, (reply, transfer) =>
        scope.postMessage(reply, transfer ?? []),
      );
      return;
    case 'loadDataset':
      datasetLoad = datasetLoad.then(() => loadDataset(msg.requestId, msg.choice, msg.split));
      return;
    case 'csvIngest':
    case 'csvCancel':
      handleCsvMessage(msg, post);
      return;
    case 'registerImageUpload':
      registerImageUpload(msg.uploadId, msg.source);
      return;
    case 'cancelImageLoad':
      cancelImageLoad();
      return;
    case 'imageTestHooks':
      if (testHooks) setImageTestHooks(msg);
      return;
    case 'train':
      // A new run stops the previous one; runs never overlap.
      current?.stop();
      runQueue = runQueue.then(() => datasetLoad).then(() => train(msg));
      return;
    case 'pause':
      if (current?.runId === msg.runId) current.pause();
      return;
    case 'resume':
      if (current?.runId === msg.runId) current.resume();
      return;
    case 'stop':
      if (current?.runId === msg.runId) current.stop();
      else stoppedEarly.add(msg.runId);
      return;
    case 'loseContext':
      if (testHooks) loseWebGLContext();
      return;
    case 'crash':
      if (testHooks) {
        setTimeout(() => {
          throw new Error('Test hook: the training worker crashed.');
        });
      }
      return;
    case 'hang':
      if (testHooks) {
        const until = Date.now() + HANG_LIMIT_MS;
        while (Date.now() < until) {
          // Busy on purpose: no heartbeat, no messages, as a stuck kernel would be.
        }
      }
      return;
    case 'fetchProbe':
      if (testHooks) void fetchProbe(msg.requestId, msg.url);
      return;
    default: {
      const never: never = msg;
      throw new Error(`Unknown message ${JSON.stringify(never)}`);
    }
  }
};

/**
 * Test hook: fetches another origin from the worker and reports whether it was blocked,
 * naming the CSP directive that blocked it (so a refused connection is not mistaken for it).
 */
async function fetchProbe(requestId: number, url: string): Promise<void> {
  const violations: string[] = [];
  const onViolation = (e: Event) => {
    const v = e as SecurityPolicyViolationEvent;
    violations.push(`${v.effectiveDirective} ${v.blockedURI}`);
  };
  scope.addEventListener('securitypolicyviolation', onViolation);
  let blocked = false;
  let detail: string;
  try {
    const response = await fetch(url, { cache: 'no-store' });
    detail = `HTTP ${response.status}`;
  } catch (e) {
    blocked = true;
    detail = String(e);
  }
  // The violation event is queued as a task: let it arrive.
  await new Promise((resolve) => setTimeout(resolve, 200));
  scope.removeEventListener('securitypolicyviolation', onViolation);
  post({
    type: 'fetchProbeResult',
    requestId,
    blocked,
    detail: [detail, ...violations].join('; '),
  });
}

async function loadDataset(
  requestId: number,
  choice: DatasetChoice,
  split?: CsvSplitConfig,
): Promise<void> {
  try {
    if (choice.kind === 'upload' && choice.format === 'csv') {
      const loaded = await loadCsvDataset(
        choice,
        split ?? { ratios: DEFAULT_TRAINING_CONFIG.split, seed: DEFAULT_TRAINING_CONFIG.seed },
      );
      dataset = loaded.dataset;
      const fingerprint = await csvChoiceFingerprint(choice);
      post({ type: 'datasetLoaded', requestId, summary: { ...loaded.summary, fingerprint } });
      return;
    }
    if (choice.kind === 'upload' && choice.format === 'images') {
      const loaded = await loadImageDataset(choice, {
        requestId,
        realGpu: machine.hasWebGL && softwareRendererName(machine.webglRenderer) === null,
        onProgress: (p) => post({ type: 'imageProgress', ...p }),
      });
      dataset = loaded.dataset;
      const summary = {
        ...summarizeDataset(loaded.dataset),
        imageInfo: loaded.info,
        fingerprint: loaded.fingerprint,
      };
      post({ type: 'datasetLoaded', requestId, summary });
      return;
    }
    const ds =
      choice.kind === 'synthetic'
        ? makeSynthetic(choice.id, choice.size, choice.noise, SYNTHETIC_DATA_SEED)
        : sampleDataset(await bundledDataset(choice.id), choice.limit);
    dataset = ds;
    const fingerprint = builtinFingerprint(ds.name, choice);
    post({ type: 'datasetLoaded', requestId, summary: { ...summarizeDataset(ds), fingerprint } });
  } catch (err) {
    post({ type: 'datasetError', requestId, message: errorMessage(err) });
  }
}

/** Fetched once per worker from the app's own origin, then kept. */
async function bundledDataset(id: BundledId): Promise<Dataset> {
  const cached = bundledCache.get(id);
  if (cached) return cached;
  const url = new URL(`${import.meta.env.BASE_URL}${BUNDLED_FILES[id]}`, scope.location.origin);
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(
      `Could not load ${url.pathname} (HTTP ${response.status}); try reloading the page.`,
    );
  }
  const ds = parseBundled(id, await response.arrayBuffer());
  bundledCache.set(id, ds);
  return ds;
}

async function train(msg: Extract<ToWorker, { type: 'train' }>): Promise<void> {
  const { runId, graph, config } = msg;
  if (stoppedEarly.delete(runId)) {
    post({ type: 'finished', runId, status: 'stopped', evaluation: null });
    return;
  }
  if (!dataset) {
    post({ type: 'failed', runId, message: 'No dataset is loaded: choose one first.' });
    return;
  }
  // An uploaded CSV's pipeline is fitted again on this run's own training split.
  const csvRun = csvDatasetForRun(dataset, config);
  if (csvRun && !csvRun.ok) {
    post({ type: 'failed', runId, message: csvRun.message });
    return;
  }
  if (csvRun) post({ type: 'pipelineFitted', runId, fitted: csvRun.fitted });
  const prepared = prepareRun(
    csvRun ? csvRun.dataset : dataset,
    graph,
    config,
    csvRun?.fitted ?? null,
  );
  if (!prepared.ok) {
    post({ type: 'failed', runId, message: prepared.message });
    return;
  }
  const control = new RunControl(runId, post);
  const progress = new ProgressBatcher(runId, post);
  current = control;
  const { split } = prepared;
  rememberRunStart(graph, config, split, prepared.preprocessing);
  let backend: BackendName | null = null;
  let recovery: { message: string; fromEpoch: number } | null = null;
  try {
    const outcome = await executeRun({
      tf,
      graph,
      dataset: prepared.dataset,
      split,
      config,
      startFrom: msg.resumeFrom,
      hooks: {
        onBatch: (point) => progress.addPoint(point),
        onProgress: (p) => progress.setProgress(p),
        onEpoch: (metrics, checkpoint) => {
          rememberCheckpoint(checkpoint);
          progress.flush();
          post({ type: 'epoch', runId, metrics });
          // The run record keeps the final and best weights, and can continue from them.
          post({ type: 'checkpoint', runId, checkpoint });
        },
        shouldStop: () => control.isStopped,
        waitIfPaused: async () => {
          // Show the last points before the pause instead of holding them back.
          if (control.isPaused) progress.flush();
          await control.waitIfPaused();
        },
        interruption: () =>
          backend === 'webgl' && webglContextLost()
            ? 'The WebGL context was lost (the GPU was reset or reclaimed).'
            : null,
      },
      env: {
        selectBackend: async (exclude) => {
          const info = await selectBackend(
            machine,
            { graph, dataset: prepared.dataset, config },
            exclude,
          );
          backend = info.name;
          if (recovery) post({ type: 'runRecovered', runId, backend: info, ...recovery });
          else {
            post({
              type: 'runStarted',
              runId,
              backend: info,
              trainRows: split.train.length,
              validationRows: split.validation.length,
              testRows: split.test.length,
            });
          }
          return info.name;
        },
        onRecover: (_lost, message, fromEpoch) => {
          const from = fromEpoch > 0 ? `from the epoch ${fromEpoch} checkpoint` : 'from the start';
          recovery = { message: `${message} Continuing ${from}.`, fromEpoch };
          // Wait for the user: they choose to continue on the fallback backend (or stop).
          control.pause();
        },
        onBoundary: (grid) => post({ type: 'boundary', runId, grid }),
      },
    });
    progress.flush();
    if (outcome.status === 'failed') post({ type: 'failed', runId, message: outcome.message });
    else post({ type: 'finished', runId, status: outcome.status, evaluation: outcome.evaluation });
  } catch (err) {
    progress.flush();
    post({ type: 'failed', runId, message: errorMessage(err) });
  } finally {
    if (current === control) current = null;
    const memory = tf.memory();
    post({ type: 'memory', runId, numTensors: memory.numTensors, numBytes: memory.numBytes });
  }
}

function errorMessage(err: unknown): string {
  return explainError(err);
}

start();
