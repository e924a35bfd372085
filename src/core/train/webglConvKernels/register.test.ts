import { describe, expect, it } from 'vitest';
import { filterGradientMacs, MIN_FILTER_GRADIENT_MACS } from './register';

describe('which filter gradients the app computes on WebGL', () => {
  it("leaves the bench's small CNN to TF.js and takes mnist_convnet's", () => {
    // Small CNN, batch 16: 3×3×1×8 over 16×26×26, then 3×3×8×8 over 16×11×11.
    expect(filterGradientMacs([3, 3, 1, 8], [16, 26, 26, 8])).toBe(778_752);
    expect(filterGradientMacs([3, 3, 8, 8], [16, 11, 11, 8])).toBeLessThan(
      MIN_FILTER_GRADIENT_MACS,
    );
    // mnist_convnet, batch 128: both layers.
    expect(filterGradientMacs([3, 3, 1, 32], [128, 26, 26, 32])).toBeGreaterThan(
      MIN_FILTER_GRADIENT_MACS,
    );
    expect(filterGradientMacs([3, 3, 32, 64], [128, 11, 11, 64])).toBe(285_474_816);
  });
});
