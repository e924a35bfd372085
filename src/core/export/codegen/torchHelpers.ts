/**
 * Helpers for the layers' PyTorch emitters (`toPyTorch` in src/core/layers). Tensors stay
 * channels-last (N, H, W, C) between layers, as in Keras, so Flatten → Linear sees TF's
 * element order; convolution and pooling permute to NCHW and back. 'same' padding is
 * explicit with TF's split (the extra row/column goes bottom/right), from static shapes.
 */
import type { Shape } from '../../graph/types';
import { ACTIVATIONS, isActivation } from '../../layers/activations';

/** A size of a static shape (negative index from the end); throws on an unknown size. */
export function staticDim(shape: Shape | undefined, index: number): number {
  const v = shape?.at(index);
  if (typeof v !== 'number') throw new Error('Unknown size in a static shape');
  return v;
}

/** `activate(expr)` in PyTorch, matching the TF.js/Keras activation of the same name. */
export function torchActivation(name: string, expr: string): string {
  if (!isActivation(name)) throw new Error(`No PyTorch activation for ${name}`);
  // A function replacement: `expr` is Python, and `$` patterns must not be expanded.
  return ACTIVATIONS[name].torch.replaceAll('{x}', () => expr);
}

/** TF 'same' padding along one axis: [before, after], the odd pixel after. */
export function samePadding(inSize: number, window: number, stride: number): [number, number] {
  const out = Math.ceil(inSize / stride);
  const total = Math.max((out - 1) * stride + window - inSize, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** F.pad's (left, right, top, bottom) for TF padding of an NHWC input, or null for none. */
export function torchPadding(
  input: Shape | undefined,
  window: readonly number[],
  strides: readonly number[],
  padding: string,
): [number, number, number, number] | null {
  if (padding !== 'same') return null;
  const [t, b] = samePadding(staticDim(input, 1), window[0] ?? 1, strides[0] ?? 1);
  const [l, r] = samePadding(staticDim(input, 2), window[1] ?? 1, strides[1] ?? 1);
  return t + b + l + r === 0 ? null : [l, r, t, b];
}

export const toNCHW = (x: string) => `${x}.permute(0, 3, 1, 2)`;
export const toNHWC = (x: string) => `${x}.permute(0, 2, 3, 1)`;
