/**
 * Image augmentation as pure functions on typed arrays (h × w × c, values in [0, 1]).
 * Applied per training batch in the worker with a seeded generator, never stored.
 */
import type { Rng } from '../../train/random';
import type { AugmentationSpec } from './types';

export interface ImageShape {
  height: number;
  width: number;
  channels: number;
}

/** Mirror left–right. */
export function flipHorizontal(img: Float32Array, s: ImageShape): Float32Array {
  const { height: h, width: w, channels: c } = s;
  const out = new Float32Array(img.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const src = (y * w + x) * c;
      const dst = (y * w + (w - 1 - x)) * c;
      for (let k = 0; k < c; k++) out[dst + k] = img[src + k]!;
    }
  }
  return out;
}

/** Mirror top–bottom. */
export function flipVertical(img: Float32Array, s: ImageShape): Float32Array {
  const { height: h, width: w, channels: c } = s;
  const out = new Float32Array(img.length);
  const row = w * c;
  for (let y = 0; y < h; y++) out.set(img.subarray(y * row, (y + 1) * row), (h - 1 - y) * row);
  return out;
}

/**
 * Rotation (degrees), zoom (scale > 1 enlarges) and shift (pixels) about the centre,
 * by inverse mapping with bilinear sampling; pixels from outside are filled with `fill`.
 */
export function affine(
  img: Float32Array,
  s: ImageShape,
  t: { rotation: number; scale: number; shiftX: number; shiftY: number },
  fill = 0,
): Float32Array {
  const { height: h, width: w, channels: c } = s;
  if (t.rotation === 0 && t.scale === 1 && t.shiftX === 0 && t.shiftY === 0) return img.slice();
  const out = new Float32Array(img.length);
  const rad = (t.rotation * Math.PI) / 180;
  const cos = Math.cos(rad) / t.scale;
  const sin = Math.sin(rad) / t.scale;
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const dx = x - cx - t.shiftX;
      const dy = y - cy - t.shiftY;
      // Inverse rotation maps the output pixel back to where it came from.
      const sx = cos * dx + sin * dy + cx;
      const sy = -sin * dx + cos * dy + cy;
      const dst = (y * w + x) * c;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let k = 0; k < c; k++) {
        const p00 = pixel(img, s, x0, y0, k, fill);
        const p10 = pixel(img, s, x0 + 1, y0, k, fill);
        const p01 = pixel(img, s, x0, y0 + 1, k, fill);
        const p11 = pixel(img, s, x0 + 1, y0 + 1, k, fill);
        out[dst + k] =
          p00 * (1 - fx) * (1 - fy) + p10 * fx * (1 - fy) + p01 * (1 - fx) * fy + p11 * fx * fy;
      }
    }
  }
  return out;
}

function pixel(img: Float32Array, s: ImageShape, x: number, y: number, k: number, fill: number) {
  if (x < 0 || y < 0 || x >= s.width || y >= s.height) return fill;
  return img[(y * s.width + x) * s.channels + k]!;
}

/** Adds `delta` to every value, clamped to [0, 1]. */
export function adjustBrightness(img: Float32Array, delta: number): Float32Array {
  return img.map((v) => clamp01(v + delta));
}

/** Scales values away from (factor > 1) or towards the image mean, clamped to [0, 1]. */
export function adjustContrast(img: Float32Array, factor: number): Float32Array {
  let sum = 0;
  for (const v of img) sum += v;
  const mean = img.length > 0 ? sum / img.length : 0;
  return img.map((v) => clamp01(mean + (v - mean) * factor));
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/** Whether the spec changes anything at all. */
export function isAugmenting(spec: AugmentationSpec | null): spec is AugmentationSpec {
  return (
    spec !== null &&
    (spec.flipHorizontal > 0 ||
      spec.flipVertical > 0 ||
      spec.rotation > 0 ||
      spec.shift > 0 ||
      spec.zoom > 0 ||
      spec.brightness > 0 ||
      spec.contrast > 0)
  );
}

/** One random augmentation of one image, drawing its parameters from `rng`. */
export function augmentImage(
  img: Float32Array,
  s: ImageShape,
  spec: AugmentationSpec,
  rng: Rng,
): Float32Array {
  // Every draw happens whatever the spec, so one setting never shifts another's stream.
  const flipH = rng() < spec.flipHorizontal;
  const flipV = rng() < spec.flipVertical;
  const rotation = (rng() * 2 - 1) * spec.rotation;
  const scale = 1 + (rng() * 2 - 1) * spec.zoom;
  const shiftX = (rng() * 2 - 1) * spec.shift * s.width;
  const shiftY = (rng() * 2 - 1) * spec.shift * s.height;
  const brightness = (rng() * 2 - 1) * spec.brightness;
  const contrast = 1 + (rng() * 2 - 1) * spec.contrast;
  let out = img;
  if (flipH) out = flipHorizontal(out, s);
  if (flipV) out = flipVertical(out, s);
  if (rotation !== 0 || scale !== 1 || shiftX !== 0 || shiftY !== 0) {
    out = affine(out, s, { rotation, scale, shiftX, shiftY });
  }
  if (brightness !== 0) out = adjustBrightness(out, brightness);
  if (contrast !== 1) out = adjustContrast(out, contrast);
  return out === img ? img.slice() : out;
}

/** Augments every image of a row-major batch in place (values in [0, 1]). */
export function augmentBatchInPlace(
  x: Float32Array,
  count: number,
  s: ImageShape,
  spec: AugmentationSpec,
  rng: Rng,
): void {
  const size = s.height * s.width * s.channels;
  for (let i = 0; i < count; i++) {
    const img = x.subarray(i * size, (i + 1) * size);
    x.set(augmentImage(img, s, spec, rng), i * size);
  }
}
