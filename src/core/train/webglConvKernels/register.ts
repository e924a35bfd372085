/**
 * The kernels a convolutional network trains faster with on the WebGL backend, in place of
 * TF.js 4.22's own (see each file for why). The input gradient stays TF.js's: its packed
 * Conv2DDerInputPackedProgram already works on 2×2 blocks.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { conv2dBackpropFilter } from './conv2dBackpropFilter';
import { withKernelRunner, type KernelRunner } from './kernelRunner';

/** A kernel body; `never` admits each one's own attrs type (TF.js passes the right attrs). */
type Body = (k: KernelRunner, inputs: tfjs.NamedTensorInfoMap, attrs: never) => tfjs.TensorInfo;

const KERNELS: Record<string, Body> = {
  Conv2DBackpropFilter: conv2dBackpropFilter,
};

/** Names of the WebGL kernels registerWebglConvTrainingKernels supplies. */
export const WEBGL_CONV_TRAINING_KERNELS = Object.keys(KERNELS);

const ours = new WeakSet<tfjs.KernelFunc>();

/**
 * Registers the kernels for 'webgl', replacing TF.js's own; calling it again does nothing.
 * Call after importing the WebGL backend (its import registers the kernels these replace).
 */
export function registerWebglConvTrainingKernels(tf: typeof tfjs): void {
  for (const [name, body] of Object.entries(KERNELS)) {
    const current = tf.getKernel(name, 'webgl');
    if (current && ours.has(current.kernelFunc)) continue;
    if (current) tf.unregisterKernel(name, 'webgl');
    const kernelFunc: tfjs.KernelFunc = ({ inputs, backend, attrs }) =>
      withKernelRunner(tf, backend, 'webgl', (k) => body(k, inputs, (attrs ?? {}) as never));
    ours.add(kernelFunc);
    tf.registerKernel({ kernelName: name, backendName: 'webgl', kernelFunc });
  }
}

/** Whether every kernel above is the app's on 'webgl' now (the in-browser check says so). */
export function webglConvTrainingKernelsRegistered(tf: typeof tfjs): boolean {
  return WEBGL_CONV_TRAINING_KERNELS.every((name) => {
    const kernel = tf.getKernel(name, 'webgl');
    return kernel !== undefined && ours.has(kernel.kernelFunc);
  });
}
