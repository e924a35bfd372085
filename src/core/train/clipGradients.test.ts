import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic } from '../data/synthetic';
import { clipByGlobalNorm } from './clipGradients';
import { batchLoss, makeTargets } from './losses';
import { makeOptimizer } from './optimizers';
import { testMlp } from './testModels';
import { disposeOptimizer } from './tfjsWorkarounds';
import { trainStep, type StepContext } from './trainStep';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('clipByGlobalNorm', () => {
  it('scales all gradients by clipNorm / global norm when the norm is larger', () => {
    // Global norm √(3² + 4² + 12²) = 13.
    const grads = { a: tf.tensor1d([3, 4]), b: tf.tensor2d([[12]]) };
    const start = tf.memory().numTensors;
    const clipped = clipByGlobalNorm(tf, grads, 6.5);
    expect(Array.from(clipped['a']!.dataSync())).toEqual([1.5, 2]);
    expect(Array.from(clipped['b']!.dataSync())).toEqual([6]);
    expect(clipped['b']!.shape).toEqual([1, 1]);
    const kept = clipByGlobalNorm(tf, grads, 20);
    expect(Array.from(kept['a']!.dataSync())).toEqual([3, 4]);
    tf.dispose([clipped, kept]);
    // Only the results were new tensors.
    expect(tf.memory().numTensors).toBe(start);
    tf.dispose(grads);
  });
});

describe('trainStep with clipping', () => {
  const ds = makeSynthetic('circles', 16, 0.1, 3);
  // Synthetic points are float features.
  const batch = { x: ds.x as Float32Array, y: ds.y, size: 16 };
  const ctx = (clipNorm: number): StepContext => ({
    ds,
    spec: { task: 'binary', loss: 'binaryCrossentropy', numClasses: 2, batchSize: 16 },
    units: 1,
    classWeights: null,
    clipNorm,
  });

  it('updates with the clipped gradients, worked out apart, and frees every tensor', async () => {
    const model = testMlp(tf, 2, [8], 1, 4);
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    // The unclipped gradients of the same loss, and their global norm.
    const { grads } = tf.variableGrads(() => {
      const x = tf.tensor2d(batch.x, [16, 2]);
      const targets = makeTargets(tf, tf.tensor1d(batch.y), 'binary', 2);
      const out = model.apply(x, { training: true }) as tf.Tensor;
      return batchLoss(tf, 'binaryCrossentropy', targets, out, null);
    }, vars);
    const values = vars.map((v) => Array.from(grads[v.name]!.dataSync()));
    const norm = Math.sqrt(values.flat().reduce((s, g) => s + g * g, 0));
    const clipNorm = norm / 4;
    const before = vars.map((v) => Array.from(v.dataSync()));
    tf.dispose(grads);

    const optimizer = makeOptimizer(tf, 'sgd', 0.5);
    const start = tf.memory().numTensors;
    const [loss] = await trainStep(tf, model, optimizer, vars, batch, ctx(clipNorm));
    expect(tf.memory().numTensors).toBe(start);
    expect(Number.isFinite(loss)).toBe(true);
    vars.forEach((v, i) => {
      const got = Array.from(v.dataSync());
      got.forEach((w, j) => expect(w).toBeCloseTo(before[i]![j]! - (0.5 * values[i]![j]!) / 4, 5));
    });
    disposeOptimizer(optimizer);
    model.dispose();
  });

  it('leaves the update alone when the norm is within clipNorm', async () => {
    const run = async (clipNorm: number) => {
      const model = testMlp(tf, 2, [8], 1, 4);
      const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
      const optimizer = makeOptimizer(tf, 'adam', 0.1);
      await trainStep(tf, model, optimizer, vars, batch, ctx(clipNorm));
      const w = vars.map((v) => Array.from(v.dataSync()));
      disposeOptimizer(optimizer);
      model.dispose();
      return w;
    };
    expect(await run(1e6)).toEqual(await run(0));
  });
});
