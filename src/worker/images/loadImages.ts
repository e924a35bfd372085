/**
 * Loads an uploaded image folder or zip inside the training worker: unzip (safely),
 * walk the folder tree, decode each image with createImageBitmap on an OffscreenCanvas,
 * and build the Uint8 dataset the training loop makes float per batch.
 */
import type { Dataset, DatasetChoice } from '../../core/data/types';
import {
  isIgnoredPath,
  isImagePath,
  walkImageTree,
  type SkippedFile,
} from '../../core/data/images/walk';
import { MAX_UNZIPPED_BYTES, formatMB, unzipSafely } from '../../core/data/zip';
import { chooseImageSize, type ImageSize } from '../../core/data/images/size';
import { cachedImagesFingerprint, type DataFingerprint } from '../../core/runs/fingerprint';
import { IMAGENET_NORMALIZE, type ImageDatasetInfo } from '../../core/data/images/types';
import type { ImageLoadProgress, ImageUploadSource } from './types';
import {
  loadStoredUpload,
  setMaxStoredUploadBytes,
  storedUploadLimitText,
  storeUpload,
} from '../uploadStore';

type ImageChoice = Extract<DatasetChoice, { kind: 'upload'; format: 'images' }>;

const SIZE_SAMPLE = 32;
const SAMPLES_PER_CLASS = 6;
const PROGRESS_MS = 150;

interface UploadRecord {
  source: ImageUploadSource;
  /** Files after unzipping, by path. */
  files: Map<string, Blob> | null;
  directories: string[];
  rejected: SkippedFile[];
  /** Decoded pixels of the last decode options, reused when only scaling/augmentation change. */
  decoded: { key: string; dataset: Dataset; info: ImageDatasetInfo } | null;
  /** Whether the upload is in IndexedDB (stored once it has loaded successfully). */
  stored: boolean;
}

const uploads = new Map<string, UploadRecord>();
let cancelRequested = new AbortController();
// Tests lower the zip limit through the worker's test hooks.
let maxUnzippedBytes = MAX_UNZIPPED_BYTES;
let decodeDelayMs = 0;

/** Test hooks (the app opened with ?testHooks=1): a lower zip or storage limit, slower decoding. */
export function setImageTestHooks(hooks: {
  zipLimitBytes?: number;
  decodeDelayMs?: number;
  maxStoredBytes?: number;
}): void {
  if (hooks.zipLimitBytes !== undefined) maxUnzippedBytes = hooks.zipLimitBytes;
  if (hooks.maxStoredBytes !== undefined) setMaxStoredUploadBytes(hooks.maxStoredBytes);
  if (hooks.decodeDelayMs !== undefined) decodeDelayMs = hooks.decodeDelayMs;
}

/** Keeps the files of an upload; only the latest few stay, to bound memory. */
export function registerImageUpload(uploadId: string, source: ImageUploadSource): void {
  remember(uploadId, source, false);
}

function remember(uploadId: string, source: ImageUploadSource, stored: boolean): UploadRecord {
  const record: UploadRecord = {
    source,
    stored,
    files: null,
    directories: [],
    rejected: [],
    decoded: null,
  };
  uploads.set(uploadId, record);
  while (uploads.size > 2) {
    const oldest = uploads.keys().next().value;
    if (oldest === undefined) break;
    uploads.delete(oldest);
  }
  return record;
}

export function cancelImageLoad(): void {
  cancelRequested.abort();
}

export class ImageLoadError extends Error {}

/** Builds the dataset of an image upload choice (throws ImageLoadError with a user message). */
export async function loadImageDataset(
  choice: ImageChoice,
  ctx: {
    requestId: number;
    realGpu: boolean;
    onProgress: (p: ImageLoadProgress) => void;
  },
): Promise<{ dataset: Dataset; info: ImageDatasetInfo; fingerprint: DataFingerprint }> {
  cancelRequested = new AbortController();
  let record = uploads.get(choice.uploadId);
  if (!record) {
    // After a reload or a worker restart: uploads within the limit are in IndexedDB.
    const stored = await loadStoredUpload('images', choice.uploadId);
    if (!stored) {
      throw new ImageLoadError(
        `The images of ${choice.name} are no longer available (uploads over ${storedUploadLimitText()} are not stored between visits): upload them again.`,
      );
    }
    record = remember(choice.uploadId, stored, true);
  }
  const key = JSON.stringify(choice.decode);
  let decoded = record.decoded?.key === key ? record.decoded : null;
  if (!decoded) {
    const files = await filesOf(record, ctx);
    const { dataset, info } = await decodeAll(choice, files, record, ctx);
    decoded = { key, dataset, info };
    record.decoded = decoded;
  }
  if (!record.stored) {
    record.stored = true;
    // Awaited so a reload right after the load finds it; a failure only costs persistence.
    await storeUpload('images', choice.uploadId, record.source);
  }
  const dataset: Dataset = {
    ...decoded.dataset,
    imagePipeline: {
      normalize: choice.scaling === 'imagenet' ? IMAGENET_NORMALIZE : null,
      augmentation: choice.augmentation,
    },
  };
  // The sorted (path, size, hash) list of the files and its hash, for run records.
  const fingerprint = await cachedImagesFingerprint(choice.name, await filesOf(record, ctx));
  return { dataset, info: decoded.info, fingerprint };
}

