/**
 * The messages of a run stopped because training diverged: where (epoch, batch, global
 * step — the 0-based step the batch-loss chart and the diagnostics use), which rule, and
 * the remedies in words. The status line shows them after "Failed: ".
 */
import type { DivergenceEvent } from './diagnostics/divergence';

/** The remedies of a diverged run, in words (the diagnostics offer them as buttons). */
export const DIVERGENCE_REMEDIES = 'try learning rate ÷ 10 or clip gradients';

/** Where a batch is in the run. */
export interface BatchAt {
  epoch: number;
  /** 1-based within the epoch. */
  batch: number;
  /** Global step, 0-based. */
  step: number;
}

/** The loss of a batch was NaN or infinite. */
export function nonFiniteLossMessage(loss: number, at: BatchAt): string {
  const what = Number.isNaN(loss) ? 'NaN' : 'infinite';
  return `Loss became ${what} at epoch ${at.epoch}, batch ${at.batch} (step ${at.step}): ${DIVERGENCE_REMEDIES}.`;
}

/** The streaming divergence check fired (diagnostics/divergence.ts). */
export function divergedMessage(event: DivergenceEvent, at: BatchAt): string {
  const remedies = DIVERGENCE_REMEDIES.charAt(0).toUpperCase() + DIVERGENCE_REMEDIES.slice(1);
  return `Training diverged at epoch ${at.epoch}, batch ${at.batch} (step ${at.step}). ${event.explanation} ${remedies}.`;
}

/** A weight read back at the end of an epoch was NaN or infinite; `at` is its last batch. */
export function nonFiniteWeightsMessage(at: BatchAt): string {
  return `Weights became non-finite at epoch ${at.epoch} (after batch ${at.batch}, step ${at.step}): ${DIVERGENCE_REMEDIES}.`;
}
