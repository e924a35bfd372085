/**
 * Where a run's batches come from. Three paths give the same batches (dataPath.test.ts):
 * - resident: the prepared features and targets are uploaded once per run and each step
 *   sends only its row indices and gathers on the device, as plain `fit` slices a tensor;
 * - streaming: for data above the resident limit, the rows of ~32 MB of consecutive batches
 *   are uploaded as one chunk, the next chunk while the current one trains (double buffer);
 * - cpu: each batch is made on the CPU (batches.ts) — needed for image augmentation.
 * Features are scaled (and image-normalised) on the device by the resident and streaming
 * paths, from the dataset's stored bytes or floats.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset } from '../../data/types';
import { isAugmenting } from '../../data/images/augment';
import { batchSlices, gatherBatch } from '../batches';
import type { Rng } from '../random';
import { makeTargets } from '../losses';
import { rowMask, uploadBatch, type DeviceBatch, type TargetSpec } from './deviceBatch';

export type DataPathKind = 'resident' | 'streaming' | 'cpu';

/** The path a run's batches took, and why it is not the resident one when it is not. */
export interface DataPathInfo {
  kind: DataPathKind;
  notice: string | null;
}

/** Prepared data up to this size stays on the device for the whole run. */
export const RESIDENT_LIMIT_BYTES = 256 * 2 ** 20;
/** The size of one streamed chunk of batches. */
export const STREAM_CHUNK_BYTES = 32 * 2 ** 20;

export interface DataSource extends DataPathInfo {
  /**
   * The batches of the rows in this order, padded to the batch size unless `pad` is false;
   * the caller disposes each (deviceBatch.ts disposeBatch). `augmentRng`: the cpu path only.
   */
  batches(order: Int32Array, opts: { pad: boolean; augmentRng?: Rng }): Generator<DeviceBatch>;
  /** Frees what the source keeps on the device; safe to call twice. */
  dispose(): void;
}

/** Prepared tensors of some dataset rows, indexed by position. */
interface RowStore {
  x: tfjs.Tensor;
  labels: tfjs.Tensor1D;
  targets: tfjs.Tensor2D;
}

/** Bytes of the prepared (float32) features and targets of `rows` rows. */
export function preparedBytes(ds: Dataset, spec: TargetSpec, rows: number): number {
  const featureSize = ds.x.length / Math.max(ds.n, 1);
  const targetWidth = spec.task === 'multiclass' ? spec.numClasses : 1;
  return rows * (featureSize + targetWidth + 1) * 4;
}

/**
 * Backends whose batches come from device memory. On WASM the bench found the CPU batch
 * path faster (bench MLP, 3,000 images, batch 128, same quiet machine, median of 3: app
 * 7,622 samples/s on the CPU path against 6,321 resident; WASM's Gather copies element by
 * element, the CPU path copies whole rows); on the CPU backend the two were level (1,369
 * and 1,298, within the bench's noise), so it keeps the simpler CPU path too.
 */
export const DEVICE_PATH_BACKENDS: readonly string[] = ['webgl', 'webgpu'];

/** Limits of the device-side paths; tests lower them. */
export interface DataPathLimits {
  /** Use the device-side paths on every backend (the unit tests run on the CPU backend). */
  deviceOnAnyBackend?: boolean;
  /** Prepared data up to this many bytes is kept on the device (RESIDENT_LIMIT_BYTES). */
  residentLimitBytes?: number;
  /** Bytes of one streamed chunk (STREAM_CHUNK_BYTES). */
  chunkBytes?: number;
}

/**
 * Opens the run's data source: cpu when batches are augmented or the backend is not a
 * device one (DEVICE_PATH_BACKENDS), resident when the prepared dataset fits the resident
 * limit, else (or when the upload fails) streaming.
 */
