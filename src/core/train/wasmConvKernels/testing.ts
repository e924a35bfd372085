/** Test helpers: run the same computation on the WASM and CPU backends and compare. */
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { makeRng, normal } from '../random';
import { replaceKernels } from '../replaceKernels';
import { WASM_TRAINING_KERNELS } from './register';

/** Loads the WASM backend from node_modules with the training kernels registered. */
export async function setUpWasm(): Promise<void> {
  setWasmPaths(
    fileURLToPath(
      new URL('../../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url),
    ),
  );
  replaceKernels(tf, WASM_TRAINING_KERNELS);
  if (!(await tf.setBackend('wasm'))) throw new Error('The WASM backend did not start.');
}

/** Seeded standard-normal values of the given shape. */
export function randomTensor(shape: number[], seed: number): tf.Tensor {
  const rng = makeRng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: size }, () => normal(rng)),
    shape,
  );
}

/** `compute` on one backend, read back as a plain array. */
export async function onBackend(
  backend: 'wasm' | 'cpu',
  compute: () => tf.Tensor,
): Promise<Float32Array> {
  await tf.setBackend(backend);
  const out = tf.tidy(compute);
  try {
    return (await out.data()) as Float32Array;
  } finally {
    out.dispose();
  }
}

/** Largest |a − b| relative to the largest |b| (so near-zero entries do not blow it up). */
export function maxRelativeError(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Infinity;
  const scale = Math.max(...Array.from(b, Math.abs), 1e-6);
  let worst = 0;
  a.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - b[i]!) / scale)));
  return worst;
}

/** Tensors and WASM buffers alive now, to check that a computation leaves none behind. */
export function liveCounts(): { tensors: number; buffers: number } {
  return { tensors: tf.memory().numTensors, buffers: tf.engine().backend.numDataIds() };
}

/** A convolution the gradient tests check: input, filter, strides and padding. */
export interface ConvCase {
  input: [number, number, number, number];
  filter: [number, number, number, number];
  strides: [number, number];
  pad: 'same' | 'valid' | number;
}

/** The gradients of sum(conv2d(x, f) · w) with respect to x and f, w non-uniform. */
export function convGradients(c: ConvCase, seed: number): { dx: tf.Tensor; df: tf.Tensor } {
  const x = randomTensor(c.input, seed);
  const f = randomTensor(c.filter, seed + 1);
  const y = tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, c.strides, c.pad);
  const w = randomTensor(y.shape, seed + 2);
  const [dx, df] = tf.grads((a, b) =>
    tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad), w)),
  )([x, f]);
  return { dx: dx!, df: df! };
}

/** Strides 1, 2 and 3, same, valid and explicit padding, odd sizes. */
export const CONV_CASES: ConvCase[] = [
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
