import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeOptimizer, OPTIMIZERS, type OptimizerName } from '../optimizers';
import { disposeOptimizer } from '../tfjsWorkarounds';
import { setOptimizerLearningRate } from './optimizerRate';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function variable(values: number[]): tf.Variable {
  const init = tf.tensor1d(values);
  const v = tf.variable(init);
  init.dispose();
  return v;
}

/** The second step's change of w on f(w) = Σ (w − 3)², after a first step at 0.1. */
function secondStep(name: OptimizerName, second: number): number[] {
  const w = variable([0.5, -1, 2]);
  const optimizer = makeOptimizer(tf, name, 0.1);
  const loss = () => tf.sum(tf.square(tf.sub(w, 3))) as tf.Scalar;
  optimizer.minimize(loss, false, [w]);
  const before = Array.from(w.dataSync());
  setOptimizerLearningRate(optimizer, second);
  optimizer.minimize(loss, false, [w]);
  const after = Array.from(w.dataSync());
  disposeOptimizer(optimizer);
  w.dispose();
  return after.map((v, i) => v - before[i]!);
}

describe('setOptimizerLearningRate', () => {
  it.each(Object.keys(OPTIMIZERS) as OptimizerName[])(
    '%s: the next step scales with the new rate, the state carries on',
    (name) => {
      const start = tf.memory().numTensors;
      // Every optimizer here moves by the rate times a function of its state and gradient.
      const small = secondStep(name, 0.01);
      const large = secondStep(name, 0.04);
      small.forEach((d, i) => {
        expect(Math.abs(d)).toBeGreaterThan(0);
        expect(large[i]! / d).toBeCloseTo(4, 4);
      });
      expect(tf.memory().numTensors).toBe(start);
    },
  );

  it('SGD: a step moves by exactly rate × gradient', () => {
    const w = variable([1]);
    const optimizer = makeOptimizer(tf, 'sgd', 1);
    setOptimizerLearningRate(optimizer, 0.25);
    // f = w², gradient 2 at w = 1: w becomes 1 − 0.25 × 2.
    optimizer.minimize(() => tf.sum(tf.square(w)) as tf.Scalar, false, [w]);
    expect(w.dataSync()[0]).toBeCloseTo(0.5, 7);
    disposeOptimizer(optimizer);
    w.dispose();
  });

  it('refuses an optimizer class it does not know', () => {
    const optimizer = tf.train.adadelta(0.1);
    expect(() => setOptimizerLearningRate(optimizer, 0.01)).toThrow(/Adadelta/);
    optimizer.dispose();
  });
});
