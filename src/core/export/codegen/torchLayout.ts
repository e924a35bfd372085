/**
 * Tensor layout in the PyTorch export, for any rank. Tensors stay channels-last between
 * layers, as in Keras (N, steps, C), (N, H, W, C), (N, D, H, W, C), so Flatten → Linear sees
 * TF's element order; layers whose PyTorch module wants channels first (convolution,
 * pooling, BatchNorm) permute there and back. TF's 'same' padding is made explicit with
 * TF's split (the odd pixel after), from static shapes.
 */
import type { Shape } from '../../graph/types';
import { dilatedWindow } from '../../layers/spatial';
import { staticDim } from './torchHelpers';

/** Axis order moving channels from last to second: rank 4 → [0, 3, 1, 2]. */
export function channelsFirstOrder(rank: number): number[] {
  if (rank <= 2) return Array.from({ length: rank }, (_, i) => i);
  return [0, rank - 1, ...Array.from({ length: rank - 2 }, (_, i) => i + 1)];
}

/** Axis order moving channels from second to last, the inverse: rank 4 → [0, 2, 3, 1]. */
export function channelsLastOrder(rank: number): number[] {
  if (rank <= 2) return Array.from({ length: rank }, (_, i) => i);
  return [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2), 1];
}

const permute = (x: string, order: number[]) =>
  order.every((a, i) => a === i) ? x : `${x}.permute(${order.join(', ')})`;

/** `x` (channels-last, of `rank` axes with the batch) as channels-first; rank ≤ 2 is unchanged. */
export const toChannelsFirst = (x: string, rank: number) => permute(x, channelsFirstOrder(rank));

/** `x` (channels-first) back to channels-last. */
export const toChannelsLast = (x: string, rank: number) => permute(x, channelsLastOrder(rank));

/**
 * One vector per example in Keras's order: on a channels-last tensor that is PyTorch's own
 * row-major order, so no permute is needed (flattening channels-first would interleave).
 */
export const torchFlatten = (x: string) => `${x}.reshape(${x}.shape[0], -1)`;

/** TF 'same' padding along one axis: [before, after], the odd pixel after. */
export function samePadding(
  inSize: number,
  window: number,
  stride: number,
  dilation = 1,
): [number, number] {
  const out = Math.ceil(inSize / stride);
  const total = Math.max((out - 1) * stride + dilatedWindow(window, dilation) - inSize, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/**
 * F.pad's argument for TF padding of a channels-last input with any number of spatial axes
 * (last spatial axis first: (left, right, top, bottom) for images), or null for none.
 */
export function torchPadding(
  input: Shape | undefined,
  window: readonly number[],
  strides: readonly number[],
  padding: string,
  dilations: readonly number[] = [],
): number[] | null {
  if (padding !== 'same') return null;
  const spatialRank = (input?.length ?? 2) - 2;
  const pad: number[] = [];
  for (let axis = spatialRank - 1; axis >= 0; axis--) {
    const size = staticDim(input, axis + 1);
    pad.push(...samePadding(size, window[axis] ?? 1, strides[axis] ?? 1, dilations[axis] ?? 1));
  }
  return pad.every((p) => p === 0) ? null : pad;
}
