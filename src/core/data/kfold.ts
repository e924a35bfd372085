/**
 * Seeded, stratified k-fold splits for cross-validation over a run's non-test rows. The
 * test split is never among the rows given here, so no fold sees it.
 */
import type { TaskKind } from '../graph/types';
import { deriveSeed, makeRng, shuffleInPlace } from '../train/random';
import { groupByClass } from './split';

/** Folds of a cross-validated run. */
export const CROSS_VALIDATION_FOLDS = 5;
/** Above this many rows, five extra models cost more than they tell: the option is off. */
export const CROSS_VALIDATION_MAX_ROWS = 5000;

// Its own random stream: the folds do not move when batch order or the split's stream does.
const KFOLD_SALT = 7;

/** One fold: the rows its model trains on and the rows it is evaluated on, both ascending. */
export interface KFold {
  train: Int32Array;
  heldOut: Int32Array;
}

/**
 * Splits `rows` into k folds. Classification deals each class's shuffled rows round-robin
 * over the folds, continuing where the previous class stopped, so each fold holds every
 * class within one row of its share and fold sizes differ by at most one; regression deals
 * one seeded permutation. Same labels, rows, k and seed give the same folds.
 */
export function stratifiedKFold(
  labels: Float32Array,
  task: TaskKind,
  rows: Int32Array,
  k: number,
  seed: number,
): KFold[] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`k must be a whole number ≥ 2 (${k})`);
  const rng = makeRng(deriveSeed(seed, KFOLD_SALT));
  const groups = task === 'regression' ? [Array.from(rows)] : groupByClass(labels, rows);
  const heldOut: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const group of groups) {
    shuffleInPlace(group, rng);
    for (const row of group) {
      heldOut[next]!.push(row);
      next = (next + 1) % k;
    }
  }
  const ascending = (a: number[]) => Int32Array.from(a).sort();
  return heldOut.map((own, f) => ({
    train: ascending(heldOut.flatMap((other, g) => (g === f ? [] : other))),
    heldOut: ascending(own),
  }));
}

/** Why a dataset cannot be cross-validated (too many rows), or null when it can. */
export function crossValidationUnavailable(data: { n: number }): string | null {
  if (data.n <= CROSS_VALIDATION_MAX_ROWS) return null;
  return `Cross-validation is for datasets of at most ${CROSS_VALIDATION_MAX_ROWS.toLocaleString('en')} rows; this one has ${data.n.toLocaleString('en')}.`;
}
