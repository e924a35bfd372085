/** The split of an upload with top-level train/ and test/ folders. */
import type { TaskKind } from '../../graph/types';
import { stratifiedSplit } from '../split';
import type { SplitIndices, SplitRatios } from '../types';

/**
 * Rows flagged in `isTest` are the test split as the user made it; the other rows are
 * split into training and validation (stratified, seeded) in the ratio train : validation.
 */
export function predefinedSplit(
  labels: Float32Array,
  task: TaskKind,
  isTest: Uint8Array,
  ratios: SplitRatios,
  seed: number,
): SplitIndices {
  const trainPool: number[] = [];
  const test: number[] = [];
  isTest.forEach((flag, row) => (flag ? test : trainPool).push(row));
  const share = ratios.train + ratios.validation;
  const inner = stratifiedSplit(
    Float32Array.from(trainPool, (row) => labels[row]!),
    task,
    { train: ratios.train / share, validation: ratios.validation / share, test: 0 },
    seed,
  );
  const back = (rows: Int32Array) => Int32Array.from(rows, (i) => trainPool[i]!);
  return {
    train: back(inner.train),
    validation: back(inner.validation),
    test: Int32Array.from(test),
  };
}
