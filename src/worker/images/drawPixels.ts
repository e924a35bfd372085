/**
 * The one way an image becomes dataset pixels in the worker: decoded with the options of
 * the upload (the decoder resizes unless the image is centre-cropped first), composited on
 * white, drawn at the dataset's size with high-quality smoothing and read back at its
 * channels. Image ingest and "Try the model" (drawings and uploaded images) share it.
 */
import { centerSquare, rgbaToPixels } from '../../core/data/images/pixels';
import type { ImageSize } from '../../core/data/images/size';

export interface DrawTarget {
  size: ImageSize;
  channels: number;
  centerCrop: boolean;
}

/** createImageBitmap options for an image of this target (the decoder resizes unless cropping). */
export function bitmapOptions(target: DrawTarget): ImageBitmapOptions {
  return target.centerCrop
    ? { imageOrientation: 'from-image' }
    : {
        imageOrientation: 'from-image',
        resizeWidth: target.size.width,
        resizeHeight: target.size.height,
        resizeQuality: 'high',
      };
}

/** A 2-D context at the target size, with the smoothing ingest uses. */
export function drawingContext(size: ImageSize): OffscreenCanvasRenderingContext2D {
  const canvas = new OffscreenCanvas(size.width, size.height);
  const g = canvas.getContext('2d', { willReadFrequently: true });
  if (!g) throw new Error('This browser cannot draw images in a worker (no 2-D OffscreenCanvas).');
  g.imageSmoothingQuality = 'high';
  return g;
}

/** Draws a decoded bitmap as the dataset's pixels (into `out` when given). */
export function drawBitmapPixels(
  g: OffscreenCanvasRenderingContext2D,
  bitmap: ImageBitmap,
  target: DrawTarget,
  out?: Uint8Array,
): Uint8Array {
  const { width, height } = target.size;
  // Alpha is composited on white, as the image would look on a page.
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, height);
  if (target.centerCrop) {
    const { sx, sy, side } = centerSquare(bitmap.width, bitmap.height);
    g.drawImage(bitmap, sx, sy, side, side, 0, 0, width, height);
  } else {
    g.drawImage(bitmap, 0, 0, width, height);
  }
  return rgbaToPixels(g.getImageData(0, 0, width, height).data, target.channels, out);
}
