import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { liveCounts, maxRelativeError, onBackend, randomTensor, setUpWasm } from './testing';

beforeAll(setUpWasm);

interface Case {
  input: [number, number, number, number];
  poolSize: [number, number];
  strides: [number, number];
  pad: 'same' | 'valid';
}

/** The gradient of sum(maxPool(x) · w) with respect to x, w non-uniform. */
function poolGradient(c: Case, seed: number, x = randomTensor(c.input, seed)): tf.Tensor {
  const pool = (a: tf.Tensor) => tf.maxPool(a as tf.Tensor4D, c.poolSize, c.strides, c.pad);
  const w = randomTensor(pool(x).shape, seed + 1);
  return tf.grad((a) => tf.sum(tf.mul(pool(a), w)))(x);
}

const CASES: Case[] = [
  { input: [2, 26, 26, 4], poolSize: [2, 2], strides: [2, 2], pad: 'valid' },
  { input: [3, 11, 11, 5], poolSize: [2, 2], strides: [2, 2], pad: 'valid' },
  { input: [2, 11, 9, 3], poolSize: [2, 2], strides: [2, 2], pad: 'same' },
  // Overlapping windows: one input can be the maximum of several and sums their gradients.
  { input: [2, 9, 8, 3], poolSize: [3, 3], strides: [2, 2], pad: 'same' },
  { input: [1, 7, 10, 2], poolSize: [3, 2], strides: [1, 2], pad: 'valid' },
];

describe('WASM MaxPoolGrad', () => {
  it.each(CASES)('matches the CPU backend: %j', async (c) => {
    const wasm = await onBackend('wasm', () => poolGradient(c, 5));
    const cpu = await onBackend('cpu', () => poolGradient(c, 5));
    expect(maxRelativeError(wasm, cpu)).toBeLessThan(1e-4);
  });

  it('sends a tied window´s gradient to the same position as the CPU backend', async () => {
    const c: Case = { input: [1, 4, 4, 2], poolSize: [2, 2], strides: [2, 2], pad: 'valid' };
    // All four values of every window are its maximum: the first in row-major order wins.
    const tied = () => poolGradient(c, 7, tf.ones(c.input));
    const wasm = await onBackend('wasm', tied);
    const cpu = await onBackend('cpu', tied);
    expect(Array.from(wasm)).toEqual(Array.from(cpu));
    expect(wasm.filter((v) => v !== 0).length).toBe(8);
  });

  it('leaves no tensors or WASM buffers behind', async () => {
    await onBackend('wasm', () => poolGradient(CASES[3]!, 1));
    const before = liveCounts();
    await onBackend('wasm', () => poolGradient(CASES[3]!, 2));
    expect(liveCounts()).toEqual(before);
  });
});
