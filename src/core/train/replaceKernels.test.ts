import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  kernelsReplaced,
  replaceKernels,
  withCompositeKernel,
  type CompositeKernel,
  type KernelTable,
} from './replaceKernels';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** 2x + x², from the CPU backend's Add and Square kernels (two intermediates). */
function twoXPlusSquare(k: CompositeKernel, inputs: tf.NamedTensorInfoMap): tf.TensorInfo {
  const x = inputs.x!;
  const twoX = k.run('Add', { a: x, b: x }, {});
  const square = k.run('Square', { x }, {});
  return k.output(k.run('Add', { a: twoX, b: square }, {}));
}

function table(
  name: string,
  leaveToTfjs?: (inputs: tf.NamedTensorInfoMap) => boolean,
): KernelTable<CompositeKernel> {
  return {
    backendName: 'cpu',
    kernels: { [name]: { body: twoXPlusSquare, leaveToTfjs } },
    withContext: (tfjs, backend, body) => withCompositeKernel(tfjs, backend, 'cpu', body),
  };
}

/** Buffers the backend holds (tf.memory() counts tensors, not a kernel's intermediates). */
const dataIds = () => tf.backend().numDataIds();

const runKernel = (name: string, x: tf.Tensor) =>
  tf.engine().runKernel(name, { x }, {}) as tf.Tensor;

describe('replaceKernels', () => {
  it('adds a kernel built from the backend’s own, which frees its intermediates', async () => {
    const kernels = table('TestTwoXPlusSquare');
    expect(kernelsReplaced(tf, kernels)).toBe(false);
    replaceKernels(tf, kernels);
    expect(kernelsReplaced(tf, kernels)).toBe(true);
    const x = tf.tensor1d([1, 2, -3]);
    const before = dataIds();
    const y = runKernel('TestTwoXPlusSquare', x);
    // Only the output is left: the two intermediates were disposed on return.
    expect(dataIds()).toBe(before + 1);
    expect(Array.from(await y.data())).toEqual([3, 8, 3]);
    tf.dispose([x, y]);
  });

  it('registers once: a second call keeps the same kernel', () => {
    const kernels = table('TestOnce');
    replaceKernels(tf, kernels);
    const first = tf.getKernel('TestOnce', 'cpu')!.kernelFunc;
    replaceKernels(tf, kernels);
    expect(tf.getKernel('TestOnce', 'cpu')!.kernelFunc).toBe(first);
  });

  it('replaces TF.js’s kernel, and leaves the inputs it is faster on to it', async () => {
    tf.registerKernel({
      kernelName: 'TestReplaced',
      backendName: 'cpu',
      kernelFunc: ({ inputs, backend }) =>
        tf.getKernel('Neg', 'cpu')!.kernelFunc({ inputs, backend, attrs: {} }) as tf.TensorInfo,
    });
    replaceKernels(
      tf,
      table('TestReplaced', (inputs) => (inputs.x?.shape[0] ?? 0) < 3),
    );
    const small = tf.tensor1d([1, 2]);
    const large = tf.tensor1d([1, 2, 3]);
    const bySmall = runKernel('TestReplaced', small);
    const byLarge = runKernel('TestReplaced', large);
    expect(Array.from(await bySmall.data())).toEqual([-1, -2]);
    expect(Array.from(await byLarge.data())).toEqual([3, 8, 15]);
    tf.dispose([small, large, bySmall, byLarge]);
  });
});

describe('withCompositeKernel', () => {
  it('frees everything when the body fails, and names a missing kernel', () => {
    const x = tf.tensor1d([1, 2]);
    const before = dataIds();
    expect(() =>
      withCompositeKernel(tf, tf.backend(), 'cpu', (k) => {
        k.run('Square', { x }, {});
        return k.run('NoSuchKernel', { x }, {});
      }),
    ).toThrow('The cpu backend has no NoSuchKernel kernel.');
    expect(() =>
      withCompositeKernel(tf, tf.backend(), 'cpu', (k) => k.run('Square', { x }, {})),
    ).toThrow('must return what it marked as output');
    expect(dataIds()).toBe(before);
    x.dispose();
  });

  it('frees an intermediate early with free(), once', () => {
    const x = tf.tensor1d([1, 2]);
    const before = dataIds();
    const info = withCompositeKernel(tf, tf.backend(), 'cpu', (k) => {
      const square = k.run('Square', { x }, {});
      const out = k.run('Add', { a: square, b: x }, {});
      k.free(square);
      expect(dataIds()).toBe(before + 1);
      k.free(square);
      return k.output(out);
    });
    const y = tf.engine().makeTensorFromTensorInfo(info);
    expect(dataIds()).toBe(before + 1);
    expect(Array.from(y.dataSync())).toEqual([2, 6]);
    tf.dispose([x, y]);
  });
});
