/**
 * The reference the bench compares the app against: plain TF.js `model.fit` of the same
 * model, backend, batch size and data, with no app around it. Runs in a worker or on the
 * main thread (the responsiveness reference).
 */
import * as tf from '@tensorflow/tfjs';
import { parseBundled } from '../../src/core/data/bundled';
import { configureWasm } from '../../src/worker/backendSetup';

export interface RawRequest {
  model: 'mlp' | 'cnn';
  backend: 'webgl' | 'wasm' | 'cpu';
  batchSize: number;
  warmupBatches: number;
  timedBatches: number;
}

export interface RawResult {
  backend: string;
  samplesPerSec: number;
  batchEndTimes: number[];
}

let wasmConfigured = false;

function buildModel(kind: RawRequest['model']): tf.LayersModel {
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

/** Trains warm-up + timed batches with model.fit and returns samples/s over the timed ones. */
export async function rawTrain(req: RawRequest, datasetUrl: string): Promise<RawResult> {
  if (!wasmConfigured) {
    configureWasm();
    wasmConfigured = true;
  }
  if (!(await tf.setBackend(req.backend))) throw new Error(`backend ${req.backend} unavailable`);
  await tf.ready();
  const ds = parseBundled('fashion-mnist', await (await fetch(datasetUrl)).arrayBuffer());
  const total = (req.warmupBatches + req.timedBatches) * req.batchSize;
  const pixels = new Float32Array(total * 784);
  const labels = new Int32Array(total);
  for (let i = 0; i < total; i++) {
    const row = i % ds.n;
    for (let j = 0; j < 784; j++) pixels[i * 784 + j] = (ds.x[row * 784 + j] ?? 0) / 255;
    labels[i] = ds.y[row] ?? 0;
  }
  const x = tf.tensor4d(pixels, [total, 28, 28, 1]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 10));
  const model = buildModel(req.model);
  const batchEndTimes: number[] = [];
  try {
    await model.fit(x, y, {
      batchSize: req.batchSize,
      epochs: 1,
      shuffle: false,
      yieldEvery: 'never',
      callbacks: { onBatchEnd: async () => void batchEndTimes.push(performance.now()) },
    });
  } finally {
    model.dispose();
    x.dispose();
    y.dispose();
  }
  const start = batchEndTimes[req.warmupBatches - 1]!;
  const end = batchEndTimes[req.warmupBatches + req.timedBatches - 1]!;
  return {
    backend: tf.getBackend(),
    samplesPerSec: (req.timedBatches * req.batchSize * 1000) / (end - start),
    batchEndTimes,
  };
}
