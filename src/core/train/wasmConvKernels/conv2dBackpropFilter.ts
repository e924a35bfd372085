/**
 * Conv2DBackpropFilter for the WASM backend, which TF.js 4.22 does not ship (so no
 * convolutional model can train on WASM as shipped).
 *
 * The filter gradient is one matrix product: dW[(u, v, c), o] = Σₙ col[(u, v, c), n] ·
 * dy[n, o] over the b·oh·ow output positions n, where col holds the input value each
 * filter tap (u, v, c) saw at position n (im2col). The columns are written here straight
 * into the layout the backend's BatchMatMul sends to XNNPACK without a transpose (its only
 * fast case: neither operand transposed, batch 1), with zeros where a tap falls in the
 * padding. This replaced a route through the backend's Conv3DBackpropFilterV2, a naive
 * loop that was wrong for strides > 1 and took 640 of the 1,060 ms of a convnet step.
 *
 * Dilation 1 only, as everywhere in TF.js: its conv2d gradient rejects dilated filters.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { requireChannelsLast, type KernelContext, type Padding, type Pair } from './kernelContext';

export interface Conv2DBackpropFilterAttrs {
  strides: Pair;
  pad: Padding;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/** dW of a stride-s NHWC convolution, from its input x and output gradient dy. */
export function conv2dBackpropFilter(
  ctx: KernelContext,
  inputs: tfjs.NamedTensorInfoMap,
  attrs: Conv2DBackpropFilterAttrs,
): tfjs.TensorInfo {
  const { x, dy } = inputs;
  if (!x || !dy) throw new Error('Conv2DBackpropFilter needs x and dy.');
  requireChannelsLast('Conv2DBackpropFilter', attrs.dataFormat);
  const info = ctx.tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const [kh, kw, inC, outC] = attrs.filterShape;
  const positions = info.batchSize * info.outHeight * info.outWidth;
  const cols = ctx.allocate([kh * kw * inC, positions]);
  im2colByTap(ctx.heap(x), ctx.heap(cols), info);
  const dy2 = ctx.run('Reshape', { x: dy }, { shape: [positions, outC] });
  const product = ctx.run(
    'BatchMatMul',
    { a: cols, b: dy2 },
    { transposeA: false, transposeB: false },
  );
  return ctx.output(ctx.run('Reshape', { x: product }, { shape: attrs.filterShape }));
}

/**
 * cols[tap][n] = x at the input position filter tap (u, v, c) reads for output position n,
 * 0 in the padding. One image at a time, so its pixels stay in cache while every tap
 * row is written.
 */
function im2colByTap(
  x: Float32Array,
  cols: Float32Array,
  info: tfjs.backend_util.Conv2DInfo,
): void {
  const { inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
  const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw } = info;
  const { top, left } = info.padInfo;
  const positions = info.batchSize * oh * ow;
  for (let b = 0; b < info.batchSize; b++) {
    const image = b * h * w * c;
    const firstPosition = b * oh * ow;
    for (let u = 0; u < kh; u++) {
      for (let v = 0; v < kw; v++) {
        // Output columns j whose tap v lands inside the image: 0 ≤ j·sw + v − left < w.
        const jStart = Math.min(ow, Math.max(0, Math.ceil((left - v) / sw)));
        const jEnd = Math.max(jStart, Math.min(ow, Math.floor((w - 1 + left - v) / sw) + 1));
        for (let ch = 0; ch < c; ch++) {
          const row = ((u * kw + v) * c + ch) * positions + firstPosition;
          for (let i = 0; i < oh; i++) {
            const dst = row + i * ow;
            const iy = i * sh + u - top;
            if (iy < 0 || iy >= h) {
              cols.fill(0, dst, dst + ow);
              continue;
            }
            const src = image + iy * w * c + (v - left) * c + ch;
            for (let j = 0; j < jStart; j++) cols[dst + j] = 0;
            for (let j = jStart; j < jEnd; j++) cols[dst + j] = x[src + j * sw * c]!;
            for (let j = jEnd; j < ow; j++) cols[dst + j] = 0;
          }
        }
      }
    }
  }
}
