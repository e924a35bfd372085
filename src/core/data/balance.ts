/** Class balance of a dataset: majority baseline and whether the classes are imbalanced. */

export interface ClassBalance {
  /** Accuracy of always predicting the largest class. */
  majorityBaseline: number;
  majorityClass: number;
  /** Largest / smallest class count (Infinity when a class is empty). */
  ratio: number;
  /** Classes under 5% of rows. */
  rareClasses: number[];
  imbalanced: boolean;
}

export const IMBALANCE_RATIO = 3;
export const RARE_SHARE = 0.05;

/** Balance facts from class counts; null without classes. */
export function classBalance(counts: readonly number[]): ClassBalance | null {
  const n = counts.reduce((a, b) => a + b, 0);
  if (counts.length < 2 || n === 0) return null;
  let majorityClass = 0;
  counts.forEach((c, k) => {
    if (c > counts[majorityClass]!) majorityClass = k;
  });
  const max = counts[majorityClass]!;
  const min = Math.min(...counts);
  const ratio = min === 0 ? Infinity : max / min;
  const rareClasses = counts.flatMap((c, k) => (c / n < RARE_SHARE ? [k] : []));
  return {
    majorityBaseline: max / n,
    majorityClass,
    ratio,
    rareClasses,
    imbalanced: ratio >= IMBALANCE_RATIO || rareClasses.length > 0,
  };
}
