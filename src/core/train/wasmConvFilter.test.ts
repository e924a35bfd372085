import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRng, normal } from './random';
import { registerWasmConv2DBackpropFilter } from './wasmConvFilter';
import { trainModel } from './loop';
import { DEFAULT_TRAINING_CONFIG } from './types';
import type { Dataset } from '../data/types';

beforeAll(async () => {
  const dist = fileURLToPath(
    new URL('../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url),
  );
  setWasmPaths(dist);
  registerWasmConv2DBackpropFilter(tf);
  expect(await tf.setBackend('wasm')).toBe(true);
});

interface Case {
  input: [number, number, number, number];
  filter: [number, number, number, number];
  strides: [number, number];
  pad: 'same' | 'valid' | number;
}

function randomArray(size: number, seed: number): Float32Array {
  const rng = makeRng(seed);
  return Float32Array.from({ length: size }, () => normal(rng));
}

/** Filter gradient of sum(conv2d(x, f) · weights) on one backend. */
async function filterGradient(
  backend: 'wasm' | 'cpu',
  c: Case,
  seed: number,
): Promise<Float32Array> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const x = tf.tensor4d(
      randomArray(
        c.input.reduce((a, b) => a * b),
        seed,
      ),
      c.input,
    );
    const f = tf.tensor4d(
      randomArray(
        c.filter.reduce((a, b) => a * b),
        seed + 1,
      ),
      c.filter,
    );
    const y = tf.conv2d(x, f, c.strides, c.pad);
    // A non-uniform upstream gradient, so every position of dy matters.
    const w = tf.tensor(randomArray(y.size, seed + 2), y.shape);
    const grad = tf.grad((filter) =>
      tf.sum(tf.mul(tf.conv2d(x, filter as tf.Tensor4D, c.strides, c.pad), w)),
    );
    return grad(f).dataSync() as Float32Array;
  });
}

function maxRelativeError(a: Float32Array, b: Float32Array): number {
  const scale = Math.max(...Array.from(b, Math.abs), 1e-6);
  let worst = 0;
  a.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - b[i]!) / scale)));
  return worst;
}

const CASES: Case[] = [
  { input: [2, 7, 6, 2], filter: [3, 3, 2, 3], strides: [1, 1], pad: 'same' },
  { input: [2, 7, 6, 2], filter: [3, 3, 2, 3], strides: [1, 1], pad: 'valid' },
  { input: [2, 8, 8, 3], filter: [3, 3, 3, 4], strides: [2, 2], pad: 'same' },
  { input: [2, 8, 8, 3], filter: [3, 3, 3, 4], strides: [2, 2], pad: 'valid' },
  { input: [1, 9, 7, 2], filter: [2, 3, 2, 2], strides: [2, 1], pad: 'same' },
  // (10 − 3) is not a multiple of 3: the last input rows are never read (crop path).
  { input: [2, 10, 11, 1], filter: [3, 3, 1, 2], strides: [3, 3], pad: 'valid' },
  { input: [1, 6, 6, 2], filter: [5, 5, 2, 2], strides: [1, 1], pad: 1 },
  { input: [1, 9, 9, 1], filter: [3, 3, 1, 1], strides: [2, 2], pad: 1 },
];

describe('registerWasmConv2DBackpropFilter', () => {
  it.each(CASES)('matches the CPU backend: %j', async (c) => {
    const wasm = await filterGradient('wasm', c, 3);
    const cpu = await filterGradient('cpu', c, 3);
    expect(wasm.length).toBe(cpu.length);
    expect(maxRelativeError(wasm, cpu)).toBeLessThan(1e-4);
  });

  it('leaks no tensors or WASM buffers', async () => {
    await tf.setBackend('wasm');
    const c = CASES[2]!;
    await filterGradient('wasm', c, 1);
    const tensors = tf.memory().numTensors;
    const dataIds = tf.engine().backend.numDataIds();
    await filterGradient('wasm', c, 2);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(tf.engine().backend.numDataIds()).toBe(dataIds);
  });

  it('lets a small CNN train on WASM', async () => {
    await tf.setBackend('wasm');
    const rng = makeRng(5);
    const n = 16;
    const ds: Dataset = {
      name: 'tiny images',
      kind: 'image',
      task: 'multiclass',
      featureShape: [8, 8, 1],
      x: Uint8Array.from({ length: n * 64 }, () => Math.floor(rng() * 256)),
      xScale: 1 / 255,
      y: Float32Array.from({ length: n }, (_, i) => i % 3),
      n,
      classNames: ['a', 'b', 'c'],
      featureNames: [],
    };
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({
          inputShape: [8, 8, 1],
          filters: 4,
          kernelSize: 3,
          strides: 2,
          padding: 'same',
          activation: 'relu',
        }),
        tf.layers.conv2d({ filters: 4, kernelSize: 3, activation: 'relu' }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 3, activation: 'softmax' }),
      ],
    });
    const losses: number[] = [];
    const result = await trainModel({
      tf,
      model,
      dataset: ds,
      split: {
        train: Int32Array.from({ length: n }, (_, i) => i),
        validation: new Int32Array(0),
        test: new Int32Array(0),
      },
      config: { ...DEFAULT_TRAINING_CONFIG, batchSize: n, epochs: 15, learningRate: 0.05 },
      hooks: { onBatch: (p) => losses.push(p.loss) },
    });
    model.dispose();
    expect(result.status).toBe('completed');
    expect(losses.at(-1)).toBeLessThan(losses[0]!);
  });
});

describe('probeTraining on WASM', () => {
  it('finds a missing gradient kernel, and passes once it is registered', async () => {
    const { probeTraining } = await import('./run');
    const { presetGraph } = await import('../graph/presets');
    await tf.setBackend('wasm');
    const rng = makeRng(1);
    const ds: Dataset = {
      name: 'images',
      kind: 'image',
      task: 'multiclass',
      featureShape: [28, 28, 1],
      x: Uint8Array.from({ length: 2 * 784 }, () => Math.floor(rng() * 256)),
      xScale: 1 / 255,
      y: Float32Array.from([3, 7]),
      n: 2,
      classNames: Array.from({ length: 10 }, (_, i) => String(i)),
      featureNames: [],
    };
    const config = { ...DEFAULT_TRAINING_CONFIG };
    const kernel = tf.getKernel('Conv2DBackpropFilter', 'wasm')!;
    tf.unregisterKernel('Conv2DBackpropFilter', 'wasm');
    const start = tf.memory().numTensors;
    try {
      expect(await probeTraining(tf, presetGraph('cnn'), ds, config)).toMatch(
        /Conv2DBackpropFilter/,
      );
    } finally {
      tf.registerKernel(kernel);
    }
    expect(await probeTraining(tf, presetGraph('cnn'), ds, config)).toBeNull();
    expect(tf.memory().numTensors).toBe(start);
  });
});
