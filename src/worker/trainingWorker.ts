/**
 * The training worker: owns the dataset and every training step, so the page never
 * freezes. Thin over core: it routes protocol messages to the dataset holder, the run
 * (runTraining.ts), exports and ingest. Created by TrainingClient (client.ts).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgl';
import {
  configureCpu,
  configureWasm,
  configureWebgl,
  detectMachine,
  type MachineFacts,
} from './backendSetup';
import type { FromWorker, ToWorker } from './protocol';
import type { RunControl } from './runControl';
import { registerImageUpload } from './images/loadImages';
import { handleExportMessage } from './export/exportHandler';
import { csvSourceOf, handleCsvMessage } from './ingest/csvIngest';
import { answerExamples, examplesTransfer } from './evaluation/examplesHandler';
import { answerTryModel } from './evaluation/tryModelHandler';
import { answerSaliency } from './evaluation/saliencyHandler';
import { runLrFinder } from './lrFinder/lrFinderHandler';
import { DatasetHolder } from './datasets';
import { runTraining } from './runTraining';
import { handleTestHook } from './testHookHandler';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromWorker, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);

let testHooks = false;
let machine: MachineFacts = { webglRenderer: null, hasWebGL: false, crossOriginIsolated: false };
const datasets = new DatasetHolder(post, scope.location.origin);
let current: RunControl | null = null;
/** Runs stopped while still queued behind another run. */
const stoppedEarly = new Set<string>();
let runQueue: Promise<void> = Promise.resolve();
/** The learning-rate finder running or queued, by request: a run or a cancel aborts it. */
const finders = new Map<number, AbortController>();

function start(): void {
  configureCpu();
  configureWebgl();
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

async function train(msg: Extract<ToWorker, { type: 'train' }>): Promise<void> {
  if (stoppedEarly.delete(msg.runId)) {
    post({
      type: 'finished',
      runId: msg.runId,
      status: 'stopped',
      evaluation: null,
      outputs: null,
    });
    return;
  }
  let control: RunControl | null = null;
  try {
    await runTraining(msg, {
      tf,
      machine,
      dataset: datasets.current,
      post,
      onControl: (c) => {
        control = c;
        current = c;
      },
    });
  } finally {
    if (current === control) current = null;
  }
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'init':
      testHooks = msg.testHooks;
      return;
    case 'exportModel':
    case 'importModel':
    case 'predict':
      void handleExportMessage(tf, msg, (reply, transfer) =>
        scope.postMessage(reply, transfer ?? []),
      );
      return;
    case 'examples': {
      const answer = answerExamples(datasets, msg, csvSourceOf);
      post(answer, examplesTransfer(answer));
      return;
    }
    case 'tryModel':
      void answerTryModel(tf, msg).then((answer) =>
        post(
          answer,
          answer.type === 'tryResult' && answer.seen
            ? [answer.seen.pixels.buffer as ArrayBuffer]
            : [],
        ),
      );
      return;
    case 'saliency':
      void answerSaliency(tf, msg).then((answer) =>
        post(answer, answer.type === 'saliencyResult' ? [answer.map.buffer as ArrayBuffer] : []),
      );
      return;
    case 'findLearningRate': {
      const abort = new AbortController();
      finders.set(msg.requestId, abort);
      // Queued with the runs: a range test and a run never train at the same time.
      runQueue = runQueue
        .then(() => datasets.loaded)
        .then(() =>
          runLrFinder(msg, { tf, machine, dataset: datasets.current, post, signal: abort.signal }),
        )
        .finally(() => finders.delete(msg.requestId));
      return;
    }
    case 'cancelLearningRateFinder':
      finders.get(msg.requestId)?.abort();
      return;
    case 'loadDataset':
      datasets.request(msg.requestId, msg.choice, machine, msg.split);
      return;
    case 'csvIngest':
    case 'csvCancel':
      handleCsvMessage(msg, post);
      return;
    case 'registerImageUpload':
      registerImageUpload(msg.uploadId, msg.source);
      return;
    case 'cancelImageLoad':
      datasets.cancel(msg.requestId);
      return;
    case 'train':
      // A new run stops the previous one (and any range test); runs never overlap.
      current?.stop();
      finders.forEach((f) => f.abort());
      runQueue = runQueue.then(() => datasets.loaded).then(() => train(msg));
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
    case 'testHook':
      handleTestHook(msg.hook, { enabled: testHooks, scope, post });
      return;
    default: {
      const never: never = msg;
      throw new Error(`Unknown message ${JSON.stringify(never)}`);
    }
  }
};

start();
