import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { conv2dBackpropFilter, type Conv2DBackpropFilterAttrs } from './conv2dBackpropFilter';
import { withKernelContext } from './kernelContext';
import { liveCounts, maxRelativeError, onBackend, randomTensor, setUpWasm } from './testing';

beforeAll(setUpWasm);

interface Case {
  input: [number, number, number, number];
  filter: [number, number, number, number];
  strides: [number, number];
  pad: 'same' | 'valid' | number;
}

/** The gradients of sum(conv2d(x, f) · w) with respect to x and f, w non-uniform. */
function gradients(c: Case, seed: number): { dx: tf.Tensor; df: tf.Tensor } {
  const x = randomTensor(c.input, seed);
  const f = randomTensor(c.filter, seed + 1);
  const y = tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, c.strides, c.pad);
  const w = randomTensor(y.shape, seed + 2);
  const [dx, df] = tf.grads((a, b) =>
    tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad), w)),
  )([x, f]);
  return { dx: dx!, df: df! };
}

const CASES: Case[] = [
  { input: [2, 7, 6, 2], filter: [3, 3, 2, 3], strides: [1, 1], pad: 'same' },
  { input: [2, 7, 6, 2], filter: [3, 3, 2, 3], strides: [1, 1], pad: 'valid' },
  { input: [2, 8, 8, 3], filter: [3, 3, 3, 4], strides: [2, 2], pad: 'same' },
  { input: [2, 8, 8, 3], filter: [3, 3, 3, 4], strides: [2, 2], pad: 'valid' },
  { input: [3, 9, 7, 5], filter: [3, 3, 5, 6], strides: [2, 2], pad: 'same' },
  { input: [3, 9, 7, 5], filter: [3, 3, 5, 6], strides: [2, 2], pad: 'valid' },
  { input: [1, 9, 7, 2], filter: [2, 3, 2, 2], strides: [2, 1], pad: 'same' },
  { input: [2, 11, 13, 1], filter: [5, 5, 1, 8], strides: [1, 1], pad: 'same' },
  // (10 − 3) is not a multiple of 3: the last input rows are never read.
  { input: [2, 10, 11, 1], filter: [3, 3, 1, 2], strides: [3, 3], pad: 'valid' },
  // 'same' with strides wider than the filter pads more than k − 1 on one side.
  { input: [2, 8, 7, 3], filter: [1, 1, 3, 2], strides: [3, 3], pad: 'same' },
  { input: [1, 6, 6, 2], filter: [5, 5, 2, 2], strides: [1, 1], pad: 1 },
  // Padding wider than the filter reaches: the dilated dy is cropped, not padded.
  { input: [2, 6, 5, 2], filter: [2, 2, 2, 3], strides: [1, 1], pad: 2 },
  { input: [2, 7, 6, 2], filter: [2, 2, 2, 3], strides: [2, 2], pad: 3 },
  { input: [1, 9, 9, 1], filter: [3, 3, 1, 1], strides: [2, 2], pad: 1 },
  // The MNIST convnet's second layer's input, at a smaller batch and fewer filters.
  { input: [2, 13, 13, 32], filter: [3, 3, 32, 16], strides: [1, 1], pad: 'valid' },
];

describe('WASM convolution gradients', () => {
  it.each(CASES)('match the CPU backend: %j', async (c) => {
    for (const part of ['dx', 'df'] as const) {
      const wasm = await onBackend('wasm', () => gradients(c, 3)[part]);
      const cpu = await onBackend('cpu', () => gradients(c, 3)[part]);
      expect(wasm.length, part).toBe(cpu.length);
      expect(maxRelativeError(wasm, cpu), part).toBeLessThan(1e-4);
    }
  });

  it('give the same filter gradient when the batch is split into groups of images', async () => {
    const c = CASES[4]!; // 3 images of 9×7×5, 3×3 filter, stride 2 'same': 5×4 outputs
    const inputs = () => ({ x: randomTensor(c.input, 8), dy: randomTensor([3, 5, 4, 6], 9) });
    const attrs: Conv2DBackpropFilterAttrs = {
      strides: c.strides,
      pad: c.pad,
      dataFormat: 'NHWC',
      filterShape: c.filter,
    };
    // Room for one image's columns (3·3·5 taps × 5·4 positions = 900): three groups.
    const grouped = await onBackend('wasm', () => {
      const info = withKernelContext(tf, tf.backend(), (ctx) =>
        conv2dBackpropFilter(ctx, inputs(), attrs, 1_000),
      );
      return tf.engine().makeTensorFromTensorInfo(info);
    });
    const cpu = await onBackend(
      'cpu',
      () => tf.engine().runKernel('Conv2DBackpropFilter', inputs(), { ...attrs }) as tf.Tensor,
    );
    expect(maxRelativeError(grouped, cpu)).toBeLessThan(1e-4);
  });

  it('leave no tensors or WASM buffers behind', async () => {
    await tf.setBackend('wasm');
    const both = () => {
      const { dx, df } = gradients(CASES[4]!, 1);
      return tf.add(tf.sum(dx), tf.sum(df));
    };
    await onBackend('wasm', both);
    const before = liveCounts();
    await onBackend('wasm', both);
    expect(liveCounts()).toEqual(before);
  });

  it('refuse channels-first data', async () => {
    await tf.setBackend('wasm');
    const x = randomTensor([1, 2, 5, 5], 1) as tf.Tensor4D;
    const dy = randomTensor([1, 2, 3, 3], 2) as tf.Tensor4D;
    const attrs = { strides: 1, pad: 'valid', dataFormat: 'NCHW', filterShape: [3, 3, 2, 2] };
    expect(() => tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs)).toThrow(/NHWC/);
    tf.dispose([x, dy]);
  });
});