async function filesOf(
  record: UploadRecord,
  ctx: { requestId: number; onProgress: (p: ImageLoadProgress) => void },
): Promise<Map<string, Blob>> {
  if (record.files) return record.files;
  const source = record.source;
  if (source.kind === 'files') {
    record.files = new Map(source.files.map((f) => [f.path, f.file]));
    return record.files;
  }
  const total = source.file.size;
  let read = 0;
  const result = await unzipSafely(
    chunksOf(source.file, (n) => (read += n)),
    source.fileName,
    {
      maxBytes: maxUnzippedBytes,
      signal: cancelRequested.signal,
      // Only images are inflated; other entries are reported (or ignored) by name alone.
      wanted: (path) => isImagePath(path) && !isIgnoredPath(path),
      onBytes: () =>
        ctx.onProgress({
          requestId: ctx.requestId,
          stage: 'unzipping',
          done: read,
          total,
          imagesPerSecond: 0,
        }),
    },
  );
  if (!result.ok) throw new ImageLoadError(result.message);
  record.files = new Map(
    result.entries.map((e) => [e.path, new Blob([e.data as Uint8Array<ArrayBuffer>])]),
  );
  for (const path of result.unread) record.files.set(path, new Blob([]));
  record.directories = result.directories;
  record.rejected = result.rejected.map((r) => ({
    path: r.name,
    reason: `was refused: it ${r.reason}`,
  }));
  if (record.files.size === 0 && record.rejected.length > 0) {
    const first = record.rejected[0]!;
    throw new ImageLoadError(
      `${source.fileName}: every entry was refused (${first.path} ${first.reason}).`,
    );
  }
  return record.files;
}

async function* chunksOf(blob: Blob, onRead: (n: number) => void): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    onRead(value.length);
    yield value;
  }
}

async function decodeAll(
  choice: ImageChoice,
  files: Map<string, Blob>,
  record: UploadRecord,
  ctx: { requestId: number; realGpu: boolean; onProgress: (p: ImageLoadProgress) => void },
): Promise<{ dataset: Dataset; info: ImageDatasetInfo }> {
  const walk = walkImageTree([...files.keys()], record.directories);
  if (!walk.ok) throw new ImageLoadError(`${choice.name}: ${walk.message}`);
  const skipped: SkippedFile[] = [...record.rejected, ...walk.skipped];

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
  const canvas = new OffscreenCanvas(size.width, size.height);
  const g = canvas.getContext('2d', { willReadFrequently: true });
  if (!g)
    throw new ImageLoadError(
      'This browser cannot draw images in a worker (no 2-D OffscreenCanvas).',
    );
  g.imageSmoothingQuality = 'high';

  const started = performance.now();
  let lastPost = 0;
  let n = 0;
  for (let i = 0; i < walk.images.length; i++) {
    if (decodeDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, decodeDelayMs));
    if (cancelRequested.signal.aborted)
      throw new ImageLoadError('Loading the images was cancelled.');
    const image = walk.images[i]!;
    const blob = files.get(image.path);
    // A file that does not decode is reported as skipped below, not thrown.
    // Without a crop the decoder resizes, so a large photo never sits in memory at full size.
    const options: ImageBitmapOptions = choice.decode.centerCrop
      ? { imageOrientation: 'from-image' }
      : {
          imageOrientation: 'from-image',
          resizeWidth: size.width,
          resizeHeight: size.height,
          resizeQuality: 'high',
        };
    const bitmap = blob ? await createImageBitmap(blob, options).catch(() => null) : null;
    if (!bitmap) {
      skipped.push({
        path: image.path,
        reason: 'could not be decoded as an image (damaged or not really an image)',
      });
      continue;
    }
    // Alpha is composited on white, as the image would look on a page.
    g.fillStyle = '#fff';
    g.fillRect(0, 0, size.width, size.height);
    const side = Math.min(bitmap.width, bitmap.height);
    if (choice.decode.centerCrop) {
      const sx = (bitmap.width - side) / 2;
      const sy = (bitmap.height - side) / 2;
      g.drawImage(bitmap, sx, sy, side, side, 0, 0, size.width, size.height);
    } else {
      g.drawImage(bitmap, 0, 0, size.width, size.height);
    }
    bitmap.close();
    const rgba = g.getImageData(0, 0, size.width, size.height).data;
    const out = x.subarray(n * pixelsPer, (n + 1) * pixelsPer);
    for (let p = 0, q = 0; p < rgba.length; p += 4) {
      if (channels === 1) {
        out[q++] = Math.round(0.299 * rgba[p]! + 0.587 * rgba[p + 1]! + 0.114 * rgba[p + 2]!);
      } else {
        out[q++] = rgba[p]!;
        out[q++] = rgba[p + 1]!;
        out[q++] = rgba[p + 2]!;
      }
    }
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
