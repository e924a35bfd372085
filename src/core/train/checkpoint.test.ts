import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../graph/build';
import { chainOf } from '../graph/testGraphs';
import {
  captureCheckpoint,
  restoreCheckpoint,
  restoreWeights,
  type Checkpoint,
} from './checkpoint';
import { makeOptimizer } from './optimizers';
import { privateOptimizerState } from './tfjsWorkarounds';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const graph = chainOf([
  ['input_1', 'Input', { shape: [3] }],
  ['dense_1', 'Dense', { units: 4, activation: 'relu' }],
  ['batchnorm_1', 'BatchNormalization'],
  ['dense_2', 'Dense', { units: 1, activation: 'sigmoid' }],
]);

/** A model and Adam after `steps` steps on a fixed batch. */
function trained(steps: number): { model: tf.LayersModel; optimizer: tf.Optimizer } {
  const model = buildModel(tf, graph, 3);
  const optimizer = makeOptimizer(tf, 'adam', 0.05);
  const varList = model.trainableWeights.map((w) => w.read() as tf.Variable);
  tf.tidy(() => {
    const x = tf.tensor2d([1, 2, 3, -1, 0, 2], [2, 3]);
    const y = tf.tensor2d([1, 0], [2, 1]);
    for (let i = 0; i < steps; i++) {
      optimizer.minimize(
        () => tf.losses.sigmoidCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor),
        false,
        varList,
      );
    }
  });
  return { model, optimizer };
}

/** Shapes and exact bytes of every stored tensor; names differ between builds. */
function contents(cp: Checkpoint) {
  return [cp.weights, cp.optimizer, cp.optimizerPrivate].map((group) =>
    group.map((t) => ({ shape: t.shape, bytes: new Uint8Array(t.values.buffer) })),
  );
}

describe('captureCheckpoint', () => {
  it("copies weights, Adam's iterations, moments and powers, and frees what it reads", async () => {
    const { model, optimizer } = trained(5);
    const start = tf.memory().numTensors;
    const cp = await captureCheckpoint(model, optimizer, 1, 5);
    expect(tf.memory().numTensors).toBe(start);
    expect(cp).toMatchObject({ epoch: 1, step: 5 });
    expect(cp.weights.map((w) => Array.from(w.values))).toEqual(
      model.getWeights().map((w) => Array.from(w.dataSync())),
    );
    // iter, then a first and a second moment per trainable weight (6: 2 Dense × 2, BN's 2).
    expect(cp.optimizer).toHaveLength(1 + 2 * 6);
    expect(cp.optimizer[0]).toMatchObject({ name: 'iter', values: Float32Array.of(5) });
    expect(cp.optimizerPrivate.map((s) => s.name)).toEqual(['accBeta1', 'accBeta2']);
    expect(cp.optimizerPrivate[1]!.values[0]).toBeCloseTo(0.999 ** 6, 6);
    optimizer.dispose();
    model.dispose();
  });
});

describe('restoreCheckpoint', () => {
  it('restores weights and optimizer state bit for bit into a new model and optimizer', async () => {
    const source = trained(5);
    const cp = await captureCheckpoint(source.model, source.optimizer, 1, 5);
    const model = buildModel(tf, graph, 99);
    const optimizer = makeOptimizer(tf, 'adam', 0.05);
    const start = tf.memory().numTensors;
    await restoreCheckpoint(tf, model, optimizer, cp);
    // The new variables: one per moment (the powers are assigned, not added).
    expect(tf.memory().numTensors).toBe(start + 2 * 6);
    expect(optimizer.iterations).toBe(5);
    expect(contents(await captureCheckpoint(model, optimizer, 1, 5))).toEqual(contents(cp));
    [source.optimizer, source.model, optimizer, model].forEach((d) => d.dispose());
  });

  it('restarts the optimizer for a checkpoint without its state, and refuses a used one', async () => {
    const source = trained(2);
    const cp = await captureCheckpoint(source.model, source.optimizer, 1, 2);
    const model = buildModel(tf, graph, 99);
    const fresh = makeOptimizer(tf, 'adam', 0.05);
    await restoreCheckpoint(tf, model, fresh, { ...cp, optimizer: [], optimizerPrivate: [] });
    expect(fresh.iterations).toBe(0);
    expect(privateOptimizerState(fresh)[0]!.variable.dataSync()[0]).toBeCloseTo(0.9);
    await expect(restoreCheckpoint(tf, model, source.optimizer, cp)).rejects.toThrow(
      'needs a fresh optimizer',
    );
    [source.optimizer, source.model, fresh, model].forEach((d) => d.dispose());
  });

  it('restores weights alone for export', async () => {
    const source = trained(1);
    const cp = await captureCheckpoint(source.model, source.optimizer, 1, 1);
    const model = buildModel(tf, graph, 99);
    restoreWeights(tf, model, cp);
    expect(model.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(
      cp.weights.map((w) => Array.from(w.values)),
    );
    [source.optimizer, source.model, model].forEach((d) => d.dispose());
  });
});
