/**
 * Conv2DBackpropInput for the WASM backend, as a forward convolution so XNNPACK runs it.
 * TF.js 4.22 ships this kernel as a naive C++ loop: 240 ms of a 1,060 ms convnet step,
 * against 20 ms for the same layer's forward Conv2D.
 *
 * The input gradient of y = conv(x, W, stride s) is a stride-1 'valid' convolution of dy
 * dilated by s (s − 1 zeros between its rows and columns) and padded by k − 1 − top
 * before (k − 1 − left) — the rows a tap could reach from outside — with the filter
 * rotated 180° and its in/out channels swapped: dx[p] = Σᵤ dy_dilated[p + top − u] · W[u].
 * The padding after is whatever makes the result exactly as tall (wide) as x. Either
 * side can come out negative (padding wider than the filter, or input rows the strides
 * never read), and then the dilated dy is cropped instead.
 *
 * Dilation 1 only, as everywhere in TF.js: its conv2d gradient rejects dilated filters.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { dilate } from './dilate';
import { requireChannelsLast, type KernelContext, type Padding, type Pair } from './kernelContext';

export interface Conv2DBackpropInputAttrs {
  strides: Pair;
  pad: Padding;
  dataFormat?: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  inputShape: [number, number, number, number];
}

/** dx of a stride-s NHWC convolution, from its output gradient dy and filter. */
export function conv2dBackpropInput(
  ctx: KernelContext,
  inputs: tfjs.NamedTensorInfoMap,
  attrs: Conv2DBackpropInputAttrs,
): tfjs.TensorInfo {
  const { dy, filter } = inputs;
  if (!dy || !filter) throw new Error('Conv2DBackpropInput needs dy and filter.');
  requireChannelsLast('Conv2DBackpropInput', attrs.dataFormat);
  const [kh, kw, inC, outC] = filter.shape as [number, number, number, number];
  const info = ctx.tf.backend_util.computeConv2DInfo(
    attrs.inputShape,
    [kh, kw, inC, outC],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { strideHeight: sh, strideWidth: sw, padInfo } = info;
  const spread = dilate(ctx, dy, sh, sw);
  const [b, dh, dw] = spread.shape as [number, number, number, number];
  const rows = margins(kh, padInfo.top, info.inHeight, dh);
  const cols = margins(kw, padInfo.left, info.inWidth, dw);
  let source = spread;
  if (Math.min(rows.before, rows.after, cols.before, cols.after) < 0) {
    const crop = (m: Margins, size: number) => [
      Math.max(0, -m.before),
      size - Math.max(0, -m.before) - Math.max(0, -m.after),
    ];
    const [top, height] = crop(rows, dh);
    const [left, width] = crop(cols, dw);
    source = ctx.run(
      'Slice',
      { x: spread },
      { begin: [0, top, left, 0], size: [b, height, width, outC] },
    );
  }
  const rotated = ctx.run('Reverse', { x: filter }, { dims: [0, 1] });
  const swapped = ctx.run('Transpose', { x: rotated }, { perm: [0, 1, 3, 2] });
  const pad = [
    [0, 0],
    [Math.max(0, rows.before), Math.max(0, rows.after)],
    [Math.max(0, cols.before), Math.max(0, cols.after)],
    [0, 0],
  ];
  return ctx.output(
    ctx.run(
      'Conv2D',
      { x: source, filter: swapped },
      { strides: [1, 1], pad, dataFormat: 'NHWC', dilations: [1, 1] },
    ),
  );
}

interface Margins {
  before: number;
  after: number;
}

/**
 * Zeros to put before and after one axis of the dilated dy (negative: entries to crop) so
 * that a 'valid' pass of a k-tap filter gives back exactly the input's size.
 */
function margins(k: number, padBefore: number, inSize: number, dilatedSize: number): Margins {
  const before = k - 1 - padBefore;
  return { before, after: inSize + k - 1 - before - dilatedSize };
}
