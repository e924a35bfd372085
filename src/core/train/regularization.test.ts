import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../data/types';
import { buildModel } from '../graph/build';
import { chainOf } from '../graph/testGraphs';
import { predictRows } from './evaluate';
import { layerPenaltyValue } from './regularization';
import { trainStep } from './trainStep';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Dense 2 → 2 (linear) with kernel [[1, -2], [3, -4]] and bias [0.5, -0.5]: Σ|W| = 10, ΣW² = 30.
const KERNEL = [
  [1, -2],
  [3, -4],
];
const BIAS = [0.5, -0.5];

/** Input 2 → Dense 2 (linear, the weights above) → Dense 1 (linear, kernel [1, 1], bias 0). */
function tinyModel(penalty: { l1?: number; l2?: number }): tf.LayersModel {
  const graph = chainOf([
    ['in', 'Input', { shape: [2] }],
    ['d', 'Dense', { units: 2, activation: 'linear', ...penalty }],
    ['out', 'Dense', { units: 1, activation: 'linear' }],
  ]);
  const model = buildModel(tf, graph, 1);
  const values = [tf.tensor2d(KERNEL), tf.tensor1d(BIAS), tf.tensor2d([[1], [1]]), tf.zeros([1])];
  model.setWeights(values);
  tf.dispose(values);
  return model;
}

// Two rows; targets chosen so the residuals are not zero.
const X = [
  [1, 2],
  [-1, 0.5],
];
const Y = [1, -2];
const ds: Dataset = {
  name: 'tiny',
  kind: 'tabular',
  task: 'regression',
  featureShape: [2],
  x: Float32Array.from(X.flat()),
  xScale: 1,
  y: Float32Array.from(Y),
  n: 2,
  classNames: [],
  featureNames: ['a', 'b'],
};
const spec = {
  task: 'regression' as const,
  loss: 'meanSquaredError' as const,
  numClasses: 0,
  batchSize: 2,
};
const batch = { x: Float32Array.from(X.flat()), y: Float32Array.from(Y), size: 2 };
const ctx = { ds, spec, units: 1, classWeights: null, clipNorm: 0 };

/** By hand: out = Σ_j (x·W + b)_j; MSE and its gradient with respect to W (data part only). */
function handDataLoss(): { loss: number; gradW: number[][] } {
  const residuals = X.map((x, r) => {
    const hidden = [0, 1].map((j) => x[0]! * KERNEL[0]![j]! + x[1]! * KERNEL[1]![j]! + BIAS[j]!);
    return hidden[0]! + hidden[1]! - Y[r]!;
  });
  const loss = residuals.reduce((s, e) => s + e * e, 0) / X.length;
  // ∂/∂W[i][j] = (2 / N) Σ_r e_r · x_r[i] (the output kernel is [1, 1]).
  const gradW = [0, 1].map((i) =>
    [0, 1].map((): number => residuals.reduce((s, e, r) => s + (2 / X.length) * e * X[r]![i]!, 0)),
  );
  return { loss, gradW };
}

describe('layer penalties', () => {
  it('are λ·Σ|W| and λ·Σw² over the kernel only, not the bias', async () => {
    const cases: [{ l1?: number; l2?: number }, number][] = [
      [{}, 0],
      [{ l1: 0.1 }, 0.1 * 10],
      [{ l2: 0.01 }, 0.01 * 30],
      [{ l1: 0.1, l2: 0.01 }, 0.1 * 10 + 0.01 * 30],
    ];
    for (const [penalty, want] of cases) {
      const model = tinyModel(penalty);
      expect(await layerPenaltyValue(tf, model)).toBeCloseTo(want, 6);
      model.dispose();
    }
  });

  it('regularize Conv2D kernels too', async () => {
    const graph = chainOf([
      ['in', 'Input', { shape: [3, 3, 1] }],
      ['c', 'Conv2D', { filters: 2, kernelSize: [2, 2], l2: 0.5 }],
    ]);
    const model = buildModel(tf, graph, 3);
    const kernel = model.getLayer('c').getWeights()[0]!;
    const sumSq = tf.tidy(() => tf.sum(tf.square(kernel)));
    const want = 0.5 * (await sumSq.data())[0]!;
    sumSq.dispose();
    expect(await layerPenaltyValue(tf, model)).toBeCloseTo(want, 6);
    model.dispose();
  });

  it('add to the reported training loss, and their gradient to the step', async () => {
    const l1 = 0.1;
    const l2 = 0.01;
    const model = tinyModel({ l1, l2 });
    const optimizer = tf.train.sgd(0.05);
    const varList = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const [loss] = await trainStep(tf, model, optimizer, varList, batch, ctx);
    const hand = handDataLoss();
    expect(loss).toBeCloseTo(hand.loss + l1 * 10 + l2 * 30, 5);
    // W ← W − η (∂data/∂W + λ1·sign(W) + 2·λ2·W); the bias gets no penalty term.
    const updated = (await model.getLayer('d').getWeights()[0]!.array()) as number[][];
    KERNEL.forEach((row, i) =>
      row.forEach((w, j) => {
        const grad = hand.gradW[i]![j]! + l1 * Math.sign(w) + 2 * l2 * w;
        expect(updated[i]![j]!).toBeCloseTo(w - 0.05 * grad, 5);
      }),
    );
    optimizer.dispose();
    model.dispose();
  });

  it('leave the loss as it was when no layer has one', async () => {
    const model = tinyModel({});
    expect(model.calculateLosses()).toEqual([]);
    const optimizer = tf.train.sgd(0.05);
    const varList = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const [loss] = await trainStep(tf, model, optimizer, varList, batch, ctx);
    expect(loss).toBeCloseTo(handDataLoss().loss, 5);
    optimizer.dispose();
    model.dispose();
  });

  it('are in the validation loss too, as Keras reports val_loss', async () => {
    const model = tinyModel({ l2: 0.01 });
    const rows = Int32Array.from([0, 1]);
    const val = await predictRows(tf, model, ds, rows, spec);
    expect(val.loss).toBeCloseTo(handDataLoss().loss + 0.01 * 30, 5);
    model.dispose();
  });

  it('leave no tensor behind across steps', async () => {
    const model = tinyModel({ l1: 0.1, l2: 0.01 });
    const optimizer = tf.train.adam(0.01);
    const varList = model.trainableWeights.map((w) => w.read() as tf.Variable);
    // Adam makes its slots at the first step; after that the count must stay flat.
    await trainStep(tf, model, optimizer, varList, batch, ctx);
    const start = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      await trainStep(tf, model, optimizer, varList, batch, ctx);
      await layerPenaltyValue(tf, model);
      expect(tf.memory().numTensors).toBe(start);
    }
    optimizer.dispose();
    model.dispose();
  });
});
