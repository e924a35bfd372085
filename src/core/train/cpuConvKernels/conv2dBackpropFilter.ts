/**
 * Conv2DBackpropFilter for the CPU backend. TF.js 4.22's own reads every input and output
 * gradient value through TensorBuffer.get(b, y, x, c), four index arguments per read: a
 * CPU profile of keras.io's mnist_convnet at batch 128 put 104 of 130 s (80%) of its
 * training steps in that kernel, most of it in get. This one walks the flat arrays:
 * for each output position and filter tap, the input value times the position's output
 * gradients, a contiguous run over the output channels. It sums in float64 (as TF.js's
 * own does, in a JS number) and skips input values of 0, which add nothing (after ReLU
 * and max pooling about half of them).
 *
 * Channels-last only (channels-first goes to TF.js's own, see register.ts); dilation 1,
 * as everywhere in TF.js: its conv2d gradient rejects dilated filters.
 */
import type * as tfjs from '@tensorflow/tfjs';
import {
  filterGradientInfo,
  type Conv2DBackpropFilterAttrs,
} from '../wasmConvKernels/conv2dBackpropFilter';
import type { CpuKernelContext } from './kernelContext';

/** dW of a stride-s NHWC convolution, from its input x and output gradient dy. */
export function conv2dBackpropFilter(
  ctx: CpuKernelContext,
  inputs: tfjs.NamedTensorInfoMap,
  attrs: Conv2DBackpropFilterAttrs,
): tfjs.TensorInfo {
  const { x, dy, info } = filterGradientInfo(ctx.tf, inputs, attrs);
  return ctx.output(attrs.filterShape, filterGradient(ctx.values(x), ctx.values(dy), info));
}

/** dW[u, v, c, o] = Σ over images b and output positions (i, j) of x[b, iy, ix, c] · dy[b, i, j, o]. */
export function filterGradient(
  x: Float32Array,
  dy: Float32Array,
  info: tfjs.backend_util.Conv2DInfo,
): Float32Array {
  const { batchSize, inHeight: h, inWidth: w, inChannels: inC } = info;
  const { outHeight: oh, outWidth: ow, outChannels: outC } = info;
  const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw } = info;
  const { top, left } = info.padInfo;
  const sum = new Float64Array(kh * kw * inC * outC);
  for (let b = 0; b < batchSize; b++) {
    for (let i = 0; i < oh; i++) {
      for (let u = 0; u < kh; u++) {
        const iy = i * sh + u - top;
        if (iy < 0 || iy >= h) continue;
        const inputRow = (b * h + iy) * w;
        for (let j = 0; j < ow; j++) {
          const dyAt = ((b * oh + i) * ow + j) * outC;
          for (let v = 0; v < kw; v++) {
            const ix = j * sw + v - left;
            if (ix < 0 || ix >= w) continue;
            const xAt = (inputRow + ix) * inC;
            const tap = (u * kw + v) * inC;
            for (let c = 0; c < inC; c++) {
              const value = x[xAt + c]!;
              if (value === 0) continue;
              const row = (tap + c) * outC;
              for (let o = 0; o < outC; o++) sum[row + o]! += value * dy[dyAt + o]!;
            }
          }
        }
      }
    }
  }
  return Float32Array.from(sum);
}
