import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Shape } from '../graph/types';
import { convOutputLength, requireSpatial, slideWindow, windowOutputSizes } from './spatial';

/** Output length counted directly: window starts 0, s, 2s, … that fit (valid) or one per stride (same). */
function countPositions(n: number, k: number, padding: string, s: number, d: number): number {
  if (padding === 'same') return Math.ceil(n / s);
  const span = (k - 1) * d + 1;
  let count = 0;
  for (let start = 0; start + span <= n; start += s) count++;
  return count;
}

const padding = fc.constantFrom('valid', 'same');

describe('convOutputLength', () => {
  it('equals the number of window positions, for any size, stride and dilation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 9 }),
        padding,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        (n, k, pad, s, d) => {
          const got = convOutputLength(n, k, pad, s, d);
          // Windows wider than the input have no position: TF.js then gives 0 or less.
          expect(Math.max(got, 0)).toBe(countPositions(n, k, pad, s, d));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps the 2-D cases: 28 → 26 (3, valid), 28 → 14 (2, stride 2), 7 → 4 (same, stride 2)', () => {
    expect(convOutputLength(28, 3, 'valid', 1)).toBe(26);
    expect(convOutputLength(28, 2, 'valid', 2)).toBe(14);
    expect(convOutputLength(7, 3, 'same', 2)).toBe(4);
    expect(convOutputLength(3, 5, 'valid', 1)).toBeLessThan(1);
    expect(windowOutputSizes([28, null], [3, 3], [1, 1], 'valid')).toEqual([26, null]);
  });
});

/** TF.js's own output shape for a conv layer over `spatialRank` axes (no weights built). */
function tfjsConvShape(
  spatialRank: number,
  input: number[],
  args: { kernelSize: number[]; strides: number[]; padding: 'valid' | 'same'; dilation: number[] },
): Shape {
  const { kernelSize, strides, padding, dilation } = args;
  const common = { filters: 2, padding };
  const layer =
    spatialRank === 1
      ? tf.layers.conv1d({
          ...common,
          kernelSize: kernelSize[0]!,
          strides: strides[0]!,
          dilationRate: dilation[0]!,
        })
      : spatialRank === 2
        ? tf.layers.conv2d({
            ...common,
            kernelSize,
            strides,
            dilationRate: dilation as [number, number],
          })
        : tf.layers.conv3d({
            ...common,
            kernelSize,
            strides,
            dilationRate: dilation as [number, number, number],
          });
  return layer.computeOutputShape([null, ...input]) as Shape;
}

describe('slideWindow over 1, 2 and 3 spatial axes', () => {
  const caseArb = fc.integer({ min: 1, max: 3 }).chain((rank) =>
    fc.record({
      rank: fc.constant(rank),
      spatial: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: rank, maxLength: rank }),
      channels: fc.integer({ min: 1, max: 3 }),
      kernelSize: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: rank, maxLength: rank }),
      strides: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: rank, maxLength: rank }),
      dilate: fc.integer({ min: 1, max: 3 }),
      padding: fc.constantFrom('valid' as const, 'same' as const),
    }),
  );

  it('agrees with TF.js conv layers on shape and on whether the window fits', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        // TF.js (like Keras) refuses dilation together with strides above 1.
        const dilation = c.strides.map(() => (c.strides.every((s) => s === 1) ? c.dilate : 1));
        const input = [...c.spatial, c.channels];
        const want = tfjsConvShape(c.rank, input, { ...c, dilation });
        const got = slideWindow(
          [null, ...input],
          c.rank,
          { window: c.kernelSize, strides: c.strides, padding: c.padding, dilations: dilation },
          2,
          'kernel',
        );
        const fits = want.slice(1).every((d) => d !== null && d >= 1);
        expect(got.ok).toBe(fits);
        if (got.ok) expect(got.shape).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('names the window and the input when the window does not fit', () => {
    const kernel = { window: [5, 5], strides: [1, 1], padding: 'valid' };
    expect(slideWindow([null, 3, 3, 1], 2, kernel, 8, 'kernel')).toEqual({
      ok: false,
      message: 'the 5×5 kernel does not fit the 3×3 input',
      fix: 'Use a kernel size of at most 3×3, or padding "same"',
    });
    const pool = { window: [4], strides: [4], padding: 'valid' };
    expect(slideWindow([null, 3, 2], 1, pool, 2, 'pool')).toMatchObject({
      ok: false,
      message: 'the 4 pool does not fit the 3-step input',
    });
    const dilated = { window: [3, 3], strides: [1, 1], padding: 'valid', dilations: [2, 2] };
    expect(slideWindow([null, 4, 9, 1], 2, dilated, 1, 'kernel')).toMatchObject({
      message: 'the 5×5 kernel does not fit the 4×9 input',
    });
    expect(slideWindow([null, 28, 28, 1], 2, { ...kernel, padding: 'same' }, 8, 'kernel')).toEqual({
      ok: true,
      shape: [null, 28, 28, 8],
    });
  });
});

describe('requireSpatial', () => {
  const fix = (shape: Shape, rank: number) => {
    const r = requireSpatial(shape, rank);
    return r.ok ? null : r.fix;
  };

  it('keeps the image messages and fixes', () => {
    expect(requireSpatial([null, 784], 2)).toEqual({
      ok: false,
      message: 'needs an image input (height, width, channels) but gets (None, 784)',
      fix: 'Reshape to (28, 28, 1) first',
    });
    expect(fix([null, 28, 28], 2)).toBe('Reshape to (28, 28, 1) first');
    expect(fix([null, 10], 2)).toBe('Reshape to (h, w, c) first');
    expect(fix([null, 2, 2, 2, 2], 2)).toBe('Reshape to (h, w, c) first');
    expect(requireSpatial([null, 5, 5, 3], 2)).toEqual({ ok: true, shape: [null, 5, 5, 3] });
  });

  it('asks sequences for (steps, channels) and volumes for (depth, height, width, channels)', () => {
    expect(requireSpatial([null, 10], 1)).toEqual({
      ok: false,
      message: 'needs a sequence input (steps, channels) but gets (None, 10)',
      fix: 'Reshape to (10, 1) first',
    });
    expect(requireSpatial([null, 10, 3], 1).ok).toBe(true);
    expect(fix([null, 4, 4, 4], 3)).toBe('Reshape to (4, 4, 4, 1) first');
    expect(fix([null, 27], 3)).toBe('Reshape to (3, 3, 3, 1) first');
    expect(requireSpatial([null, 27], 3)).toMatchObject({
      message: 'needs a volume input (depth, height, width, channels) but gets (None, 27)',
    });
  });
});
