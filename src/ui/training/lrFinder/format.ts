/** A learning rate as people write it: 1e-7, 0.001, 0.0631. */
export function formatRate(rate: number): string {
  if (!Number.isFinite(rate)) return String(rate);
  return rate < 1e-4 ? rate.toExponential(0) : String(Number(rate.toPrecision(3)));
}
