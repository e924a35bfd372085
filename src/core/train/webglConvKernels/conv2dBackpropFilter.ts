/**
 * Conv2DBackpropFilter for the WebGL backend as one matrix product, in place of TF.js
 * 4.22's own (Conv2DDerFilterProgram), whose every output texel loops over the whole
 * batch and every output position: a 3×3×32×64 filter over 128 × 11 × 11 outputs is
 * 18,432 texels each running 15,488 scalar steps, so little of the device works at once.
 *
 * Here dW[(u, v, c), o] = Σₙ cols[n, (u, v, c)] · dy[n, o] over the b·oh·ow output
 * positions n: cols (im2col) is the kh·kw strided slices of the padded input side by
 * side, and the product is the backend's packed BatchMatMul with the first operand
 * transposed. Only the backend's own kernels are used, so the same body runs on the CPU
 * backend, where the tests compare it with TF.js's reference kernel.
 *
 * Dilation 1 only, as everywhere in TF.js: its conv2d gradient rejects dilated filters.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { CompositeKernel } from '../replaceKernels';
// The same kernel, the same attrs, as TF.js passes them.
import {
  filterGradientInfo,
  type Conv2DBackpropFilterAttrs,
} from '../wasmConvKernels/conv2dBackpropFilter';

/** dW of a stride-s NHWC convolution, from its input x and output gradient dy. */
export function conv2dBackpropFilter(
  k: CompositeKernel,
  inputs: tfjs.NamedTensorInfoMap,
  attrs: Conv2DBackpropFilterAttrs,
): tfjs.TensorInfo {
  const { x, dy, info } = filterGradientInfo(k.tf, inputs, attrs);
  const [kh, kw, inC, outC] = attrs.filterShape;
  const { batchSize, outHeight, outWidth, strideHeight, strideWidth, padInfo } = info;
  const positions = batchSize * outHeight * outWidth;
  // The padding TF.js chose (same, valid or explicit) as zeros around the input.
  const padded =
    padInfo.top || padInfo.bottom || padInfo.left || padInfo.right
      ? k.run(
          'PadV2',
          { x },
          {
            paddings: [
              [0, 0],
              [padInfo.top, padInfo.bottom],
              [padInfo.left, padInfo.right],
              [0, 0],
            ],
            constantValue: 0,
          },
        )
      : x;
  // Tap (u, v) saw padded[b, y·sh + u, x·sw + v, c] at output position (b, y, x).
  const taps: tfjs.TensorInfo[] = [];
  for (let u = 0; u < kh; u++) {
    for (let v = 0; v < kw; v++) {
      taps.push(
        k.run(
          'StridedSlice',
          { x: padded },
          {
            begin: [0, u, v, 0],
            end: [
              batchSize,
              u + strideHeight * (outHeight - 1) + 1,
              v + strideWidth * (outWidth - 1) + 1,
              inC,
            ],
            strides: [1, strideHeight, strideWidth, 1],
            beginMask: 0,
            endMask: 0,
            ellipsisMask: 0,
            newAxisMask: 0,
            shrinkAxisMask: 0,
          },
        ),
      );
    }
  }
  // Channels (u, v, c) in the filter's own order, so dW reshapes straight to its shape.
  const cols = taps.length === 1 ? taps[0]! : k.run('Concat', taps, { axis: 3 });
  const cols2d = k.run('Reshape', { x: cols }, { shape: [1, positions, kh * kw * inC] });
  const dy2d = k.run('Reshape', { x: dy }, { shape: [1, positions, outC] });
  const dw = k.run('BatchMatMul', { a: cols2d, b: dy2d }, { transposeA: true, transposeB: false });
  return k.output(k.run('Reshape', { x: dw }, { shape: [kh, kw, inC, outC] }));
}
