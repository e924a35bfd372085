/**
 * The learning-rate range test's bookkeeping, as fast.ai's `lr_find` does it
 * (fastai/callback/schedule.py `LRFinder`, fastai/learner.py `AvgSmoothLoss`): the rate
 * grows exponentially from 1e-7 to 10 over 100 batches, each batch's loss goes into a
 * debiased exponential moving average (β = 0.98), and the test stops once that smoothed
 * loss exceeds 4× its best. No TF.js here: findLearningRate.ts drives it.
 */

export interface RangeTestOptions {
  startLr: number;
  endLr: number;
  /** Batches in the schedule (fast.ai raises anything below 6 to 6). */
  numIt: number;
  /** The smoothing's weight of the running average. */
  beta: number;
  /** Stop once the smoothed loss exceeds this many times its best. */
  divergeFactor: number;
}

/** fast.ai's defaults: `lr_find(start_lr=1e-7, end_lr=10, num_it=100)`, `AvgSmoothLoss(beta=0.98)`. */
export const LR_FINDER_DEFAULTS: RangeTestOptions = {
  startLr: 1e-7,
  endLr: 10,
  numIt: 100,
  beta: 0.98,
  divergeFactor: 4,
};

/** One batch of the test: its rate, the smoothed loss after it, and its own loss. */
export interface FinderPoint {
  lr: number;
  /** The debiased moving average after this batch: what is plotted and suggested from. */
  loss: number;
  /** This batch's loss; NaN for points recorded without training (see `record`). */
  rawLoss: number;
}

/** Why a test ended: the whole schedule ran, the loss diverged (4×), or it became NaN. */
export type RangeTestEnd = 'end' | 'diverged' | 'nan';

/**
 * The rate of batch `i` (from 0): fast.ai's SchedExp at pos = i / numIt, set before the
 * batch, so the last batch trains just short of `endLr`.
 */
export function rangeTestRate(i: number, options: RangeTestOptions = LR_FINDER_DEFAULTS): number {
  const { startLr, endLr } = options;
  return startLr * (endLr / startLr) ** (i / effectiveNumIt(options));
}

/** fast.ai's LRFinder: `if num_it < 6: num_it = 6`. */
export function effectiveNumIt(options: RangeTestOptions): number {
  return Math.max(6, options.numIt);
}

/** The record of one range test, fed one batch loss at a time. */
export class RangeTest {
  readonly points: FinderPoint[] = [];
  private average = 0;
  private count = 0;
  private best = Infinity;
  private ended: RangeTestEnd | null = null;

  constructor(readonly options: RangeTestOptions = LR_FINDER_DEFAULTS) {}

  /** The rate to train the next batch with; null once the test has ended. */
  get nextRate(): number | null {
    return this.ended ? null : rangeTestRate(this.points.length, this.options);
  }

  get end(): RangeTestEnd | null {
    return this.ended;
  }

  /** Records the loss of the batch trained at `nextRate`; returns why the test ends, or null. */
  record(rawLoss: number): RangeTestEnd | null {
    const lr = this.nextRate;
    if (lr === null) throw new Error('The range test has ended.');
    const { beta, divergeFactor } = this.options;
    this.count += 1;
    // torch.lerp(loss, val, beta) = loss + beta × (val − loss), then the debiasing.
    this.average = rawLoss + beta * (this.average - rawLoss);
    const loss = this.average / (1 - beta ** this.count);
    this.points.push({ lr, loss, rawLoss });
    if (loss < this.best) this.best = loss;
    if (loss > divergeFactor * this.best) return (this.ended = 'diverged');
    if (!Number.isFinite(loss)) {
      // A NaN never compares above 4× the best, so fast.ai trains on to num_it and every
      // later smoothed loss is NaN too (the average carries it). Record those NaNs without
      // training: the suggestions (cut at the first NaN) are the ones fast.ai would give.
      // An infinite loss with no finite best yet is treated the same way.
      for (let i = this.points.length; i < effectiveNumIt(this.options); i++) {
        this.points.push({ lr: rangeTestRate(i, this.options), loss: NaN, rawLoss: NaN });
      }
      return (this.ended = 'nan');
    }
    if (this.points.length >= effectiveNumIt(this.options)) return (this.ended = 'end');
    return null;
  }
}
