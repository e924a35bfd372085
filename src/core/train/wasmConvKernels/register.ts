/**
 * The kernels a convolutional network needs to train fast on the WASM backend, added to
 * or put in place of TF.js 4.22's own (see each file for why). ReLU needs nothing: its
 * gradient is dy · step(x), and those WASM kernels are fast. Register them with
 * replaceKernels(tf, WASM_TRAINING_KERNELS) after importing the WASM backend.
 */
import type { KernelTable } from '../replaceKernels';
import { conv2dBackpropFilter } from './conv2dBackpropFilter';
import { conv2dBackpropInput } from './conv2dBackpropInput';
import { withKernelContext, type KernelContext } from './kernelContext';
import { maxPoolGrad } from './maxPoolGrad';

export const WASM_TRAINING_KERNELS: KernelTable<KernelContext> = {
  backendName: 'wasm',
  kernels: {
    Conv2DBackpropFilter: { body: conv2dBackpropFilter },
    Conv2DBackpropInput: { body: conv2dBackpropInput },
    MaxPoolGrad: { body: maxPoolGrad },
  },
  withContext: withKernelContext,
};
