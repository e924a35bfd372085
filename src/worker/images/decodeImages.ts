/**
 * Decodes the images of an upload inside the training worker: createImageBitmap (resized
 * by the decoder unless center-cropping) drawn on an OffscreenCanvas, into the Uint8
 * dataset the training loop makes float per batch.
 */
import type { Dataset, DatasetChoice } from '../../core/data/types';
import { walkImageTree, type SkippedFile } from '../../core/data/images/walk';
import { formatMB } from '../../core/data/zip';
import { chooseImageSize, type ImageSize } from '../../core/data/images/size';
import type { ImageDatasetInfo } from '../../core/data/images/types';
import { ImageLoadError, type ImageLoadProgress } from './types';
import { bitmapOptions, drawBitmapPixels, drawingContext, type DrawTarget } from './drawPixels';

type ImageChoice = Extract<DatasetChoice, { kind: 'upload'; format: 'images' }>;

const SIZE_SAMPLE = 32;
const SAMPLES_PER_CLASS = 6;
const PROGRESS_MS = 150;
/** What a cancelled image load says (the e2e test waits for these words). */
export const CANCELLED = 'Loading the images was cancelled.';

export interface DecodeContext {
  requestId: number;
  /** A real GPU allows a larger 'auto' size than software WebGL or the CPU. */
  realGpu: boolean;
  /** The request's own signal: aborted by the cancel that names this request. */
  signal: AbortSignal;
  /** Test hook: a wait before each image, so there is time to cancel. */
  decodeDelayMs: number;
  onProgress: (p: ImageLoadProgress) => void;
}

/**
 * Decodes the images of an upload's files (folders are classes, see core walk.ts) into
 * the Uint8 dataset. `unzipped` holds the archive's folders and its refused entries.
 */
export async function decodeImages(
  choice: ImageChoice,
  files: Map<string, Blob>,
  unzipped: { directories: string[]; rejected: SkippedFile[] },
  ctx: DecodeContext,
): Promise<{ dataset: Dataset; info: ImageDatasetInfo }> {
  const walk = walkImageTree([...files.keys()], unzipped.directories);
  if (!walk.ok) throw new ImageLoadError(`${choice.name}: ${walk.message}`);
  const skipped: SkippedFile[] = [...unzipped.rejected, ...walk.skipped];

  // Sizes of a spread-out sample decide the 'auto' size.
  const step = Math.max(1, Math.floor(walk.images.length / SIZE_SAMPLE));
  const sampleSizes: ImageSize[] = [];
  for (let i = 0; i < walk.images.length && sampleSizes.length < SIZE_SAMPLE; i += step) {
    const blob = files.get(walk.images[i]!.path);
    const bitmap = blob
      ? await createImageBitmap(blob, { imageOrientation: 'from-image' }).catch(() => null)
      : null;
    if (bitmap) {
      sampleSizes.push({ height: bitmap.height, width: bitmap.width });
      bitmap.close();
    }
  }
  const { size, note } = chooseImageSize(choice.decode, sampleSizes, ctx.realGpu);
  const channels = choice.decode.color === 'grayscale' ? 1 : 3;
  const pixelsPer = size.height * size.width * channels;
  const x = new Uint8Array(walk.images.length * pixelsPer);
  const y = new Float32Array(walk.images.length);
  const isTest = new Uint8Array(walk.images.length);
  const target: DrawTarget = { size, channels, centerCrop: choice.decode.centerCrop };
  let g: OffscreenCanvasRenderingContext2D;
  try {
    g = drawingContext(size);
  } catch (err) {
    throw new ImageLoadError(err instanceof Error ? err.message : String(err));
  }

  const started = performance.now();
  let lastPost = 0;
  let n = 0;
  for (let i = 0; i < walk.images.length; i++) {
    if (ctx.decodeDelayMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, ctx.decodeDelayMs));
    }
    if (ctx.signal.aborted) throw new ImageLoadError(CANCELLED);
    const image = walk.images[i]!;
    const blob = files.get(image.path);
    // A file that does not decode is reported as skipped below, not thrown.
    // Without a crop the decoder resizes, so a large photo never sits in memory at full size.
    const bitmap = blob
      ? await createImageBitmap(blob, bitmapOptions(target)).catch(() => null)
      : null;
    if (!bitmap) {
      skipped.push({
        path: image.path,
        reason: 'could not be decoded as an image (damaged or not really an image)',
      });
      continue;
    }
    drawBitmapPixels(g, bitmap, target, x.subarray(n * pixelsPer, (n + 1) * pixelsPer));
    bitmap.close();
    y[n] = image.classIndex;
    isTest[n] = image.split === 'test' ? 1 : 0;
    n += 1;
    const now = performance.now();
    if (now - lastPost > PROGRESS_MS || i === walk.images.length - 1) {
      lastPost = now;
      ctx.onProgress({
        requestId: ctx.requestId,
        stage: 'decoding',
        done: i + 1,
        total: walk.images.length,
        imagesPerSecond: ((i + 1) * 1000) / Math.max(1, now - started),
      });
    }
  }
  if (n === 0) {
    const first = skipped.find((s) => s.reason.startsWith('could not be decoded'));
    throw new ImageLoadError(
      `${choice.name}: none of the ${walk.images.length} images could be decoded${first ? ` (for example ${first.path})` : ''}.`,
    );
  }
  const counts = new Array<number>(walk.classNames.length).fill(0);
  for (let i = 0; i < n; i++) counts[y[i]!]! += 1;
  const missing = walk.classNames.filter((_, k) => counts[k] === 0);
  if (walk.classNames.length - missing.length < 2) {
    throw new ImageLoadError(
      `${choice.name}: only one class has images that decode; the images of ${missing.map((m) => `${m}/`).join(', ')} could not be decoded.`,
    );
  }
  const samples: ImageDatasetInfo['samples'] = [];
  const taken = new Array<number>(walk.classNames.length).fill(0);
  for (let i = 0; i < n; i++) {
    const k = y[i]!;
    if (taken[k]! >= SAMPLES_PER_CLASS) continue;
    taken[k]! += 1;
    samples.push({ classIndex: k, pixels: x.slice(i * pixelsPer, (i + 1) * pixelsPer) });
  }
  const dataset: Dataset = {
    name: choice.name,
    kind: 'image',
    task: walk.classNames.length === 2 ? 'binary' : 'multiclass',
    featureShape: [size.height, size.width, channels],
    x: n === walk.images.length ? x : x.slice(0, n * pixelsPer),
    xScale: 1 / 255,
    y: n === walk.images.length ? y : y.slice(0, n),
    n,
    classNames: walk.classNames,
    featureNames: [],
  };
  if (walk.predefinedSplit) {
    const testRows = isTest.subarray(0, n);
    if (!testRows.includes(1) || !testRows.includes(0)) {
      throw new ImageLoadError(
        `${choice.name}: the train/ and test/ folders must both hold images that decode.`,
      );
    }
    dataset.predefinedTest = testRows.slice();
  }
  const info: ImageDatasetInfo = {
    samples,
    height: size.height,
    width: size.width,
    channels,
    skipped,
    ignored: walk.ignored,
    predefinedSplit: walk.predefinedSplit,
    sizeNote: `${note}; ${formatMB(dataset.x.length)} of pixels`,
  };
  return { dataset, info };
}
