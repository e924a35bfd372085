/**
 * The reference the bench compares the app against: plain TF.js `model.fit` of the same
 * model, backend, batch size and data, with no app around it. Runs in a worker or on the
 * main thread (the responsiveness reference).
 */
import * as tf from '@tensorflow/tfjs';
import { parseBundled } from '../../src/core/data/bundled';
import { buildModel as buildGraphModel } from '../../src/core/graph/build';
import { convnetGraph } from '../../src/core/templates/graphs';
import { stratifiedSplit } from '../../src/core/data/split';
import type { Dataset } from '../../src/core/data/types';
import { DEFAULT_TRAINING_CONFIG } from '../../src/core/train/settings';
import { configureWasm } from '../../src/worker/backendSetup';
import { epochWindow, type EpochWindow } from '../stats.mjs';

export interface RawRequest {
  /** The Keras quickstart MLP, the small CNN, or keras.io's mnist_convnet (the app's template). */
  model: 'mlp' | 'cnn' | 'convnet';
  backend: 'webgl' | 'wasm' | 'cpu';
  batchSize: number;
  warmupBatches: number;
  timedBatches: number;
  /**
   * Time whole epochs instead (stats.mjs `epochWindow`): from the end of epoch 2 to the end
   * of the first later epoch at least this many ms after it; the batch counts are unused.
   */
  minWindowMs?: number;
  /** The app's loop alone only: go on into epoch 2 (for the program count after epoch 1). */
  throughEpoch2?: boolean;
  /** The app's loop alone only: its layer statistics (default on). */
  layerStats?: boolean;
}

export interface RawResult {
  backend: string;
  samplesPerSec: number;
  batchEndTimes: number[];
  /** The epochs timed, when `minWindowMs` asked for them. */
  window: EpochWindow | null;
}

let wasmConfigured = false;

/**
 * The bench's model, compiled as the app trains it (Adam 1e-3, cross-entropy). The convnet
 * is built from the app's committed template (src/core/templates/graphs.ts) by the app's
 * graph builder, so both sides train the same definition; it is still a plain
 * tf.LayersModel that model.fit trains.
 */
export function buildModel(kind: RawRequest['model']): tf.LayersModel {
  if (kind === 'convnet') {
    const graph = convnetGraph({
      kind: 'image',
      task: 'multiclass',
      featureShape: [28, 28, 1],
      classNames: Array.from({ length: 10 }, (_, i) => String(i)),
    });
    const model = buildGraphModel(tf, graph, DEFAULT_TRAINING_CONFIG.seed);
    model.compile({
      optimizer: tf.train.adam(1e-3),
      loss: 'categoricalCrossentropy',
      metrics: ['accuracy'],
    });
    return model;
  }
  const m = tf.sequential();
  if (kind === 'mlp') {
    m.add(tf.layers.flatten({ inputShape: [28, 28, 1] }));
    m.add(tf.layers.dense({ units: 128, activation: 'relu' }));
    m.add(tf.layers.dropout({ rate: 0.2 }));
    m.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  } else {
    m.add(
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu' }),
    );
    m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    m.add(tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu' }));
    m.add(tf.layers.globalAveragePooling2d({}));
    m.add(tf.layers.dense({ units: 10, activation: 'softmax' }));
  }
  m.compile({
    optimizer: tf.train.adam(1e-3),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return m;
}

/** Samples/s over the epoch window when one was asked for, else over the timed batches. */
export function timedRate(
  req: RawRequest,
  batchEndTimes: readonly number[],
  window: EpochWindow | null,
): number {
  if (req.minWindowMs !== undefined) {
    if (!window) throw new Error('training ended before the timed epochs');
    return window.samplesPerSec;
  }
  const start = batchEndTimes[req.warmupBatches - 1]!;
  const end = batchEndTimes[req.warmupBatches + req.timedBatches - 1]!;
  return (req.timedBatches * req.batchSize * 1000) / (end - start);
}

/** Activates the backend (WASM configured as the app configures it). */
export async function setUpBackend(backend: RawRequest['backend']): Promise<void> {
  if (!wasmConfigured) {
    configureWasm();
    wasmConfigured = true;
  }
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} unavailable`);
  await tf.ready();
}

/** Pixels scaled to [0, 1] and one-hot labels of the given rows, as tensors. */
function tensorsOf(ds: Dataset, rows: Int32Array): { x: tf.Tensor4D; y: tf.Tensor2D } {
  const pixels = new Float32Array(rows.length * 784);
  const labels = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    for (let j = 0; j < 784; j++) pixels[i * 784 + j] = (ds.x[row * 784 + j] ?? 0) / 255;
    labels[i] = ds.y[row] ?? 0;
  });
  return {
    x: tf.tensor4d(pixels, [rows.length, 28, 28, 1]),
    y: tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 10) as tf.Tensor2D),
  };
}

/**
 * Trains warm-up + timed batches with model.fit and returns samples/s over the timed ones.
 * It does what the app's loop does between batches, so the ratio measures the loop: the
 * same split as the app (default seed and ratios: 2,100 training rows, 450 validation),
 * shuffled batches, the validation pass at every epoch's end and one read of all weights
 * per epoch (the app's checkpoint).
 */
export async function rawTrain(req: RawRequest, datasetUrl: string): Promise<RawResult> {
  await setUpBackend(req.backend);
  const ds = parseBundled('fashion-mnist', await (await fetch(datasetUrl)).arrayBuffer());
  const split = stratifiedSplit(
    ds.y,
    ds.task,
    DEFAULT_TRAINING_CONFIG.split,
    DEFAULT_TRAINING_CONFIG.seed,
  );
  const train = tensorsOf(ds, split.train);
  const validation = tensorsOf(ds, split.validation);
  const need = req.warmupBatches + req.timedBatches;
  const model = buildModel(req.model);
  const batchEndTimes: number[] = [];
  const window = () =>
    req.minWindowMs === undefined
      ? null
      : epochWindow(batchEndTimes, split.train.length, req.batchSize, req.minWindowMs);
  try {
    await model.fit(train.x, train.y, {
      batchSize: req.batchSize,
      epochs:
        req.minWindowMs === undefined
          ? Math.ceil(need / Math.ceil(split.train.length / req.batchSize)) + 1
          : 1_000,
      shuffle: true,
      validationData: [validation.x, validation.y],
      yieldEvery: 'never',
      callbacks: {
        onBatchEnd: async () => {
          batchEndTimes.push(performance.now());
          const done = req.minWindowMs === undefined ? batchEndTimes.length >= need : window();
          if (done) model.stopTraining = true;
        },
        onEpochEnd: async () => {
          await Promise.all(model.getWeights().map((w) => w.data()));
        },
      },
    });
  } finally {
    model.dispose();
    [train, validation].forEach((t) => tf.dispose([t.x, t.y]));
  }
  return {
    backend: tf.getBackend(),
    samplesPerSec: timedRate(req, batchEndTimes, window()),
    batchEndTimes,
    window: window(),
  };
}
