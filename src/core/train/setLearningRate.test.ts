import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeOptimizer, OPTIMIZERS, type OptimizerName } from './optimizers';
import { disposeOptimizer, setLearningRate } from './tfjsWorkarounds';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** w after two steps on f(w) = Σ w², the second after `change` ran on the optimizer. */
function twoSteps(name: OptimizerName, lr: number, change: (o: tf.Optimizer) => void): number[] {
  const w = tf.variable(tf.tensor1d([1, -2, 3]));
  const optimizer = makeOptimizer(tf, name, lr);
  const step = () => optimizer.minimize(() => tf.sum(tf.square(w)), true, [w])?.dispose();
  step();
  change(optimizer);
  step();
  const values = Array.from(w.dataSync());
  disposeOptimizer(optimizer);
  w.dispose();
  return values;
}

describe('setLearningRate', () => {
  it('changes the steps after it, the optimizer state going on', () => {
    for (const name of Object.keys(OPTIMIZERS) as OptimizerName[]) {
      const changed = twoSteps(name, 0.3, (o) => setLearningRate(o, 0.05));
      const unchanged = twoSteps(name, 0.3, () => {});
      expect({ name, differs: changed.join() !== unchanged.join() }).toEqual({
        name,
        differs: true,
      });
    }
    // SGD keeps no state: its second step is w − 0.05 · 2w after the first, w − 0.3 · 2w.
    const w1 = [1, -2, 3].map((w) => Math.fround(w - Math.fround(0.3) * 2 * w));
    const w2 = w1.map((w) => Math.fround(w - Math.fround(0.05) * Math.fround(2 * w)));
    twoSteps('sgd', 0.3, (o) => setLearningRate(o, 0.05)).forEach((w, i) =>
      expect(w).toBeCloseTo(w2[i]!, 6),
    );
  });

  it('matches a fresh optimizer at that rate bit for bit on the first step', () => {
    for (const name of Object.keys(OPTIMIZERS) as OptimizerName[]) {
      const oneStep = (o: tf.Optimizer) => {
        const w = tf.variable(tf.tensor1d([1, -2, 3]));
        o.minimize(() => tf.sum(tf.square(w)), true, [w])?.dispose();
        const values = Array.from(w.dataSync());
        w.dispose();
        disposeOptimizer(o);
        return values;
      };
      const changed = makeOptimizer(tf, name, 0.7);
      setLearningRate(changed, 0.01);
      expect({ name, w: oneStep(changed) }).toEqual({
        name,
        w: oneStep(makeOptimizer(tf, name, 0.01)),
      });
    }
  });

  it('keeps no tensor per change, and refuses an optimizer it does not know', () => {
    const start = tf.memory().numTensors;
    for (const name of Object.keys(OPTIMIZERS) as OptimizerName[]) {
      const o = makeOptimizer(tf, name, 0.1);
      for (let i = 0; i < 5; i++) setLearningRate(o, 0.1 / (i + 2));
      disposeOptimizer(o);
    }
    expect(tf.memory().numTensors).toBe(start);
    const adamax = tf.train.adamax(0.1);
    expect(() => setLearningRate(adamax, 0.2)).toThrow(/Adamax/);
    adamax.dispose();
  });
});
