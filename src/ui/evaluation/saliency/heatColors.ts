/**
 * A heat map's values on [0, 1] as RGBA over the image: transparent where the gradient is
 * small, through red to yellow where it is large, so the image shows through.
 */
export function heatToRgba(map: Float32Array): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(map.length * 4);
  map.forEach((v, p) => {
    const t = Math.min(1, Math.max(0, v));
    out[p * 4] = 255;
    out[p * 4 + 1] = Math.round(255 * t * t);
    out[p * 4 + 2] = 0;
    // Linear opacity: the many small gradients of a dense model leave the image visible.
    out[p * 4 + 3] = Math.round(230 * t);
  });
  return out;
}
