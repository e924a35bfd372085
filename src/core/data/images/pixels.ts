/**
 * Pixels between the browser's RGBA and the dataset's bytes (h × w × channels), and the
 * geometry of the centre crop. Image ingest, the "Try the model" drawing and the example
 * thumbnails all go through these, so a drawing reaches the model as an uploaded image would.
 */
import { IMAGENET_NORMALIZE, type ImagePipeline, type ImageScaling } from './types';

/** An image as the dataset stores it: bytes, row-major h × w × channels. */
export interface Pixels {
  width: number;
  height: number;
  channels: number;
  pixels: Uint8Array;
}

/**
 * RGBA (as getImageData gives it; alpha already composited) to 1 or 3 channels. Grayscale
 * is the ITU-R BT.601 luma, rounded, as image ingest has always computed it.
 */
export function rgbaToPixels(
  rgba: ArrayLike<number>,
  channels: number,
  out: Uint8Array = new Uint8Array((rgba.length / 4) * channels),
): Uint8Array {
  if (channels !== 1 && channels !== 3) throw new RangeError(`${channels} channels`);
  for (let p = 0, q = 0; p < rgba.length; p += 4) {
    if (channels === 1) {
      out[q++] = Math.round(0.299 * rgba[p]! + 0.587 * rgba[p + 1]! + 0.114 * rgba[p + 2]!);
    } else {
      out[q++] = rgba[p]!;
      out[q++] = rgba[p + 1]!;
      out[q++] = rgba[p + 2]!;
    }
  }
  return out;
}

/** Dataset bytes (1 or 3 channels) to opaque RGBA, for drawing on a canvas. */
export function pixelsToRgba(image: Pixels): Uint8ClampedArray<ArrayBuffer> {
  const { width, height, channels, pixels } = image;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const grey = channels === 1;
    rgba[i * 4] = pixels[i * channels]!;
    rgba[i * 4 + 1] = pixels[i * channels + (grey ? 0 : 1)]!;
    rgba[i * 4 + 2] = pixels[i * channels + (grey ? 0 : 2)]!;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

/** The largest centred square of a width × height image: its corner and side. */
export function centerSquare(
  width: number,
  height: number,
): { sx: number; sy: number; side: number } {
  const side = Math.min(width, height);
  return { sx: (width - side) / 2, sy: (height - side) / 2, side };
}

/** The per-channel normalisation of an upload's scaling choice (null: plain [0, 1]). */
export function normalizeFor(scaling: ImageScaling): ImagePipeline['normalize'] {
  return scaling === 'imagenet' ? IMAGENET_NORMALIZE : null;
}

/**
 * Whether images are light things on a dark ground (as Fashion-MNIST) rather than dark
 * on light, from the mean of their border pixels.
 */
export function darkBackground(images: readonly Pixels[]): boolean {
  let sum = 0;
  let count = 0;
  for (const { width, height, channels, pixels } of images) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (x !== 0 && y !== 0 && x !== width - 1 && y !== height - 1) continue;
        for (let c = 0; c < channels; c++) sum += pixels[(y * width + x) * channels + c]!;
        count += channels;
      }
    }
  }
  return count > 0 && sum / count < 128;
}
