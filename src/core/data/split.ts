import type { TaskKind } from '../graph/types';
import { deriveSeed, makeRng, shuffleInPlace } from '../train/random';
import type { SplitIndices, SplitRatios } from './types';

// Keeps the split's random stream apart from batch order and weight init of the same seed.
const SPLIT_SALT = 1;
const SAMPLE_SALT = 5;

/** A human message when the ratios cannot describe a split, else null. */
export function validateSplitRatios(ratios: SplitRatios): string | null {
  const parts = [ratios.train, ratios.validation, ratios.test];
  if (parts.some((p) => !Number.isFinite(p) || p < 0)) {
    return 'Split fractions must be numbers of at least 0.';
  }
  if (!(ratios.train > 0)) return 'The training split must be larger than 0.';
  const sum = parts.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-6) {
    return `Split fractions must add up to 1 (they add up to ${sum.toFixed(3)}).`;
  }
  return null;
}

/**
 * Seeded train/validation/test split. Classification splits each class separately, so
 * every split keeps the class balance (each class within one row of its ratio);
 * regression uses one seeded permutation. Same labels, ratios and seed give the same split.
 * Indices in each split are ascending; batch order is shuffled later, per epoch.
 */
export function stratifiedSplit(
  labels: Float32Array,
  task: TaskKind,
  ratios: SplitRatios,
  seed: number,
): SplitIndices {
  const problem = validateSplitRatios(ratios);
  if (problem) throw new RangeError(problem);
  const rng = makeRng(deriveSeed(seed, SPLIT_SALT));
  const groups = task === 'regression' ? [allIndices(labels.length)] : groupByClass(labels);
  const train: number[] = [];
  const validation: number[] = [];
  const test: number[] = [];
  for (const group of groups) {
    shuffleInPlace(group, rng);
    const [nTrain, nVal] = allocate(group.length, ratios);
    for (let i = 0; i < group.length; i++) {
      const target = i < nTrain ? train : i < nTrain + nVal ? validation : test;
      target.push(group[i]!);
    }
  }
  const sorted = (a: number[]) => Int32Array.from(a).sort();
  return { train: sorted(train), validation: sorted(validation), test: sorted(test) };
}

function allIndices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/**
 * Row indices per class, classes in ascending label order (deterministic): of all rows,
 * or of `rows` only (kept in their given order within each class).
 */
export function groupByClass(labels: Float32Array, rows?: ArrayLike<number>): number[][] {
  const byClass = new Map<number, number[]>();
  const n = rows ? rows.length : labels.length;
  for (let k = 0; k < n; k++) {
    const i = rows ? rows[k]! : k;
    const key = Math.round(labels[i]!);
    const list = byClass.get(key);
    if (list) list.push(i);
    else byClass.set(key, [i]);
  }
  return [...byClass.entries()].sort((a, b) => a[0] - b[0]).map(([, group]) => group);
}

/**
 * Largest-remainder rounding of n × ratios: the counts add up to n and each is within
 * one of its exact share, where naive rounding could overshoot n (0.5 + 0.5 of one row).
 */
function allocate(n: number, ratios: SplitRatios): [number, number, number] {
  const exact = [n * ratios.train, n * ratios.validation, n * ratios.test];
  const counts = exact.map(Math.floor);
  let left = n - counts.reduce((a, b) => a + b, 0);
  const byRemainder = [0, 1, 2].sort((a, b) => exact[b]! - counts[b]! - (exact[a]! - counts[a]!));
  for (const k of byRemainder) {
    if (left <= 0) break;
    // Ties (e.g. a 0-ratio split) never take a row they have no share of.
    if (exact[k]! - counts[k]! <= 0) continue;
    counts[k]! += 1;
    left -= 1;
  }
  // Float error (sum slightly below 1) can leave a row: it goes to training.
  counts[0]! += left;
  return [counts[0]!, counts[1]!, counts[2]!];
}

/**
 * A seeded sample of min(limit, n) rows (ascending) keeping the class balance: each
 * class gets its share of the sample within one row, and the total is exact.
 */
export function stratifiedSample(
  labels: Float32Array,
  task: TaskKind,
  limit: number,
  seed: number,
): Int32Array {
  const n = labels.length;
  const m = Math.max(0, Math.min(Math.floor(limit), n));
  const rng = makeRng(deriveSeed(seed, SAMPLE_SALT));
  const groups = task === 'regression' ? [allIndices(n)] : groupByClass(labels);
  const exact = groups.map((g) => (n === 0 ? 0 : (m * g.length) / n));
  const counts = exact.map(Math.floor);
  let left = m - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((_, k) => k)
    .sort((a, b) => exact[b]! - counts[b]! - (exact[a]! - counts[a]!));
  for (const k of byRemainder) {
    if (left <= 0) break;
    counts[k]! += 1;
    left -= 1;
  }
  const rows: number[] = [];
  groups.forEach((group, k) => rows.push(...shuffleInPlace(group, rng).slice(0, counts[k])));
  return Int32Array.from(rows).sort();
}
