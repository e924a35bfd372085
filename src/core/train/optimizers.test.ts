import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIMIZERS, makeOptimizer, type OptimizerName } from './optimizers';
import { TRAINING_SETTINGS } from './settings';
import { disposeOptimizer, privateOptimizerState } from './tfjsWorkarounds';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const NAMES = Object.keys(OPTIMIZERS) as OptimizerName[];

/** w after `steps` updates of f(w) = w², from w = 1. */
function minimise(name: OptimizerName, lr: number, steps: number): number {
  const one = tf.scalar(1);
  const w = tf.variable(one);
  one.dispose();
  const opt = makeOptimizer(tf, name, lr);
  for (let i = 0; i < steps; i++) opt.minimize(() => tf.square(w) as tf.Scalar);
  const out = w.dataSync()[0]!;
  disposeOptimizer(opt);
  w.dispose();
  return out;
}

describe('the optimizer table', () => {
  it('is the form’s list of optimizers, in its order', () => {
    expect(TRAINING_SETTINGS.optimizer.options.map((o) => o.value)).toEqual(NAMES);
    expect(TRAINING_SETTINGS.optimizer.options.map((o) => o.label)).toEqual([
      'SGD',
      'SGD with momentum (0.9)',
      'Adam',
      'RMSprop',
      'Adagrad',
    ]);
  });

  it.each(NAMES)('makes %s with the learning rate; it trains and checkpoints', (name) => {
    const before = tf.memory().numTensors;
    const opt = makeOptimizer(tf, name, 0.05);
    expect(opt).toBeInstanceOf(tf.Optimizer);
    expect(opt.getConfig()['learningRate']).toBe(0.05);
    // Checkpoints must know the optimizer's private state, or continuing a run throws.
    expect(() => privateOptimizerState(opt)).not.toThrow();
    disposeOptimizer(opt);
    expect(minimise(name, 0.05, 3)).toBeLessThan(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('makes the updates worked out by hand on f(w) = w²', () => {
    // SGD: w − lr·2w.
    expect(minimise('sgd', 0.1, 1)).toBeCloseTo(0.8, 6);
    // Momentum 0.9: v = 2, w = 0.8; then g = 1.6, v = 0.9·2 + 1.6 = 3.4, w = 0.8 − 0.34.
    expect(minimise('momentum', 0.1, 2)).toBeCloseTo(0.46, 6);
    // Adam's first step is lr · g / (|g| + ε) ≈ lr.
    expect(minimise('adam', 0.1, 1)).toBeCloseTo(0.9, 5);
  });

  it('spells the same optimizer in the Keras and PyTorch exports', () => {
    for (const name of NAMES) {
      expect(OPTIMIZERS[name].keras('0.05')).toMatch(
        /^keras\.optimizers\.\w+\(learning_rate=0\.05/,
      );
      expect(OPTIMIZERS[name].torch('0.05')).toMatch(
        /^torch\.optim\.\w+\(model\.parameters\(\), lr=0\.05/,
      );
    }
    expect(OPTIMIZERS.momentum.keras('1')).toContain('momentum=0.9');
    expect(OPTIMIZERS.momentum.torch('1')).toContain('momentum=0.9');
    expect(OPTIMIZERS.adam.torch('1')).toContain('eps=1e-7');
  });

  it('refuses a bad learning rate and an unknown name', () => {
    expect(() => makeOptimizer(tf, 'adam', 0)).toThrow(/learning rate/);
    expect(() => makeOptimizer(tf, 'adam', NaN)).toThrow(/learning rate/);
    expect(() => makeOptimizer(tf, 'toString' as OptimizerName, 0.1)).toThrow(/Unknown optimizer/);
  });
});