export function openDataSource(
  tf: typeof tfjs,
  ds: Dataset,
  spec: TargetSpec & { batchSize: number },
  limits: DataPathLimits = {},
): DataSource {
  const residentLimitBytes = limits.residentLimitBytes ?? RESIDENT_LIMIT_BYTES;
  const chunkBytes = limits.chunkBytes ?? STREAM_CHUNK_BYTES;
  const augmentation = ds.imagePipeline?.augmentation;
  if (augmentation && isAugmenting(augmentation)) return cpuSource(tf, ds, spec);
  if (!limits.deviceOnAnyBackend && !DEVICE_PATH_BACKENDS.includes(tf.getBackend()))
    return cpuSource(tf, ds, spec);
  const bytes = preparedBytes(ds, spec, ds.n);
  if (bytes > residentLimitBytes) {
    const notice = `The prepared data (${megabytes(bytes)}) is above the resident limit of ${megabytes(residentLimitBytes)}: it is streamed to the device in ${megabytes(chunkBytes)} chunks.`;
    return streamingSource(tf, ds, spec, chunkBytes, notice);
  }
  try {
    return residentSource(tf, ds, spec);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const notice = `The prepared data (${megabytes(bytes)}) could not be kept on the device (${reason}): it is streamed in ${megabytes(chunkBytes)} chunks.`;
    return streamingSource(tf, ds, spec, chunkBytes, notice);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(bytes < 2 ** 20 ? 2 : 0)} MB`;
}

/** Each batch gathered and scaled on the CPU, then uploaded (batches.ts). */
export function cpuSource(
  tf: typeof tfjs,
  ds: Dataset,
  spec: TargetSpec & { batchSize: number },
): DataSource {
  return {
    kind: 'cpu',
    notice: null,
    *batches(order, { pad, augmentRng }) {
      for (const rows of batchSlices(order, spec.batchSize)) {
        const batch = gatherBatch(ds, rows, augmentRng, pad ? spec.batchSize : rows.length);
        yield uploadBatch(tf, batch, ds, spec);
      }
    },
    dispose: () => {},
  };
}

function residentSource(
  tf: typeof tfjs,
  ds: Dataset,
  spec: TargetSpec & { batchSize: number },
): DataSource {
  const all = Int32Array.from({ length: ds.n }, (_, i) => i);
  let store: RowStore | null = uploadRows(tf, ds, spec, all);
  return {
    kind: 'resident',
    notice: null,
    *batches(order, { pad }) {
      if (!store) throw new Error('The resident data was disposed.');
      for (const rows of batchSlices(order, spec.batchSize)) {
        yield gatherRows(tf, store, rows, pad ? spec.batchSize : rows.length);
      }
    },
    dispose: () => {
      if (store) disposeStore(store);
      store = null;
    },
  };
}

function streamingSource(
  tf: typeof tfjs,
  ds: Dataset,
  spec: TargetSpec & { batchSize: number },
  chunkBytes: number,
  notice: string,
): DataSource {
  const live = new Set<RowStore>();
  const batchBytes = preparedBytes(ds, spec, spec.batchSize);
  const batchesPerChunk = Math.max(1, Math.floor(chunkBytes / batchBytes));
  const chunkRows = batchesPerChunk * spec.batchSize;
  const open = (rows: Int32Array): RowStore => {
    const store = uploadRows(tf, ds, spec, rows);
    live.add(store);
    return store;
  };
  const close = (store: RowStore) => {
    disposeStore(store);
    live.delete(store);
  };
  return {
    kind: 'streaming',
    notice,
    *batches(order, { pad }) {
      const chunks = [...batchSlices(order, chunkRows)];
      let next: RowStore | null = chunks[0] ? open(chunks[0]) : null;
      try {
        for (let c = 0; c < chunks.length; c++) {
          const current = next!;
          // The next chunk goes up while this one trains.
          next = chunks[c + 1] ? open(chunks[c + 1]!) : null;
          const positions = Int32Array.from(chunks[c]!, (_, i) => i);
          try {
            for (const rows of batchSlices(positions, spec.batchSize)) {
              yield gatherRows(tf, current, rows, pad ? spec.batchSize : rows.length);
            }
          } finally {
            close(current);
          }
        }
      } finally {
        if (next) close(next);
      }
    },
    dispose: () => [...live].forEach(close),
  };
}

/**
 * Uploads the dataset's rows, prepared on the CPU as batches.ts prepares them (scaled and
 * image-normalised, once per run), and one-hot encodes the labels on the device.
 *
 * Prepared on the CPU, not on the device: a store computed by TF.js ops comes out as a
 * *packed* WebGL texture, and TF.js's gather has no packed kernel, so every step unpacked
 * the whole store first. That halved WebGL training (bench MLP on SwiftShader, 3,000
 * images: 1,511 → 594 samples/s). Uploaded from CPU values, the store's first use is the
 * gather, so it stays unpacked. No memory is lost by it: TF.js has no uint8 dtype, so the
 * bytes went up as int32, as large as float32.
 */
function uploadRows(tf: typeof tfjs, ds: Dataset, spec: TargetSpec, rows: Int32Array): RowStore {
  const prepared = gatherBatch(ds, rows);
  return tf.tidy(() => {
    const x = tf.tensor(prepared.x, [rows.length, ...ds.featureShape]);
    const labels = tf.tensor1d(prepared.y);
    return { x, labels, targets: makeTargets(tf, labels, spec.task, spec.numClasses) };
  });
}

/**
 * The batch of the store's rows at these positions, padded to `padded` rows by repeating
 * its first row (masked out; a real row keeps the padding finite whenever the batch is).
 */
function gatherRows(
  tf: typeof tfjs,
  store: RowStore,
  positions: Int32Array,
  padded: number,
): DeviceBatch {
  const indices = new Int32Array(padded).fill(positions[0] ?? 0);
  indices.set(positions);
  return tf.tidy(() => {
    const at = tf.tensor1d(indices, 'int32');
    return {
      x: tf.gather(store.x, at),
      labels: tf.gather(store.labels, at),
      targets: tf.gather(store.targets, at),
      mask: tf.tensor1d(rowMask(positions.length, padded)),
      size: positions.length,
    };
  });
}

function disposeStore(store: RowStore): void {
  store.x.dispose();
  store.labels.dispose();
  store.targets.dispose();
}
