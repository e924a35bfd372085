import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../data/types';
import { trainModel } from '../loop';
import { makeRng } from '../random';
import { DEFAULT_TRAINING_CONFIG } from '../types';
import { replaceKernels } from '../replaceKernels';
import { WASM_TRAINING_KERNELS } from './register';
import { setUpWasm } from './testing';

beforeAll(setUpWasm);

function imageDataset(n: number, side: number, classes: number, seed: number): Dataset {
  const rng = makeRng(seed);
  return {
    name: 'random images',
    kind: 'image',
    task: 'multiclass',
    featureShape: [side, side, 1],
    x: Uint8Array.from({ length: n * side * side }, () => Math.floor(rng() * 256)),
    xScale: 1 / 255,
    y: Float32Array.from({ length: n }, (_, i) => i % classes),
    n,
    classNames: Array.from({ length: classes }, (_, i) => String(i)),
    featureNames: [],
  };
}

const NAMES = Object.keys(WASM_TRAINING_KERNELS.kernels);

describe('the WASM training kernels', () => {
  it('registers once: a second call changes nothing', () => {
    const before = NAMES.map((name) => tf.getKernel(name, 'wasm'));
    replaceKernels(tf, WASM_TRAINING_KERNELS);
    const after = NAMES.map((name) => tf.getKernel(name, 'wasm'));
    expect(after.every((k) => k !== undefined)).toBe(true);
    expect(after).toEqual(before);
  });

  it('replaces a kernel already registered for WASM (as TF.js registers its own)', async () => {
    await tf.setBackend('wasm');
    tf.unregisterKernel('MaxPoolGrad', 'wasm');
    tf.registerKernel({
      kernelName: 'MaxPoolGrad',
      backendName: 'wasm',
      kernelFunc: () => {
        throw new Error('the stand-in ran');
      },
    });
    const gradient = () =>
      tf.tidy(() =>
        tf.grad((x) => tf.sum(tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid')))(tf.ones([1, 4, 4, 1])),
      );
    expect(gradient).toThrow('the stand-in ran');
    replaceKernels(tf, WASM_TRAINING_KERNELS);
    const dx = gradient();
    expect(Array.from(await dx.data()).filter((v) => v === 1)).toHaveLength(4);
    dx.dispose();
  });

  it('lets a small CNN with strides, padding and pooling train on WASM', async () => {
    await tf.setBackend('wasm');
    const n = 16;
    const ds = imageDataset(n, 8, 3, 5);
    const start = tf.memory().numTensors;
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
        tf.layers.conv2d({ filters: 4, kernelSize: 2, activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
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
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('probeTraining on WASM', () => {
  it('finds a missing gradient kernel, and passes once it is registered', async () => {
    const { probeTraining } = await import('../run');
    const { presetGraph } = await import('../../graph/presets');
    await tf.setBackend('wasm');
    const ds = imageDataset(2, 28, 10, 1);
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
