import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { kernelsReplaced, replaceKernels } from '../replaceKernels';
import { CONV_CASES, maxRelativeError, randomTensor } from '../wasmConvKernels/testing';
import { CPU_TRAINING_KERNELS } from './register';

// TF.js's own kernel, the reference, taken before the app's replaces it.
const tfjsOwn = tf.getKernel('Conv2DBackpropFilter', 'cpu')!.kernelFunc;

beforeAll(async () => {
  await tf.setBackend('cpu');
  replaceKernels(tf, CPU_TRAINING_KERNELS);
});

type Case = (typeof CONV_CASES)[number];

/** x (half of it 0, as after ReLU when `relu`), dy of the convolution's output shape. */
function inputs(c: Case, seed: number, relu: boolean) {
  const raw = randomTensor(c.input, seed) as tf.Tensor4D;
  const x = relu ? tf.relu(raw) : raw;
  const f = randomTensor(c.filter, seed + 1) as tf.Tensor4D;
  const outShape = tf.tidy(() => tf.conv2d(x, f, c.strides, c.pad).shape);
  const dy = randomTensor(outShape, seed + 2) as tf.Tensor4D;
  return { x, dy };
}

async function both(c: Case, seed: number, relu: boolean) {
  const { x, dy } = inputs(c, seed, relu);
  const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', filterShape: c.filter };
  const ours = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tf.Tensor;
  const info = tfjsOwn({ inputs: { x, dy }, backend: tf.backend(), attrs }) as tf.TensorInfo;
  const theirs = tf.engine().makeTensorFromTensorInfo(info);
  const result = {
    ours: (await ours.data()) as Float32Array,
    tfjs: (await theirs.data()) as Float32Array,
  };
  tf.dispose([x, dy, ours, theirs]);
  return result;
}

describe('the CPU filter gradient', () => {
  it('is in place of TF.js’s own', () => {
    expect(kernelsReplaced(tf, CPU_TRAINING_KERNELS)).toBe(true);
  });

  it.each(CONV_CASES)('matches TF.js’s CPU kernel: %j', async (c) => {
    for (const relu of [false, true]) {
      const { ours, tfjs } = await both(c, 7, relu);
      expect(ours.length).toBe(c.filter.reduce((a, b) => a * b, 1));
      expect(maxRelativeError(ours, tfjs), `relu ${relu}`).toBeLessThan(1e-5);
    }
  });

  it('gives the gradient tf.grads asks for, and leaves no tensor behind', async () => {
    const c = CONV_CASES[4]!; // stride 2, 'same'
    const x = randomTensor(c.input, 1) as tf.Tensor4D;
    const f = randomTensor(c.filter, 2) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const df = tf.grad((filter: tf.Tensor) =>
      tf.sum(tf.square(tf.conv2d(x, filter as tf.Tensor4D, c.strides, c.pad))),
    )(f);
    expect(tf.memory().numTensors).toBe(before + 1);
    // d/df Σ y² = backprop of dy = 2y, through TF.js's own kernel.
    const dy = tf.tidy(() => tf.mul(2, tf.conv2d(x, f, c.strides, c.pad)));
    const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', filterShape: c.filter };
    const ref = tf
      .engine()
      .makeTensorFromTensorInfo(
        tfjsOwn({ inputs: { x, dy }, backend: tf.backend(), attrs }) as tf.TensorInfo,
      );
    const got = (await df.data()) as Float32Array;
    expect(maxRelativeError(got, (await ref.data()) as Float32Array)).toBeLessThan(1e-5);
    tf.dispose([x, f, df, dy, ref]);
  });

  it('leaves channels-first data to TF.js’s own kernel', () => {
    const x = randomTensor([1, 2, 5, 5], 1);
    const dy = randomTensor([1, 2, 3, 3], 2);
    const attrs = { strides: 1, pad: 'valid', dataFormat: 'NCHW', filterShape: [3, 3, 2, 2] };
    // TF.js's own kernel takes NCHW data on the CPU backend.
    const df = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs) as tf.Tensor;
    expect(df.shape).toEqual([3, 3, 2, 2]);
    tf.dispose([x, dy, df]);
  });
});
