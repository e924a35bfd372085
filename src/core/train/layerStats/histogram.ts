import { HISTOGRAM_BUCKETS, type Histogram } from './types';

/**
 * TensorBoard's histogram: `buckets` equal-width buckets over [min, max] (the maximum
 * falls in the last), or one bucket [v − 0.5, v + 0.5] when all values equal v.
 * Non-finite values are left out; no finite value gives no buckets.
 */
export function histogram(values: ArrayLike<number>, buckets = HISTOGRAM_BUCKETS): Histogram {
  let min = Infinity;
  let max = -Infinity;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    n += 1;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) return { left: 0, right: 0, counts: [] };
  if (min === max) return { left: min - 0.5, right: max + 0.5, counts: [n] };
  const counts = new Array<number>(buckets).fill(0);
  const width = (max - min) / buckets;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    counts[Math.min(Math.floor((v - min) / width), buckets - 1)]! += 1;
  }
  return { left: min, right: max, counts };
}
