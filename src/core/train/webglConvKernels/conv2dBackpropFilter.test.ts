import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  CONV_CASES,
  convGradients,
  maxRelativeError,
  onBackend,
  randomTensor,
} from '../wasmConvKernels/testing';
import { conv2dBackpropFilter } from './conv2dBackpropFilter';
import { withCompositeKernel } from '../replaceKernels';

/** The WebGL kernel's body run on the CPU backend: only that backend's own kernels. */
function ours(x: tf.Tensor, dy: tf.Tensor, c: (typeof CONV_CASES)[number]): tf.Tensor {
  const info = withCompositeKernel(tf, tf.backend(), 'cpu', (k) =>
    conv2dBackpropFilter(k, { x, dy }, { strides: c.strides, pad: c.pad, filterShape: c.filter }),
  );
  return tf.engine().makeTensorFromTensorInfo(info);
}

describe('WebGL filter gradient (im2col and one matrix product)', () => {
  it.each(CONV_CASES)("matches TF.js's CPU kernel: %j", async (c) => {
    const reference = await onBackend('cpu', () => convGradients(c, 5).df);
    const got = await onBackend('cpu', () => {
      const x = randomTensor(c.input, 5);
      const f = randomTensor(c.filter, 6);
      const y = tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, c.strides, c.pad);
      // convGradients' output gradient: the weights w of sum(conv2d(x, f) · w).
      const dy = randomTensor(y.shape, 7);
      return ours(x, dy, c);
    });
    expect(got.length).toBe(reference.length);
    expect(maxRelativeError(got, reference)).toBeLessThan(1e-4);
  });

  it('leaves no tensor behind but its output', async () => {
    await tf.setBackend('cpu');
    const c = CONV_CASES[4]!;
    const x = randomTensor(c.input, 1);
    const dy = randomTensor([3, 5, 4, 6], 2);
    const before = { tensors: tf.memory().numTensors, data: tf.engine().backend.numDataIds() };
    const dw = ours(x, dy, c);
    expect(dw.shape).toEqual(c.filter);
    expect(tf.memory().numTensors).toBe(before.tensors + 1);
    expect(tf.engine().backend.numDataIds()).toBe(before.data + 1);
    tf.dispose([x, dy, dw]);
  });
});
