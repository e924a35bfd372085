/**
 * fast.ai's learning-rate suggestions from a range test (fastai/callback/schedule.py
 * `valley`, `steep` and `Learner.lr_find`), ported line for line so they pick the same
 * points: both read the smoothed losses from the num_it/10-th point to the fifth from
 * last, cut at the first NaN.
 */
import type { FinderPoint } from './rangeTest';

/** A suggested rate and the point of the curve it marks. */
export interface Suggestion {
  lr: number;
  loss: number;
}

export type SuggestionRule = 'valley' | 'steep';

export type Suggestions = Record<SuggestionRule, Suggestion | null>;

/** The rules by name, with the label the form shows; valley is fast.ai's default. */
export const SUGGESTION_RULES: readonly { rule: SuggestionRule; label: string }[] = [
  { rule: 'valley', label: 'Valley (fast.ai default)' },
  { rule: 'steep', label: 'Steepest descent' },
];

/** The points suggestions read: `[num_it // 10 : -5]`, then cut at the first NaN loss. */
export function suggestionWindow(
  points: readonly FinderPoint[],
  numIt: number,
): { lrs: number[]; losses: number[] } {
  // JavaScript's slice treats a negative end as Python's does (len − 5, at least 0).
  const window = points.slice(Math.floor(numIt / 10), -5);
  const firstNaN = window.findIndex((p) => Number.isNaN(p.loss));
  const kept = firstNaN < 0 ? window : window.slice(0, firstNaN);
  return { lrs: kept.map((p) => p.lr), losses: kept.map((p) => p.loss) };
}

/**
 * fast.ai's `valley`: the longest decreasing run of losses (a longest decreasing
 * subsequence ending at each point, by O(n²) dynamic programming), then the point 1/3 +
 * 1/6 of the way along it. Null when there are no points.
 */
export function valley(lrs: readonly number[], losses: readonly number[]): Suggestion | null {
  const n = losses.length;
  if (n === 0) return null;
  let maxStart = 0;
  let maxEnd = 0;
  const lds = new Array<number>(n).fill(1);
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (losses[i]! < losses[j]! && lds[i]! < lds[j]! + 1) lds[i] = lds[j]! + 1;
      // Inside the inner loop, as in fast.ai (and with its start one before the run's).
      if (lds[maxEnd]! < lds[i]!) {
        maxEnd = i;
        maxStart = maxEnd - lds[maxEnd]!;
      }
    }
  }
  const sections = (maxEnd - maxStart) / 3;
  // Python's int() truncates; both terms are ≥ 0, so it is Math.floor.
  const idx = maxStart + Math.floor(sections) + Math.floor(sections / 2);
  return { lr: lrs[idx]!, loss: losses[idx]! };
}

/**
 * fast.ai's `steep`: the rate where the loss falls fastest against log(rate), i.e. the
 * left end of the segment with the most negative slope. Null for fewer than two points.
 */
export function steep(lrs: readonly number[], losses: readonly number[]): Suggestion | null {
  if (losses.length < 2) return null;
  let best = 0;
  let bestGrad = Infinity;
  for (let i = 0; i + 1 < losses.length; i++) {
    const grad = (losses[i + 1]! - losses[i]!) / (Math.log(lrs[i + 1]!) - Math.log(lrs[i]!));
    // torch.argmin returns the first minimum, and a NaN counts as below everything.
    if (Number.isNaN(grad)) {
      best = i;
      break;
    }
    if (grad < bestGrad) {
      bestGrad = grad;
      best = i;
    }
  }
  return { lr: lrs[best]!, loss: losses[best]! };
}

/** Both rules' suggestions for a finished range test of `numIt` batches. */
export function suggestLearningRates(points: readonly FinderPoint[], numIt: number): Suggestions {
  const { lrs, losses } = suggestionWindow(points, numIt);
  return { valley: valley(lrs, losses), steep: steep(lrs, losses) };
}
