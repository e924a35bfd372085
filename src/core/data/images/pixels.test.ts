import { describe, expect, it } from 'vitest';
import { centerSquare, darkBackground, normalizeFor, pixelsToRgba, rgbaToPixels } from './pixels';
import { IMAGENET_NORMALIZE } from './types';

// A 2×2 RGBA image: red, green, blue, mid grey.
const RGBA = [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 128, 128, 128, 255];

describe('image pixels', () => {
  it('turns RGBA into BT.601 luma or RGB bytes', () => {
    expect(Array.from(rgbaToPixels(RGBA, 1))).toEqual([76, 150, 29, 128]);
    expect(Array.from(rgbaToPixels(RGBA, 3))).toEqual([
      255, 0, 0, 0, 255, 0, 0, 0, 255, 128, 128, 128,
    ]);
    expect(() => rgbaToPixels(RGBA, 2)).toThrow(RangeError);
  });

  it('writes into a slice of the dataset when given one', () => {
    const x = new Uint8Array(8);
    rgbaToPixels(RGBA, 1, x.subarray(4));
    expect(Array.from(x)).toEqual([0, 0, 0, 0, 76, 150, 29, 128]);
  });

  it('draws dataset bytes back as opaque RGBA', () => {
    const grey = pixelsToRgba({ width: 2, height: 1, channels: 1, pixels: Uint8Array.of(10, 200) });
    expect(Array.from(grey)).toEqual([10, 10, 10, 255, 200, 200, 200, 255]);
    const rgb = rgbaToPixels(RGBA, 3);
    expect(Array.from(pixelsToRgba({ width: 2, height: 2, channels: 3, pixels: rgb }))).toEqual(
      RGBA,
    );
  });

  it('crops the largest centred square', () => {
    expect(centerSquare(300, 200)).toEqual({ sx: 50, sy: 0, side: 200 });
    expect(centerSquare(20, 31)).toEqual({ sx: 0, sy: 5.5, side: 20 });
  });

  it('tells light-on-dark images from dark-on-light ones by their border', () => {
    // 3×3: a bright centre on black (Fashion-MNIST) and its negative.
    const dark = Uint8Array.of(0, 0, 0, 0, 255, 0, 0, 0, 0);
    const light = dark.map((v) => 255 - v);
    expect(darkBackground([{ width: 3, height: 3, channels: 1, pixels: dark }])).toBe(true);
    expect(darkBackground([{ width: 3, height: 3, channels: 1, pixels: light }])).toBe(false);
    expect(darkBackground([])).toBe(false);
  });

  it('normalises ImageNet-style only when asked', () => {
    expect(normalizeFor('imagenet')).toBe(IMAGENET_NORMALIZE);
    expect(normalizeFor('unit')).toBeNull();
  });
});
