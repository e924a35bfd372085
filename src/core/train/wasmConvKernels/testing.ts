/** Test helpers: run the same computation on the WASM and CPU backends and compare. */
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { makeRng, normal } from '../random';
import { registerWasmConvTrainingKernels } from './register';

/** Loads the WASM backend from node_modules with the training kernels registered. */
export async function setUpWasm(): Promise<void> {
  setWasmPaths(
    fileURLToPath(
      new URL('../../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url),
    ),
  );
  registerWasmConvTrainingKernels(tf);
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
