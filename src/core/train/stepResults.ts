/**
 * What the loop does with steps once they are read back (stepReadback.ts), in step order:
 * the NaN and divergence checks, the epoch's totals, the batch points and progress, and
 * honest speed figures (warm-up left out, time between reads only).
 */
import type { DivergenceEvent } from './diagnostics/divergence';
import { divergedMessage, nonFiniteLossMessage, type BatchAt } from './divergenceStop';
import type { ReadStep } from './stepReadback';
import type { BatchPoint, Progress } from './types';

/** Batches at the start of a run that compile shaders: left out of speed and ETA. */
export const WARMUP_BATCHES = 3;

/** Steps and samples timed so far (warm-up excluded), and every step read. */
export interface Speed {
  batches: number;
  samples: number;
  ms: number;
}

/** The running sums of an epoch over the steps handled so far. */
export interface StepTotals {
  lossSum: number;
  metricSum: number;
  seen: number;
}

export interface StepResultContext {
  diverged: (point: BatchPoint) => DivergenceEvent | null;
  /** A reason the backend is gone (then a bad read is garbage, not a divergence), else null. */
  interruption: () => string | null;
  onBatch?(point: BatchPoint): void;
  onProgress?(progress: Progress): void;
  /** Progress of the step just handled, from the speed so far and the epoch's totals. */
  progressAt(at: BatchAt, speed: Speed, totals: StepTotals): Progress;
}

/** Why the steps read back end the run, at which step. */
export type StepProblem =
  { kind: 'failed'; message: string; at: BatchAt } | { kind: 'interrupted'; message: string };

/**
 * Handles a read of steps that took `ms` since the previous read (or since the epoch's
 * work resumed). The read is timed only when all its steps are past the warm-up. Stops at
 * the first step with a non-finite loss or a divergence: the steps after it count nowhere.
 */
export function handleReadSteps(
  read: readonly ReadStep[],
  ms: number,
  speed: Speed,
  totals: StepTotals,
  ctx: StepResultContext,
): StepProblem | null {
  if (speed.batches >= WARMUP_BATCHES) {
    speed.samples += read.reduce((a, s) => a + s.size, 0);
    speed.ms += ms;
  }
  speed.batches += read.length;
  for (const s of read) {
    const point = { step: s.at.step, epoch: s.at.epoch, loss: s.loss, t: s.t };
    // A lost context reads back garbage: that is an interruption, not a divergence.
    const divergence = Number.isFinite(s.loss) ? ctx.diverged(point) : null;
    if (!Number.isFinite(s.loss) || divergence) {
      const lost = ctx.interruption();
      if (lost) return { kind: 'interrupted', message: lost };
      // The batches that show a divergence are its evidence: they stay on the chart.
      if (divergence) ctx.onBatch?.(point);
      const message = divergence
        ? divergedMessage(divergence, s.at)
        : nonFiniteLossMessage(s.loss, s.at);
      return { kind: 'failed', message, at: s.at };
    }
    totals.lossSum += s.loss * s.size;
    totals.metricSum += s.metric;
    totals.seen += s.size;
    ctx.onBatch?.(point);
    ctx.onProgress?.(ctx.progressAt(s.at, speed, totals));
  }
  return null;
}

/** Progress after a step: speed and ETA once the warm-up batches are behind. */
export function progressOf(
  speed: Speed,
  at: { epoch: number; epochs: number; batch: number; batches: number; samplesLeft: number },
): Progress {
  const warmingUp = speed.batches <= WARMUP_BATCHES;
  const samplesPerSec = !warmingUp && speed.ms > 0 ? (speed.samples * 1000) / speed.ms : null;
  return {
    epoch: at.epoch,
    epochs: at.epochs,
    batch: at.batch,
    batches: at.batches,
    samplesPerSec,
    etaSec: samplesPerSec ? at.samplesLeft / samplesPerSec : null,
    warmingUp,
  };
}
