/**
 * The Keras MNIST convnet (keras.io mnist_convnet) training on the WASM backend in Node,
 * single-threaded with SIMD — as the app runs WASM (its CSP rules out WASM threads) — on
 * random 28×28×1 images at batch 128. Prints samples/s; asserts nothing about time.
 *
 *   npx vitest bench --run bench/wasm-convnet.bench.ts
 *
 * Not part of `npm run bench` (which drives the app in Chromium); this isolates the
 * kernels from the worker and the UI. See bench/README.md for figures.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, bench, describe } from 'vitest';
import type { Dataset } from '../src/core/data/types';
import { trainModel, WARMUP_BATCHES } from '../src/core/train/loop';
import { DEFAULT_TRAINING_CONFIG } from '../src/core/train/types';
import { setUpWasm } from '../src/core/train/wasmConvKernels/testing';

const BATCH = 128;
const BATCHES = 12;

function mnistConvnet(): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dropout({ rate: 0.5 }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
}

function randomImages(n: number): Dataset {
  return {
    name: 'random 28×28',
    kind: 'image',
    task: 'multiclass',
    featureShape: [28, 28, 1],
    // A multiplicative hash: varied pixels without a seeded generator.
    x: Uint8Array.from({ length: n * 784 }, (_, i) => (i * 2654435761) >>> 24),
    xScale: 1 / 255,
    y: Float32Array.from({ length: n }, (_, i) => i % 10),
    n,
    classNames: Array.from({ length: 10 }, (_, i) => String(i)),
    featureNames: [],
  };
}

/** Milliseconds per batch after warm-up, per variant, over all bench iterations. */
const batchTimes = new Map<string, number[]>();
function record(name: string, ms: number[]): void {
  batchTimes.set(name, [...(batchTimes.get(name) ?? []), ...ms]);
}

await setUpWasm();
const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
const threads = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT') ? 'threads' : '1 thread';

describe(`MNIST convnet, WASM in Node (SIMD ${String(simd)}, ${threads}), batch ${BATCH}`, () => {
  bench(
    'app training loop (core/train trainModel), 1 epoch',
    async () => {
      const model = mnistConvnet();
      const ends: number[] = [];
      const n = BATCH * BATCHES;
      await trainModel({
        tf,
        model,
        dataset: randomImages(n),
        split: {
          train: Int32Array.from({ length: n }, (_, i) => i),
          validation: new Int32Array(0),
          test: new Int32Array(0),
        },
        config: { ...DEFAULT_TRAINING_CONFIG, batchSize: BATCH, epochs: 1 },
        hooks: { onBatch: () => ends.push(performance.now()) },
      });
      model.dispose();
      const timed = ends.slice(WARMUP_BATCHES);
      record(
        'app loop',
        timed.slice(1).map((t, i) => t - timed[i]!),
      );
    },
    { iterations: 3, time: 0, warmupIterations: 0 },
  );

  bench(
    'plain TF.js: model.trainOnBatch',
    async () => {
      const model = mnistConvnet();
      model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
      const x = tf.randomUniform([BATCH, 28, 28, 1]);
      const y = tf.oneHot(tf.randomUniform([BATCH], 0, 10, 'int32'), 10);
      const times: number[] = [];
      for (let i = 0; i < BATCHES; i++) {
        const t0 = performance.now();
        await model.trainOnBatch(x, y);
        times.push(performance.now() - t0);
      }
      tf.dispose([x, y]);
      model.dispose();
      record('trainOnBatch', times.slice(WARMUP_BATCHES));
    },
    { iterations: 3, time: 0, warmupIterations: 0 },
  );
});

afterAll(() => {
  for (const [name, ms] of batchTimes) {
    const sorted = [...ms].sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1]!;
    console.log(
      `${name}: ${((BATCH / median) * 1000).toFixed(0)} samples/s (median of ${ms.length} batches, ${median.toFixed(0)} ms each)`,
    );
  }
});
