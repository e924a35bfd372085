/**
 * Batches of a dataset, as plain typed arrays (the loop turns them into tensors).
 *
 * Batch order is a new seeded permutation of the training rows each epoch (seed and
 * epoch fix it), so a run is reproducible. The last, partial batch is kept so every row
 * is seen each epoch. Its different shape costs one extra set of shader compiles on
 * WebGL, once per run (the same remainder recurs every epoch), which is cheaper than
 * silently dropping rows of a small dataset.
 */
import type { Dataset } from '../data/types';
import { deriveSeed, makeRng, shuffleInPlace, type Rng } from './random';
import { finishImageBatch } from '../data/images/batch';

export interface Batch {
  /** Row-major float features, `size × featureSize`, already scaled by `xScale`. */
  x: Float32Array;
  /** Labels (class index or value) of the same rows. */
  y: Float32Array;
  size: number;
  /** Dataset row of each example. */
  rows: Int32Array;
}

// Keeps batch order independent of the split and synthetic streams of the same seed.
const BATCH_SALT = 3;
// Image augmentation draws from its own stream, fixed by seed and epoch.
const AUGMENT_SALT = 5;

/** Number of batches for `n` rows, the partial last batch included. */
export function batchCount(n: number, batchSize: number): number {
  return Math.ceil(n / batchSize);
}

/** The row order of one epoch: a permutation fixed by seed and epoch. */
export function epochOrder(rows: Int32Array, seed: number, epoch: number): Int32Array {
  return shuffleInPlace(rows.slice(), makeRng(deriveSeed(seed + epoch, BATCH_SALT)));
}

/** Shuffled training batches of one epoch (1-based or 0-based: any integer works). */
export function* trainingBatches(
  ds: Dataset,
  rows: Int32Array,
  batchSize: number,
  seed: number,
  epoch: number,
): Generator<Batch> {
  const augmentRng = ds.imagePipeline?.augmentation
    ? makeRng(deriveSeed(seed + epoch, AUGMENT_SALT))
    : undefined;
  yield* orderedBatches(ds, epochOrder(rows, seed, epoch), batchSize, augmentRng);
}

/** Batches of the rows in the given order (evaluation, prediction). */
export function* orderedBatches(
  ds: Dataset,
  rows: Int32Array,
  batchSize: number,
  augmentRng?: Rng,
): Generator<Batch> {
  if (!(batchSize >= 1)) throw new RangeError('Batch size must be at least 1.');
  for (let start = 0; start < rows.length; start += batchSize) {
    yield gatherBatch(
      ds,
      rows.subarray(start, Math.min(start + batchSize, rows.length)),
      augmentRng,
    );
  }
}

/** Copies the given rows out of the dataset, turning image bytes into scaled floats. */
export function gatherBatch(ds: Dataset, rows: Int32Array, augmentRng?: Rng): Batch {
  const featureSize = ds.x.length / ds.n;
  const x = new Float32Array(rows.length * featureSize);
  const y = new Float32Array(rows.length);
  const scale = ds.xScale;
  rows.forEach((row, i) => {
    const src = ds.x.subarray(row * featureSize, (row + 1) * featureSize);
    if (scale === 1 && src instanceof Float32Array) {
      x.set(src, i * featureSize);
    } else {
      const offset = i * featureSize;
      for (let j = 0; j < featureSize; j++) x[offset + j] = src[j]! * scale;
    }
    y[i] = ds.y[row]!;
  });
  if (ds.imagePipeline) {
    finishImageBatch(x, rows.length, ds.featureShape, ds.imagePipeline, augmentRng ?? null);
  }
  return { x, y, size: rows.length, rows: rows.slice() };
}
