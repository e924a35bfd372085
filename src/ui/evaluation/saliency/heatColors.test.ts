import { expect, it } from 'vitest';
import { heatToRgba } from './heatColors';

it('is transparent at 0, opaque yellow at 1 and red in between, clamped outside [0, 1]', () => {
  const rgba = heatToRgba(Float32Array.of(0, 0.25, 1, 7, -1));
  expect(Array.from(rgba.subarray(0, 4))).toEqual([255, 0, 0, 0]);
  expect(Array.from(rgba.subarray(4, 8))).toEqual([255, 16, 0, 58]);
  expect(Array.from(rgba.subarray(8, 12))).toEqual([255, 255, 0, 230]);
  expect(Array.from(rgba.subarray(12, 16))).toEqual([255, 255, 0, 230]);
  expect(Array.from(rgba.subarray(16, 20))).toEqual([255, 0, 0, 0]);
});
