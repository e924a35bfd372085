/**
 * Shape rules shared by the convolution and pooling layers, channels last, for any number
 * of spatial axes: 1 for sequences (None, steps, c), 2 for images (None, h, w, c), 3 for
 * volumes (None, d, h, w, c). A window's length says how many spatial axes it slides over.
 */
import type { Shape } from '../graph/types';
import { formatShape } from '../graph/shape';
import type { ShapeResult } from './types';

/** Size of a window with `dilation - 1` gaps between its taps. */
export function dilatedWindow(windowSize: number, dilation = 1): number {
  return (windowSize - 1) * dilation + 1;
}

/** Output length along one axis, exactly as TF.js `convOutputLength` computes it. */
export function convOutputLength(
  inputLength: number,
  windowSize: number,
  padding: string,
  stride: number,
  dilation = 1,
): number {
  const window = dilatedWindow(windowSize, dilation);
  const length = padding === 'same' ? inputLength : inputLength - window + 1;
  return Math.floor((length + stride - 1) / stride);
}

/** Output sizes per spatial axis (null where the input size is unknown); a missing stride or dilation is 1. */
export function windowOutputSizes(
  spatial: readonly (number | null)[],
  window: readonly number[],
  strides: readonly number[],
  padding: string,
  dilations: readonly number[] = [],
): (number | null)[] {
  return spatial.map((n, i) =>
    n === null
      ? null
      : convOutputLength(n, window[i] ?? 1, padding, strides[i] ?? 1, dilations[i] ?? 1),
  );
}

/** What a layer with `spatialRank` spatial axes calls its input, in messages. */
const DATA: Record<number, { noun: string; axes: string; short: string }> = {
  1: { noun: 'a sequence input', axes: 'steps, channels', short: 'steps, c' },
  2: { noun: 'an image input', axes: 'height, width, channels', short: 'h, w, c' },
  3: { noun: 'a volume input', axes: 'depth, height, width, channels', short: 'd, h, w, c' },
};

/**
 * Checks that the input has `spatialRank` spatial axes and a channel axis (batch first),
 * otherwise says how to get there: add a channel axis of 1, or fold a flat input back.
 */
export function requireSpatial(input: Shape, spatialRank: number): ShapeResult {
  const rank = spatialRank + 2;
  if (input.length === rank) return { ok: true, shape: input };
  const data = DATA[spatialRank] ?? {
    noun: `an input with ${spatialRank} spatial axes`,
    axes: `${spatialRank} sizes, channels`,
    short: `${spatialRank} sizes, c`,
  };
  const dims = input.slice(1);
  const known = dims.every((d): d is number => d !== null);
  let fix = `Reshape to (${data.short}) first`;
  if (input.length === rank - 1 && known) {
    fix = `Reshape to (${[...dims, 1].join(', ')}) first`;
  } else if (input.length === 2 && known) {
    const size = dims.reduce((a, b) => a * b, 1);
    const side = Math.round(size ** (1 / spatialRank));
    if (side ** spatialRank === size) {
      fix = `Reshape to (${[...Array<number>(spatialRank).fill(side), 1].join(', ')}) first`;
    }
  }
  return {
    ok: false,
    message: `needs ${data.noun} (${data.axes}) but gets ${formatShape(input)}`,
    fix,
  };
}

/** A sliding window: its size, strides and (optional) dilation per spatial axis, and padding. */
export interface WindowArgs {
  window: readonly number[];
  strides: readonly number[];
  padding: string;
  dilations?: readonly number[];
}

/**
 * Output shape of a window sliding over the `spatialRank` spatial axes of a channels-last
 * input; `what` names the window in messages ("kernel", "pool").
 */
export function slideWindow(
  input: Shape,
  spatialRank: number,
  { window, strides, padding, dilations = [] }: WindowArgs,
  channels: number | null,
  what: string,
): ShapeResult {
  const checked = requireSpatial(input, spatialRank);
  if (!checked.ok) return checked;
  const spatial = input.slice(1, -1);
  const out = windowOutputSizes(spatial, window, strides, padding, dilations);
  if (out.some((d) => d !== null && d < 1)) {
    const size = spatial.map((d) => d ?? '?').join('×');
    const effective = spatial.map((_, i) => dilatedWindow(window[i] ?? 1, dilations[i] ?? 1));
    const fits = spatialRank === 1 ? `${size}-step` : size;
    return {
      ok: false,
      message: `the ${effective.join('×')} ${what} does not fit the ${fits} input`,
      fix: `Use a ${what} size of at most ${size}, or padding "same"`,
    };
  }
  return { ok: true, shape: [null, ...out, channels] };
}
