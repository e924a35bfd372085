/**
 * The kernels a convolutional network trains faster with on the WebGL backend, in place of
 * TF.js 4.22's own (see each file for why) where the inputs are large enough to gain. The
 * input gradient stays TF.js's: its packed Conv2DDerInputPackedProgram already works on
 * 2×2 blocks. Register them with replaceKernels(tf, WEBGL_TRAINING_KERNELS) after importing
 * the WebGL backend.
 */
import { withCompositeKernel, type CompositeKernel, type KernelTable } from '../replaceKernels';
import { conv2dBackpropFilter } from './conv2dBackpropFilter';

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

export const WEBGL_TRAINING_KERNELS: KernelTable<CompositeKernel> = {
  backendName: 'webgl',
  kernels: {
    Conv2DBackpropFilter: {
      body: conv2dBackpropFilter,
      leaveToTfjs: (inputs, attrs: { filterShape: number[] }) =>
        filterGradientMacs(attrs.filterShape, inputs.dy?.shape ?? []) < MIN_FILTER_GRADIENT_MACS,
    },
  },
  withContext: (tf, backend, body) => withCompositeKernel(tf, backend, 'webgl', body),
};
