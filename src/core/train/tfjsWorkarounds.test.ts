import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../graph/build';
import { chainOf } from '../graph/testGraphs';
import { makeOptimizer } from './optimizers';
import {
  disposeOptimizer,
  dropoutLayersOf,
  privateOptimizerState,
  setDropoutSeeds,
  unlessInterrupted,
} from './tfjsWorkarounds';
import { testMlp } from './testModels';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const twoDropouts = chainOf([
  ['input_1', 'Input', { shape: [64] }],
  ['dropout_1', 'Dropout', { rate: 0.5 }],
  ['dropout_2', 'Dropout', { rate: 0.5 }],
]);

/** The training-mode output of one Dropout layer on ones: its mask (0 or 2). */
function mask(layer: tf.layers.Layer): number[] {
  return tf.tidy(() =>
    Array.from((layer.apply(tf.ones([1, 64]), { training: true }) as tf.Tensor).dataSync()),
  );
}

/** Masks of both Dropout layers of a fresh build of the app's model at one step. */
function masksAt(seed: number, step: number): number[][] {
  const model = buildModel(tf, twoDropouts, seed);
  const layers = dropoutLayersOf(model);
  setDropoutSeeds(layers, seed, step);
  const masks = layers.map(mask);
  model.dispose();
  return masks;
}

describe('setDropoutSeeds', () => {
  it("is needed: the app's seeded Dropout repeats its mask on every call", () => {
    const model = buildModel(tf, twoDropouts, 7);
    const layer = model.getLayer('dropout_1');
    expect(mask(layer)).toEqual(mask(layer));
    model.dispose();
  });

  it('draws masks from (seed, layer, step), whatever was drawn before', () => {
    const [first, other] = masksAt(1, 0);
    const [second] = masksAt(1, 1);
    expect(second).not.toEqual(first);
    expect(other).not.toEqual(first);
    expect(masksAt(2, 0)[0]).not.toEqual(first);
    // A second build at the same step, after other steps, draws the same masks.
    const model = buildModel(tf, twoDropouts, 1);
    const layers = dropoutLayersOf(model);
    for (const step of [5, 3, 0]) setDropoutSeeds(layers, 1, step);
    expect(layers.map(mask)).toEqual([first, other]);
    // About half of the values are dropped, the rest scaled by 1 / (1 - rate).
    expect(first!.filter((v) => v === 0).length).toBeGreaterThan(16);
    expect(new Set(first)).toEqual(new Set([0, 2]));
    model.dispose();
  });

  it('leaves inference alone', () => {
    const model = buildModel(tf, twoDropouts, 1);
    setDropoutSeeds(dropoutLayersOf(model), 1, 4);
    const out = tf.tidy(() =>
      Array.from((model.predict(tf.ones([1, 64])) as tf.Tensor).dataSync()),
    );
    expect(out).toEqual(new Array<number>(64).fill(1));
    model.dispose();
  });

  it('throws when a seed does not stick', () => {
    const model = buildModel(tf, twoDropouts, 1);
    const layers = dropoutLayersOf(model);
    // What Dropout.ts once did: a getter makes the assignment fail silently.
    Object.defineProperty(layers[1], 'seed', { get: () => 3 });
    expect(() => setDropoutSeeds(layers, 1, 0)).toThrow(
      'Cannot set the seed of Dropout layer "dropout_2"',
    );
    model.dispose();
  });

  it('finds the Dropout layers of a model', () => {
    const model = testMlp(tf, 2, [4, 4], 1, 1, 0.3);
    expect(dropoutLayersOf(model)).toHaveLength(2);
    model.dispose();
  });
});

describe('privateOptimizerState', () => {
  it("is needed: Adam's setWeights does not restore its bias-correction powers exactly", async () => {
    const x = tf.variable(tf.tensor1d([1, -2, 3]));
    const adam = tf.train.adam(0.1);
    // After 5 steps, pow(0.999, 6) and 0.999 multiplied 6 times differ in float32.
    for (let i = 0; i < 5; i++) adam.minimize(() => tf.sum(tf.square(x)), false, [x]);
    const restored = tf.train.adam(0.1);
    const weights = await adam.getWeights();
    await restored.setWeights(weights);
    weights[0]!.tensor.dispose();
    const accBeta2 = (o: tf.Optimizer) =>
      privateOptimizerState(o)
        .find((s) => s.name === 'accBeta2')!
        .variable.dataSync()[0];
    expect(accBeta2(restored)).not.toBe(accBeta2(adam));
    expect(accBeta2(restored)).toBeCloseTo(accBeta2(adam)!, 6);
    [adam, restored, x].forEach((t) => t.dispose());
  });

  it('knows every optimizer the app makes and refuses others', () => {
    for (const name of ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const) {
      const optimizer = makeOptimizer(tf, name, 0.1);
      expect(privateOptimizerState(optimizer).length).toBe(name === 'adam' ? 2 : 0);
      optimizer.dispose();
    }
    const adamax = tf.train.adamax(0.1);
    expect(() => privateOptimizerState(adamax)).toThrow('No checkpoint support for the Adamax');
    adamax.dispose();
  });
});

describe('disposeOptimizer', () => {
  it('frees every tensor of each optimizer the app makes, Momentum too', () => {
    const x = tf.variable(tf.tensor1d([1, -2]));
    for (const name of ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const) {
      const start = tf.memory().numTensors;
      const optimizer = makeOptimizer(tf, name, 0.1);
      optimizer.minimize(() => tf.sum(tf.square(x)), false, [x]);
      disposeOptimizer(optimizer);
      expect({ name, tensors: tf.memory().numTensors }).toEqual({ name, tensors: start });
    }
    x.dispose();
  });
});

describe('unlessInterrupted', () => {
  it('returns the value of work that finishes', async () => {
    expect(await unlessInterrupted(Promise.resolve(3), () => null)).toEqual({ value: 3 });
    expect(await unlessInterrupted(Promise.resolve(4), undefined)).toEqual({ value: 4 });
  });

  it('gives up on work that never finishes once an interruption is reported', async () => {
    let lost: string | null = null;
    setTimeout(() => (lost = 'The WebGL context was lost.'), 100);
    const never = new Promise<number>(() => {});
    expect(await unlessInterrupted(never, () => lost)).toEqual({
      interrupted: 'The WebGL context was lost.',
    });
  });

  it('passes on the error of failing work', async () => {
    await expect(
      unlessInterrupted(Promise.reject(new Error('kernel')), () => null),
    ).rejects.toThrow('kernel');
  });
});
