import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../data/types';
import { evaluateModel } from './evaluate';
import { trainModel } from './loop';
import { DEFAULT_TRAINING_CONFIG } from './types';

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

const SCALE = { mean: 1000, std: 250 };

/** Targets in original units 1250, 2000, 2250, 3250 → standardized 1, 4, 5, 9. */
function standardized(withScale: boolean): Dataset {
  const original = [1250, 2000, 2250, 3250];
  return {
    name: 'r',
    kind: 'tabular',
    task: 'regression',
    featureShape: [1],
    x: Float32Array.from([0, 1, 2, 3]),
    xScale: 1,
    y: Float32Array.from(original, (v) => (v - SCALE.mean) / SCALE.std),
    n: 4,
    classNames: [],
    featureNames: ['x'],
    ...(withScale ? { targetScale: SCALE } : {}),
  };
}

const rows = Int32Array.from([0, 1, 2, 3]);
const spec = {
  task: 'regression' as const,
  loss: 'meanSquaredError' as const,
  numClasses: 0,
  batchSize: 3,
};

describe('target standardization', () => {
  it('reports test MAE and RMSE in the original units; the loss stays standardized', async () => {
    const model = linearModel();
    const start = tf.memory().numTensors;
    // Standardized predictions 1, 3, 5, 7 against 1, 4, 5, 9: errors 0, 1, 0, 2.
    const plain = await evaluateModel(tf, model, standardized(false), rows, spec);
    const scaled = await evaluateModel(tf, model, standardized(true), rows, spec);
    expect(tf.memory().numTensors).toBe(start);
    expect(plain.mae).toBeCloseTo(3 / 4);
    expect(scaled.mae).toBeCloseTo((3 / 4) * SCALE.std, 3);
    expect(scaled.rmse).toBeCloseTo(Math.sqrt(5 / 4) * SCALE.std, 3);
    expect(scaled.loss).toBeCloseTo(plain.loss);
    model.dispose();
  });

  it('reports training and validation MAE per epoch in the original units', async () => {
    const model = linearModel();
    const result = await trainModel({
      tf,
      model,
      dataset: standardized(true),
      split: { train: rows, validation: rows, test: new Int32Array(0) },
      // A learning rate of ~0 keeps the weights: the metrics are those of y = 2x + 1.
      config: {
        ...DEFAULT_TRAINING_CONFIG,
        optimizer: 'sgd',
        learningRate: 1e-12,
        epochs: 1,
        batchSize: 4,
      },
      hooks: {
        onEpoch: (m) => {
          expect(m.mae).toBeCloseTo((3 / 4) * SCALE.std, 2);
          expect(m.valMae).toBeCloseTo((3 / 4) * SCALE.std, 2);
        },
      },
    });
    expect(result.status).toBe('completed');
    expect(result.epochsDone).toBe(1);
    model.dispose();
  });
});
