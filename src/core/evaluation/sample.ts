/**
 * Which rows of a large split keep their outputs: a seeded, stratified sample, so the
 * stored examples keep the class balance and the same run always keeps the same rows.
 */
import type { TaskKind } from '../graph/types';
import { stratifiedSample } from '../data/split';
import { deriveSeed } from '../train/random';

/** The most rows whose outputs a run stores for one split. */
export const MAX_STORED_OUTPUTS = 10_000;

// Keeps this sample's stream apart from the split and the dataset sample of the same seed.
const OUTPUT_SAMPLE_SALT = 11;

/**
 * Positions (0..n−1, ascending) of at most `limit` rows of a split with these labels:
 * every row when the split is small enough, else a seeded sample, stratified by class
 * for classification (each class within one row of its share).
 */
export function outputSampleRows(
  labels: Float32Array,
  task: TaskKind,
  seed: number,
  limit = MAX_STORED_OUTPUTS,
): Int32Array {
  if (labels.length <= limit) return Int32Array.from({ length: labels.length }, (_, i) => i);
  return stratifiedSample(labels, task, limit, deriveSeed(seed, OUTPUT_SAMPLE_SALT));
}
