/**
 * The inner buckets [start, end) of a series of `n` points reduced to `maxPoints`: the
 * first and last points stay on their own, the rest are split into maxPoints − 2 runs of
 * consecutive points (some may be empty). Shared by the chart and the stored-run reducers.
 */
export function innerBuckets(n: number, maxPoints: number): [number, number][] {
  const inner = maxPoints - 2;
  const bucket = (n - 2) / inner;
  const out: [number, number][] = [];
  for (let b = 0; b < inner; b++) {
    out.push([1 + Math.floor(b * bucket), Math.min(n - 1, 1 + Math.floor((b + 1) * bucket))]);
  }
  return out;
}

/**
 * Reduces a series to at most `maxPoints` points by averaging equal-width buckets of
 * consecutive points, so a chart of 50,000 batches draws 1,000 points and keeps the trend.
 * The first and last points are kept exactly.
 */
export function downsampleMean<T extends { x: number; y: number }>(
  points: readonly T[],
  maxPoints: number,
): { x: number; y: number }[] {
  if (maxPoints < 2) throw new Error('maxPoints must be at least 2');
  const n = points.length;
  if (n <= maxPoints) return points.map((p) => ({ x: p.x, y: p.y }));
  const out: { x: number; y: number }[] = [];
  const first = points[0]!;
  const last = points[n - 1]!;
  out.push({ x: first.x, y: first.y });
  for (const [start, end] of innerBuckets(n, maxPoints)) {
    let sx = 0;
    let sy = 0;
    let count = 0;
    for (let i = start; i < end; i++) {
      const p = points[i]!;
      if (!Number.isFinite(p.y)) continue;
      sx += p.x;
      sy += p.y;
      count++;
    }
    if (count > 0) out.push({ x: sx / count, y: sy / count });
  }
  out.push({ x: last.x, y: last.y });
  return out;
}
