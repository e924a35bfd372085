import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../data/types';
import { evaluateModel, gridBounds, predictGrid } from './evaluate';
import { testMlp } from './testModels';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** y = 2·x + 1 exactly, as a one-unit linear model. */
function linearModel(): tf.LayersModel {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
  const [kernel, bias] = [tf.tensor2d([[2]]), tf.tensor1d([1])];
  model.setWeights([kernel, bias]);
  tf.dispose([kernel, bias]);
  return model;
}

const regression = (xs: number[], ys: number[]): Dataset => ({
  name: 'r',
  kind: 'tabular',
  task: 'regression',
  featureShape: [1],
  x: Float32Array.from(xs),
  xScale: 1,
  y: Float32Array.from(ys),
  n: xs.length,
  classNames: [],
  featureNames: ['x'],
});

describe('evaluateModel', () => {
  it('computes loss, MAE and RMSE for regression in several batches', async () => {
    const model = linearModel();
    // Predictions 1, 3, 5, 7 against targets 1, 4, 5, 9: errors 0, 1, 0, 2.
    const ds = regression([0, 1, 2, 3], [1, 4, 5, 9]);
    const start = tf.memory().numTensors;
    const ev = await evaluateModel(tf, model, ds, Int32Array.from([0, 1, 2, 3]), {
      task: 'regression',
      loss: 'meanSquaredError',
      numClasses: 0,
      batchSize: 3,
    });
    expect(tf.memory().numTensors).toBe(start);
    expect(ev.loss).toBeCloseTo(5 / 4);
    expect(ev.mae).toBeCloseTo(3 / 4);
    expect(ev.rmse).toBeCloseTo(Math.sqrt(5 / 4));
    expect(ev.confusion).toBeUndefined();
    model.dispose();
  });

  it('builds a confusion matrix over the rows for classification', async () => {
    const model = testMlp(tf, 2, [4], 3, 1);
    const ds: Dataset = {
      ...regression([0, 0, 1, 1, 2, 2], [0, 1, 2]),
      task: 'multiclass',
      featureShape: [2],
      n: 3,
      classNames: ['a', 'b', 'c'],
    };
    const ev = await evaluateModel(tf, model, ds, Int32Array.from([0, 1, 2]), {
      task: 'multiclass',
      loss: 'categoricalCrossentropy',
      numClasses: 3,
      batchSize: 2,
    });
    expect(ev.confusion).toHaveLength(3);
    expect(ev.confusion!.flat().reduce((a, b) => a + b, 0)).toBe(3);
    expect(ev.accuracy).toBeGreaterThanOrEqual(0);
    expect(ev.loss).toBeGreaterThan(0);
    model.dispose();
  });
});

describe('predictGrid', () => {
  it('returns size × size class-1 probabilities from yMin upward, freeing its tensors', async () => {
    const model = testMlp(tf, 2, [4], 1, 3);
    const start = tf.memory().numTensors;
    const grid = await predictGrid(tf, model, { xMin: -1, xMax: 1, yMin: -2, yMax: 2 }, 10);
    expect(tf.memory().numTensors).toBe(start);
    expect(grid.values).toHaveLength(100);
    expect(grid.values.every((v) => v >= 0 && v <= 1)).toBe(true);
    // Cell (row 0, column 0) is the point (-0.9, -1.8).
    const corner = tf.tidy(
      () => (model.predict(tf.tensor2d([[-0.9, -1.8]])) as tf.Tensor).dataSync()[0]!,
    );
    expect(grid.values[0]).toBeCloseTo(corner, 5);
    await expect(predictGrid(tf, model, grid, 51)).rejects.toThrow(/Grid size/);
    model.dispose();
  });

  it('returns class indices for several outputs, and bounds with a margin', async () => {
    const model = testMlp(tf, 2, [4], 3, 3);
    const grid = await predictGrid(tf, model, { xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, 5);
    expect(grid.values.every((v) => [0, 1, 2].includes(v))).toBe(true);
    model.dispose();
    const ds = { ...regression([0, 0, 1, 2], [0, 0]), featureShape: [2], n: 2 };
    expect(gridBounds(ds)).toEqual({ xMin: -0.1, xMax: 1.1, yMin: -0.2, yMax: 2.2 });
  });
});
