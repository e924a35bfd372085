import type { BatchPoint } from '../train/types';
import { innerBuckets } from './downsample';

/**
 * Reduces per-batch points to at most `maxPoints` for storage: consecutive points are
 * averaged in equal buckets (non-finite losses are skipped unless a bucket has only
 * those); each bucket keeps the step, epoch and time of its last point. The first and
 * last points are kept exactly.
 */
export function downsampleBatches(points: readonly BatchPoint[], maxPoints: number): BatchPoint[] {
  if (maxPoints < 2) throw new Error('maxPoints must be at least 2');
  const n = points.length;
  if (n <= maxPoints) return points.map((p) => ({ ...p }));
  const out: BatchPoint[] = [{ ...points[0]! }];
  for (const [start, end] of innerBuckets(n, maxPoints)) {
    if (end <= start) continue;
    let sum = 0;
    let count = 0;
    for (let i = start; i < end; i++) {
      const loss = points[i]!.loss;
      if (Number.isFinite(loss)) {
        sum += loss;
        count++;
      }
    }
    const last = points[end - 1]!;
    out.push({ ...last, loss: count > 0 ? sum / count : last.loss });
  }
  out.push({ ...points[n - 1]! });
  return out;
}
