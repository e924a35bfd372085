import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convOutputLength } from '../../layers/spatial';
import {
  channelsFirstOrder,
  channelsLastOrder,
  samePadding,
  toChannelsFirst,
  toChannelsLast,
  torchFlatten,
  torchPadding,
} from './torchLayout';

/** torch's `permute`: axis i of the result is axis order[i] of the input (row-major data). */
function permute(data: number[], shape: number[], order: number[]): [number[], number[]] {
  const outShape = order.map((a) => shape[a]!);
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const out: number[] = [];
  const index = outShape.map(() => 0);
  for (let n = 0; n < data.length; n++) {
    out.push(data[index.reduce((at, v, i) => at + v * strides[order[i]!]!, 0)]!);
    for (let i = index.length - 1; i >= 0; i--) {
      if (++index[i]! < outShape[i]!) break;
      index[i] = 0;
    }
  }
  return [out, outShape];
}

const shapeArb = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 5 });

describe('channels-last ↔ channels-first', () => {
  it('keeps the 2-D permutations of images and sequences', () => {
    expect(channelsFirstOrder(4)).toEqual([0, 3, 1, 2]);
    expect(channelsLastOrder(4)).toEqual([0, 2, 3, 1]);
    expect(toChannelsFirst('x', 4)).toBe('x.permute(0, 3, 1, 2)');
    expect(toChannelsLast('x', 4)).toBe('x.permute(0, 2, 3, 1)');
    expect(toChannelsFirst('x', 3)).toBe('x.permute(0, 2, 1)');
    expect(toChannelsLast('x', 5)).toBe('x.permute(0, 2, 3, 4, 1)');
    expect(toChannelsFirst('x', 2)).toBe('x');
  });

  it('moves the channel axis to second and back, for any rank', () => {
    fc.assert(
      fc.property(shapeArb, (shape) => {
        const rank = shape.length;
        const data = Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i);
        const [first, firstShape] = permute(data, shape, channelsFirstOrder(rank));
        const [n, ...rest] = shape;
        // (N, C) has no spatial axis to move past; otherwise (N, …, C) → (N, C, …).
        expect(firstShape).toEqual(rank === 2 ? shape : [n, rest.at(-1), ...rest.slice(0, -1)]);
        // Element (n, i…, c) of the channels-last tensor sits at (n, c, i…).
        const [back, backShape] = permute(first, firstShape, channelsLastOrder(rank));
        expect(backShape).toEqual(shape);
        expect(back).toEqual(data);
      }),
      { numRuns: 200 },
    );
  });

  it('flattens channels-last tensors in Keras order, which channels-first would not', () => {
    expect(torchFlatten('h')).toBe('h.reshape(h.shape[0], -1)');
    // Keras flattens (h, w, c) row-major with c fastest: that is the channels-last data as is.
    const shape = [1, 2, 2, 3];
    const data = Array.from({ length: 12 }, (_, i) => i);
    const [nchw] = permute(data, shape, channelsFirstOrder(4));
    expect(nchw).not.toEqual(data);
    const [restored] = permute(nchw, [1, 3, 2, 2], channelsLastOrder(4));
    expect(restored).toEqual(data);
  });
});

describe("TF 'same' padding", () => {
  it('pads so a valid window over the padded input gives TF’s same-size output, odd pixel after', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        (n, k, s, d) => {
          const [before, after] = samePadding(n, k, s, d);
          expect(after - before === 0 || after - before === 1).toBe(true);
          const total = Math.max((Math.ceil(n / s) - 1) * s + (k - 1) * d + 1 - n, 0);
          expect(before + after).toBe(total);
          expect(convOutputLength(n + total, k, 'valid', s, d)).toBe(
            convOutputLength(n, k, 'same', s),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('keeps the 2-D case (6 rows, kernel 3, stride 2: 0 above, 1 below) and orders axes last first', () => {
    expect(samePadding(6, 3, 2)).toEqual([0, 1]);
    // F.pad takes the last axis first: (left, right, top, bottom) for images.
    expect(torchPadding([null, 6, 7, 3], [3, 3], [2, 2], 'same')).toEqual([1, 1, 0, 1]);
    expect(torchPadding([null, 6, 3], [3], [2], 'same')).toEqual([0, 1]);
    expect(torchPadding([null, 6, 7, 5, 1], [3, 3, 2], [2, 2, 1], 'same')).toEqual([
      0, 1, 1, 1, 0, 1,
    ]);
    expect(torchPadding([null, 6, 7, 3], [3, 3], [2, 2], 'valid')).toBeNull();
    expect(torchPadding([null, 6, 6, 3], [1, 1], [1, 1], 'same')).toBeNull();
    expect(() => torchPadding([null, null, 6, 3], [3, 3], [1, 1], 'same')).toThrow(/Unknown size/);
  });
});
