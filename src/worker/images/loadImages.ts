/**
 * Loads an uploaded image folder or zip inside the training worker: keep the latest
 * uploads' files, unzip (safely), reuse decoded pixels when only scaling or augmentation
 * change, and keep small uploads in IndexedDB. Decoding itself is decodeImages.ts.
 */
import type { Dataset, DatasetChoice } from '../../core/data/types';
import { isIgnoredPath, isImagePath, type SkippedFile } from '../../core/data/images/walk';
import { MAX_UNZIPPED_BYTES, unzipSafely } from '../../core/data/zip';
import { cachedImagesFingerprint, type DataFingerprint } from '../../core/runs/fingerprint';
import type { ImageDatasetInfo } from '../../core/data/images/types';
import { normalizeFor } from '../../core/data/images/pixels';
import { ImageLoadError, type ImageLoadProgress, type ImageUploadSource } from './types';
import {
  loadStoredUpload,
  setMaxStoredUploadBytes,
  storedUploadLimitText,
  storeUpload,
} from '../uploadStore';
import { CANCELLED, decodeImages } from './decodeImages';
import type { ImageUploadTestHooks } from '../testHookMessages';

type ImageChoice = Extract<DatasetChoice, { kind: 'upload'; format: 'images' }>;

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
// Test hooks (the app opened with ?testHooks=1) lower the zip limit and slow decoding.
let maxUnzippedBytes = MAX_UNZIPPED_BYTES;
let decodeDelayMs = 0;

/** Applies the image-upload test hooks (testHookHandler.ts calls this). */
export function setImageTestHooks(hooks: ImageUploadTestHooks): void {
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

/** Builds the dataset of an image upload choice (throws ImageLoadError with a user message). */
export async function loadImageDataset(
  choice: ImageChoice,
  ctx: {
    requestId: number;
    realGpu: boolean;
    /** This request's own signal (the worker aborts it on a cancelImageLoad naming it). */
    signal: AbortSignal;
    onProgress: (p: ImageLoadProgress) => void;
  },
): Promise<{ dataset: Dataset; info: ImageDatasetInfo; fingerprint: DataFingerprint }> {
  if (ctx.signal.aborted) throw new ImageLoadError(CANCELLED);
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
    const { dataset, info } = await decodeImages(choice, files, record, { ...ctx, decodeDelayMs });
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
      normalize: normalizeFor(choice.scaling),
      augmentation: choice.augmentation,
    },
  };
  // The sorted (path, size, hash) list of the files and its hash, for run records.
  const fingerprint = await cachedImagesFingerprint(choice.name, await filesOf(record, ctx));
  return { dataset, info: decoded.info, fingerprint };
}

async function filesOf(
  record: UploadRecord,
  ctx: { requestId: number; signal: AbortSignal; onProgress: (p: ImageLoadProgress) => void },
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
      signal: ctx.signal,
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
  if (ctx.signal.aborted) throw new ImageLoadError(CANCELLED);
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
