/**
 * Batches of a dataset, as plain typed arrays (the loop turns them into tensors).
 *
 * Batch order is a new seeded permutation of the training rows each epoch (seed and
 * epoch fix it), so a run is reproducible. The last, partial batch is kept so every row
 * is seen each epoch, padded with zero rows up to the batch size: every batch then has one
 * shape, so WebGL compiles its programs once, in the first batches, and never again (a
 * remainder, validation or test batch of its own size would compile a new set). The loss
 * and metrics ignore padded rows through the row mask (trainStep.ts, evaluate.ts).
 */
import type { Dataset } from '../data/types';
import { deriveSeed, makeRng, shuffleInPlace, type Rng } from './random';
import { finishImageBatch } from '../data/images/batch';

export interface Batch {
  /** Row-major float features, `size × featureSize`, already scaled by `xScale`. */
  x: Float32Array;
  /** Labels (class index or value) of the same rows. */
  y: Float32Array;
  /** Real rows: the first `size` rows of `x` and `y`. */
  size: number;
  /** Rows in `x` and `y`: `size` real rows, then zero rows up to the batch size. */
  padded: number;
  /** Dataset row of each real example. */
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
  pad = true,
): Generator<Batch> {
  const augmentRng = augmentRngOf(ds, seed, epoch);
  yield* orderedBatches(ds, epochOrder(rows, seed, epoch), batchSize, { augmentRng, pad });
}

/** The image augmentation stream of one epoch, or undefined without augmentation. */
export function augmentRngOf(ds: Dataset, seed: number, epoch: number): Rng | undefined {
  return ds.imagePipeline?.augmentation
    ? makeRng(deriveSeed(seed + epoch, AUGMENT_SALT))
    : undefined;
}

/**
 * Batches of the rows in the given order (evaluation, prediction), each padded to the
 * batch size unless `pad` is false.
 */
export function* orderedBatches(
  ds: Dataset,
  rows: Int32Array,
  batchSize: number,
  opts: { augmentRng?: Rng; pad?: boolean } = {},
): Generator<Batch> {
  for (const slice of batchSlices(rows, batchSize)) {
    yield gatherBatch(ds, slice, opts.augmentRng, opts.pad === false ? slice.length : batchSize);
  }
}

/** The rows of each batch, in order: consecutive slices of `batchSize` (the last may be short). */
export function* batchSlices(rows: Int32Array, batchSize: number): Generator<Int32Array> {
  if (!(batchSize >= 1)) throw new RangeError('Batch size must be at least 1.');
  for (let start = 0; start < rows.length; start += batchSize) {
    yield rows.subarray(start, Math.min(start + batchSize, rows.length));
  }
}

/**
 * Copies the given rows out of the dataset, turning image bytes into scaled floats, and
 * pads with zero rows up to `padTo` rows.
 */
export function gatherBatch(
  ds: Dataset,
  rows: Int32Array,
  augmentRng?: Rng,
  padTo = rows.length,
): Batch {
  const featureSize = ds.x.length / ds.n;
  const padded = Math.max(padTo, rows.length);
  const x = new Float32Array(padded * featureSize);
  const y = new Float32Array(padded);
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
    const real = x.subarray(0, rows.length * featureSize);
    finishImageBatch(real, rows.length, ds.featureShape, ds.imagePipeline, augmentRng ?? null);
  }
  return { x, y, size: rows.length, padded, rows: rows.slice() };
}
