/** Range-test curves for the suggestion tests, on fast.ai's exact schedule. */
import { makeRng } from '../random';
import { LR_FINDER_DEFAULTS, rangeTestRate, type FinderPoint } from './rangeTest';

const NUM_IT = LR_FINDER_DEFAULTS.numIt;

/** Points at the schedule's rates whose smoothed losses are `loss(log10 rate, i)`. */
export function curve(loss: (log10Lr: number, i: number) => number, n = NUM_IT): FinderPoint[] {
  return Array.from({ length: n }, (_, i) => {
    const lr = rangeTestRate(i);
    const l = loss(Math.log10(lr), i);
    return { lr, loss: l, rawLoss: l };
  });
}

/** The usual shape: flat, a long descent around 1e-3, a minimum, then divergence; seeded noise. */
export function typicalCurve(seed: number, noise: number, n = NUM_IT): FinderPoint[] {
  const rng = makeRng(seed);
  return curve(
    (x) => 2.3 - 1.6 / (1 + Math.exp(-2.5 * (x + 3))) + Math.exp(2 * x) + noise * (rng() - 0.5),
    n,
  );
}
