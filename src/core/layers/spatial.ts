/** Shape rules shared by the 2-D convolution and pooling layers (channels last). */
import type { Shape } from '../graph/types';
import { formatShape } from '../graph/shape';
import type { ShapeResult } from './types';

/** Output length along one axis, exactly as TF.js `convOutputLength` computes it. */
export function convOutputLength(
  inputLength: number,
  windowSize: number,
  padding: string,
  stride: number,
): number {
  const length = padding === 'same' ? inputLength : inputLength - windowSize + 1;
  return Math.floor((length + stride - 1) / stride);
}

/** Checks that the input is an image batch (None, h, w, c); otherwise says how to get one. */
export function requireImage(input: Shape): ShapeResult {
  if (input.length === 4) return { ok: true, shape: input };
  const dims = input.slice(1);
  const size = dims.every((d): d is number => d !== null) ? dims.reduce((a, b) => a * b, 1) : null;
  let fix = 'Reshape to (h, w, c) first';
  if (input.length === 3 && dims[0] !== null && dims[1] !== null) {
    fix = `Reshape to (${dims[0]}, ${dims[1]}, 1) first`;
  } else if (input.length === 2 && size !== null) {
    const side = Math.round(Math.sqrt(size));
    if (side * side === size) fix = `Reshape to (${side}, ${side}, 1) first`;
  }
  return {
    ok: false,
    message: `needs an image input (height, width, channels) but gets ${formatShape(input)}`,
    fix,
  };
}

/**
 * Spatial output shape of a sliding window over (None, h, w, c); `what` names the window
 * in messages ("kernel", "pool").
 */
export function slideWindow(
  input: Shape,
  window: readonly number[],
  strides: readonly number[],
  padding: string,
  channels: number | null,
  what: string,
): ShapeResult {
  const image = requireImage(input);
  if (!image.ok) return image;
  const [kh = 1, kw = 1] = window;
  const [sh = 1, sw = 1] = strides;
  const h = input[1] ?? null;
  const w = input[2] ?? null;
  const oh = h === null ? null : convOutputLength(h, kh, padding, sh);
  const ow = w === null ? null : convOutputLength(w, kw, padding, sw);
  if ((oh !== null && oh < 1) || (ow !== null && ow < 1)) {
    return {
      ok: false,
      message: `the ${kh}×${kw} ${what} does not fit the ${h ?? '?'}×${w ?? '?'} input`,
      fix: `Use a ${what} size of at most ${h ?? '?'}×${w ?? '?'}, or padding "same"`,
    };
  }
  return { ok: true, shape: [null, oh, ow, channels] };
}
