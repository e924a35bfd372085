/**
 * The kernels a convolutional network trains faster with on the WebGL backend, in place of
 * TF.js 4.22's own (see each file for why) where the inputs are large enough to gain. The input gradient stays TF.js's: its packed
 * Conv2DDerInputPackedProgram already works on 2×2 blocks.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { conv2dBackpropFilter } from './conv2dBackpropFilter';
import { withKernelRunner, type KernelRunner } from './kernelRunner';

/** A kernel body; `never` admits each one's own attrs type (TF.js passes the right attrs). */
type Body = (k: KernelRunner, inputs: tfjs.NamedTensorInfoMap, attrs: never) => tfjs.TensorInfo;

interface Replacement {
  body: Body;
  /** Whether TF.js's own kernel is the faster one for these inputs. */
  leaveToTfjs(inputs: tfjs.NamedTensorInfoMap, attrs: never): boolean;
}

/**
 * Below this many multiply-adds the filter gradient is left to TF.js: the slices, the
 * concat and the product cost about a dozen more dispatches than its one program, which
 * only a large gradient repays. Measured on the bench's small CNN (8 filters, batch 16,
 * about 1 M each): the app's kernel made a step 20% slower; mnist_convnet's second layer
 * (285 M) trains 1.9× as fast with it.
 */
export const MIN_FILTER_GRADIENT_MACS = 8_000_000;

/** kh·kw·inC·outC filter taps, each summed over the b·oh·ow output positions of dy. */
export function filterGradientMacs(
  filterShape: readonly number[],
  dyShape: readonly number[],
): number {
  const taps = filterShape.reduce((a, b) => a * b, 1);
  return taps * (dyShape[0] ?? 0) * (dyShape[1] ?? 0) * (dyShape[2] ?? 0);
}

const KERNELS: Record<string, Replacement> = {
  Conv2DBackpropFilter: {
    body: conv2dBackpropFilter,
    leaveToTfjs: (inputs, attrs: { filterShape: number[] }) =>
      filterGradientMacs(attrs.filterShape, inputs.dy?.shape ?? []) < MIN_FILTER_GRADIENT_MACS,
  },
};

/** Names of the WebGL kernels registerWebglConvTrainingKernels supplies. */
export const WEBGL_CONV_TRAINING_KERNELS = Object.keys(KERNELS);

const ours = new WeakSet<tfjs.KernelFunc>();

/**
 * Registers the kernels for 'webgl', replacing TF.js's own; calling it again does nothing.
 * Call after importing the WebGL backend (its import registers the kernels these replace).
 */
export function registerWebglConvTrainingKernels(tf: typeof tfjs): void {
  for (const [name, { body, leaveToTfjs }] of Object.entries(KERNELS)) {
    const current = tf.getKernel(name, 'webgl');
    if (current && ours.has(current.kernelFunc)) continue;
    if (current) tf.unregisterKernel(name, 'webgl');
    const tfjsOwn = current?.kernelFunc;
    const kernelFunc: tfjs.KernelFunc = (args) => {
      const attrs = (args.attrs ?? {}) as never;
      if (tfjsOwn && leaveToTfjs(args.inputs, attrs)) return tfjsOwn(args);
      return withKernelRunner(tf, args.backend, 'webgl', (k) => body(k, args.inputs, attrs));
    };
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
