/**
 * The kernels a convolutional network needs to train fast on the WASM backend, added to
 * or put in place of TF.js 4.22's own (see each file for why). ReLU needs nothing: its
 * gradient is dy · step(x), and those WASM kernels are fast.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { conv2dBackpropFilter } from './conv2dBackpropFilter';
import { conv2dBackpropInput } from './conv2dBackpropInput';
import { withKernelContext, type KernelContext } from './kernelContext';
import { maxPoolGrad } from './maxPoolGrad';

/** A kernel body; `never` admits each one's own attrs type (TF.js passes the right attrs). */
type Body = (ctx: KernelContext, inputs: tfjs.NamedTensorInfoMap, attrs: never) => tfjs.TensorInfo;

const KERNELS: Record<string, Body> = {
  Conv2DBackpropFilter: conv2dBackpropFilter,
  Conv2DBackpropInput: conv2dBackpropInput,
  MaxPoolGrad: maxPoolGrad,
};

/** Names of the WASM kernels registerWasmConvTrainingKernels supplies. */
export const WASM_CONV_TRAINING_KERNELS = Object.keys(KERNELS);

const ours = new WeakSet<tfjs.KernelFunc>();

/**
 * Registers the kernels for 'wasm', replacing TF.js's own where it has one; calling it
 * again does nothing. Call after importing the WASM backend (its import registers the
 * kernels these replace) and before training on it.
 */
export function registerWasmConvTrainingKernels(tf: typeof tfjs): void {
  for (const [name, body] of Object.entries(KERNELS)) {
    const current = tf.getKernel(name, 'wasm');
    if (current && ours.has(current.kernelFunc)) continue;
    if (current) tf.unregisterKernel(name, 'wasm');
    const kernelFunc: tfjs.KernelFunc = ({ inputs, backend, attrs }) =>
      withKernelContext(tf, backend, (ctx) => body(ctx, inputs, (attrs ?? {}) as never));
    ours.add(kernelFunc);
    tf.registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc });
  }
}
