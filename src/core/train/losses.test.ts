import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchLoss, classWeightsFor, lossProblem, makeTargets, resolveLoss } from './losses';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('losses', () => {
  it('picks the loss from the task unless overridden', () => {
    expect(resolveLoss('binary', 'auto')).toBe('binaryCrossentropy');
    expect(resolveLoss('multiclass', 'auto')).toBe('categoricalCrossentropy');
    expect(resolveLoss('regression', 'auto')).toBe('meanSquaredError');
    expect(resolveLoss('regression', 'meanAbsoluteError')).toBe('meanAbsoluteError');
    expect(lossProblem('regression', 'categoricalCrossentropy')).toMatch(/regression/);
    expect(lossProblem('binary', 'binaryCrossentropy')).toBeNull();
  });

  it('balances class weights as n / (k × count)', () => {
    const w = classWeightsFor(Float32Array.from([0, 0, 0, 1]), 3);
    // 4 rows, 3 classes: class 0 has 3 rows, class 1 one, class 2 none.
    expect(w[0]).toBeCloseTo(4 / 9, 6);
    expect(w[1]).toBeCloseTo(4 / 3, 6);
    expect(w[2]).toBe(0);
  });

  it('turns sparse labels into one-hot targets and weights rows', () => {
    const labels = tf.tensor1d([2, 0]);
    const targets = makeTargets(tf, labels, 'multiclass', 3);
    expect(targets.arraySync()).toEqual([
      [0, 0, 1],
      [1, 0, 0],
    ]);
    const outputs = tf.tensor2d([
      [0.1, 0.1, 0.8],
      [0.5, 0.25, 0.25],
    ]);
    const plain = batchLoss(tf, 'categoricalCrossentropy', targets, outputs, null).dataSync()[0]!;
    expect(plain).toBeCloseTo((-Math.log(0.8) - Math.log(0.5)) / 2, 5);
    const weights = tf.tensor1d([2, 0]);
    const weighted = batchLoss(
      tf,
      'categoricalCrossentropy',
      targets,
      outputs,
      weights,
    ).dataSync()[0]!;
    expect(weighted).toBeCloseTo(-Math.log(0.8), 5);
    tf.dispose([labels, targets, outputs, weights]);
  });
});
