/**
 * Conv2DBackpropFilter for the WASM backend, which TF.js 4.22 does not ship (so no
 * convolutional model can train on WASM as shipped).
 *
 * The filter gradient is one matrix product: dW[(u, v, c), o] = Σₙ colsᵀ[(u, v, c), n] ·
 * dy[n, o] over the b·oh·ow output positions n, where colsᵀ holds the input value each
 * filter tap (u, v, c) saw at position n (im2col), 0 where a tap falls in the padding.
 * The backend's BatchMatMul reaches XNNPACK only with neither operand transposed (else a
 * naive loop), and XNNPACK repacks its second operand on every call, so colsᵀ is written
 * here already transposed and the small dy goes second. (dWᵀ = dyᵀ · cols instead, with
 * cols written by block copies, measured 2× slower: packing 4.5 M columns and transposing
 * them cost more than the strided writes.) This replaced a route through the backend's
 * Conv3DBackpropFilterV2, a naive loop that was wrong for strides > 1 and took 640 of the
 * 1,060 ms of a convnet step.
 *
 * Dilation 1 only, as everywhere in TF.js: its conv2d gradient rejects dilated filters.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { requireChannelsLast, type KernelContext, type Padding, type Pair } from './kernelContext';

/**
 * im2col values built at once (32 MB); larger batches go in groups of images, summed. It
 * bounds the kernel's memory: a 3×3×32 filter over 128 × 126 × 126 outputs would need
 * 585 MB of columns. Groups are not faster: the MNIST convnet's 4.5 M values fit in one.
 */
const MAX_COLUMN_VALUES = 1 << 23;

export interface Conv2DBackpropFilterAttrs {
  strides: Pair;
  pad: Padding;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/**
 * The convolution's geometry, after checking the inputs a filter gradient needs (NHWC
 * only). Shared by the WebGL kernel (webglConvKernels/).
 */
export function filterGradientInfo(
  tf: typeof tfjs,
  inputs: tfjs.NamedTensorInfoMap,
  attrs: Conv2DBackpropFilterAttrs,
): { x: tfjs.TensorInfo; dy: tfjs.TensorInfo; info: tfjs.backend_util.Conv2DInfo } {
  const { x, dy } = inputs;
  if (!x || !dy) throw new Error('Conv2DBackpropFilter needs x and dy.');
  requireChannelsLast('Conv2DBackpropFilter', attrs.dataFormat);
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  return { x, dy, info };
}

/** dW of a stride-s NHWC convolution, from its input x and output gradient dy. */
export function conv2dBackpropFilter(
  ctx: KernelContext,
  inputs: tfjs.NamedTensorInfoMap,
  attrs: Conv2DBackpropFilterAttrs,
  maxColumnValues = MAX_COLUMN_VALUES,
): tfjs.TensorInfo {
  const { x, dy, info } = filterGradientInfo(ctx.tf, inputs, attrs);
  const [kh, kw, inC, outC] = attrs.filterShape;
  const { batchSize, outHeight, outWidth } = info;
  const dyByPosition = ctx.run(
    'Reshape',
    { x: dy },
    { shape: [batchSize * outHeight * outWidth, outC] },
  );
  const fit = Math.max(1, Math.floor(maxColumnValues / (kh * kw * inC * outHeight * outWidth)));
  // Even groups: 128 images by at most 120 is two groups of 64, not 120 and 8.
  const group = Math.ceil(batchSize / Math.ceil(batchSize / fit));
  let sum: tfjs.TensorInfo | null = null;
  for (let first = 0; first < batchSize; first += group) {
    const part = groupGradient(
      ctx,
      x,
      dyByPosition,
      info,
      first,
      Math.min(group, batchSize - first),
    );
    if (!sum) {
      sum = part;
      continue;
    }
    const total = ctx.run('Add', { a: sum, b: part }, {});
    ctx.free(sum);
    ctx.free(part);
    sum = total;
  }
  if (!sum) throw new Error('Conv2DBackpropFilter got an empty batch.');
  return ctx.output(ctx.run('Reshape', { x: sum }, { shape: attrs.filterShape }));
}

/** colsᵀ · dy over images [first, first + images), as a [kh·kw·inC, outC] matrix. */
function groupGradient(
  ctx: KernelContext,
  x: tfjs.TensorInfo,
  dyByPosition: tfjs.TensorInfo,
  info: tfjs.backend_util.Conv2DInfo,
  first: number,
  images: number,
): tfjs.TensorInfo {
  const perImage = info.outHeight * info.outWidth;
  const [, outC] = dyByPosition.shape as [number, number];
  const cols = ctx.allocate([
    info.filterHeight * info.filterWidth * info.inChannels,
    images * perImage,
  ]);
  im2colByTap(ctx.heap(x), ctx.heap(cols), info, first, images);
  const dyPart =
    images === info.batchSize
      ? dyByPosition
      : ctx.run(
          'Slice',
          { x: dyByPosition },
          { begin: [first * perImage, 0], size: [images * perImage, outC] },
        );
  const part = ctx.run(
    'BatchMatMul',
    { a: cols, b: dyPart },
    { transposeA: false, transposeB: false },
  );
  ctx.free(cols);
  if (dyPart !== dyByPosition) ctx.free(dyPart);
  return part;
}

/**
 * colsᵀ[tap][n] = x at the input position filter tap (u, v, c) reads for output position n,
 * 0 in the padding. One image at a time, so its pixels stay in cache while every tap
 * row is written.
 */
function im2colByTap(
  x: Float32Array,
  cols: Float32Array,
  info: tfjs.backend_util.Conv2DInfo,
  firstImage: number,
  images: number,
): void {
  const { inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
  const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw } = info;
  const { top, left } = info.padInfo;
  const positions = images * oh * ow;
  for (let b = 0; b < images; b++) {
    const image = (firstImage + b) * h * w * c;
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
