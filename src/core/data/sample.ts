import { stratifiedSample } from './split';
import type { Dataset } from './types';

// The sample is part of the dataset, not of a run: the same limit gives the same rows
// whatever the training seed.
const SAMPLE_SEED = 1;

/** The dataset restricted to the given rows, in that order. */
export function subsetDataset(ds: Dataset, rows: Int32Array, name = ds.name): Dataset {
  const featureSize = ds.x.length / ds.n;
  const x =
    ds.x instanceof Uint8Array
      ? new Uint8Array(rows.length * featureSize)
      : new Float32Array(rows.length * featureSize);
  rows.forEach((row, i) =>
    x.set(ds.x.subarray(row * featureSize, (row + 1) * featureSize), i * featureSize),
  );
  return { ...ds, name, x, y: Float32Array.from(rows, (r) => ds.y[r]!), n: rows.length };
}

/**
 * A seeded, stratified sample of at most `limit` rows, for quick experiments; the whole
 * dataset when the limit is absent or not smaller than it.
 */
export function sampleDataset(ds: Dataset, limit: number | undefined): Dataset {
  if (limit === undefined || limit >= ds.n) return ds;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError('The number of examples to use must be a whole number of at least 1.');
  }
  const rows = stratifiedSample(ds.y, ds.task, limit, SAMPLE_SEED);
  return subsetDataset(ds, rows, `${ds.name}, sample of ${rows.length}`);
}
