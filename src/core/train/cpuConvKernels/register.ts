/**
 * The kernels a convolutional network trains faster with on TF.js's CPU backend, in place
 * of TF.js 4.22's own (see each file for why). Register them with
 * replaceKernels(tf, CPU_TRAINING_KERNELS); the CPU backend comes with @tensorflow/tfjs.
 */
import type { KernelTable } from '../replaceKernels';
import { conv2dBackpropFilter } from './conv2dBackpropFilter';
import { withCpuKernelContext, type CpuKernelContext } from './kernelContext';

export const CPU_TRAINING_KERNELS: KernelTable<CpuKernelContext> = {
  backendName: 'cpu',
  kernels: {
    Conv2DBackpropFilter: {
      body: conv2dBackpropFilter,
      // Channels-first data keeps TF.js's own kernel (the app's layers are channels-last).
      leaveToTfjs: (_inputs, attrs: { dataFormat?: string }) => attrs.dataFormat === 'NCHW',
    },
  },
  withContext: withCpuKernelContext,
};
