/** dy spread for strided convolution gradients: s − 1 zeros after each row and column. */
import type * as tfjs from '@tensorflow/tfjs';
import type { KernelContext } from './kernelContext';

/**
 * [b, oh, ow, c] → [b, (oh − 1)·sh + 1, (ow − 1)·sw + 1, c] with dy[i, j] at (i·sh, j·sw)
 * and zeros between; dy itself when both strides are 1.
 */
export function dilate(
  ctx: KernelContext,
  dy: tfjs.TensorInfo,
  sh: number,
  sw: number,
): tfjs.TensorInfo {
  if (sh === 1 && sw === 1) return dy;
  const [b, oh, ow, c] = dy.shape as [number, number, number, number];
  // [b·oh, 1, ow, 1, c] padded to [b·oh, sh, ow, sw, c] is each value followed by zeros.
  const spread = ctx.run(
    'PadV2',
    { x: ctx.run('Reshape', { x: dy }, { shape: [b * oh, 1, ow, 1, c] }) },
    {
      paddings: [
        [0, 0],
        [0, sh - 1],
        [0, 0],
        [0, sw - 1],
        [0, 0],
      ],
      constantValue: 0,
    },
  );
  const grid = ctx.run('Reshape', { x: spread }, { shape: [b, oh * sh, ow * sw, c] });
  return ctx.run(
    'Slice',
    { x: grid },
    { begin: [0, 0, 0, 0], size: [b, (oh - 1) * sh + 1, (ow - 1) * sw + 1, c] },
  );
}
