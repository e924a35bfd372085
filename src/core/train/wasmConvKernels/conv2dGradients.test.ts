import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { conv2dBackpropFilter, type Conv2DBackpropFilterAttrs } from './conv2dBackpropFilter';
import { withKernelContext } from './kernelContext';
import {
  CONV_CASES,
  convGradients,
  liveCounts,
  maxRelativeError,
  onBackend,
  randomTensor,
  setUpWasm,
} from './testing';

beforeAll(setUpWasm);

describe('WASM convolution gradients', () => {
  it.each(CONV_CASES)('match the CPU backend: %j', async (c) => {
    for (const part of ['dx', 'df'] as const) {
      const wasm = await onBackend('wasm', () => convGradients(c, 3)[part]);
      const cpu = await onBackend('cpu', () => convGradients(c, 3)[part]);
      expect(wasm.length, part).toBe(cpu.length);
      expect(maxRelativeError(wasm, cpu), part).toBeLessThan(1e-4);
    }
  });

  it('give the same filter gradient when the batch is split into groups of images', async () => {
    const c = CONV_CASES[4]!; // 3 images of 9×7×5, 3×3 filter, stride 2 'same': 5×4 outputs
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
      const { dx, df } = convGradients(CONV_CASES[4]!, 1);
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
