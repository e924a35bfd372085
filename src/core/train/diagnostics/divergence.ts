import type { BatchPoint, EpochMetrics, LossName } from '../types';
import { fmt } from './format';
import { CROSS_ENTROPY_CEILING, THRESHOLDS, type Finding } from './types';

const T = THRESHOLDS.divergence;

/** Why and where a run diverged. */
export interface DivergenceEvent {
  /** The batch step at which training must stop. */
  step: number;
  epoch: number;
  explanation: string;
  /** The steps and losses that show it. */
  steps: number[];
  values: number[];
}

const isCrossEntropy = (loss: LossName): boolean =>
  loss === 'categoricalCrossentropy' || loss === 'binaryCrossentropy';

/**
 * A streaming divergence check: push each batch as it ends, O(1) per batch, and stop
 * training on the first event it returns. Later pushes after an event return that event.
 */
export function createDivergenceMonitor(
  loss: LossName,
): (point: BatchPoint) => DivergenceEvent | null {
  const ceiling = T.ceilingFraction * CROSS_ENTROPY_CEILING;
  let run: BatchPoint[] = [];
  let firstEpoch: number | null = null;
  let firstEpochMin = Infinity;
  let event: DivergenceEvent | null = null;

  return (p) => {
    if (event) return event;
    if (!Number.isFinite(p.loss)) {
      event = {
        step: p.step,
        epoch: p.epoch,
        explanation: `The training loss became ${String(p.loss)} at step ${p.step} (epoch ${p.epoch}): the weights overflowed.`,
        steps: [p.step],
        values: [p.loss],
      };
      return event;
    }
    if (isCrossEntropy(loss)) {
      run = p.loss >= ceiling ? [...run, p].slice(-T.consecutiveBatches) : [];
      if (run.length === T.consecutiveBatches) {
        event = {
          step: p.step,
          epoch: p.epoch,
          explanation:
            `The cross-entropy stayed at or above ${fmt(ceiling)} (${T.ceilingFraction} × its clipping ceiling ` +
            `−ln ${T.epsilon} ≈ ${fmt(CROSS_ENTROPY_CEILING)}) for ${T.consecutiveBatches} consecutive batches, ` +
            `up to step ${p.step} (epoch ${p.epoch}): the model is confidently wrong.`,
          steps: run.map((b) => b.step),
          values: run.map((b) => b.loss),
        };
      }
      return event;
    }
    firstEpoch ??= p.epoch;
    if (p.epoch === firstEpoch) firstEpochMin = Math.min(firstEpochMin, p.loss);
    if (firstEpochMin > 0 && p.loss > T.regressionFactor * firstEpochMin) {
      event = {
        step: p.step,
        epoch: p.epoch,
        explanation:
          `The training loss reached ${fmt(p.loss)} at step ${p.step} (epoch ${p.epoch}), more than ` +
          `${T.regressionFactor} × its first-epoch minimum of ${fmt(firstEpochMin)}.`,
        steps: [p.step],
        values: [p.loss],
      };
    }
    return event;
  };
}

/** The first batch step at which training must stop because the loss diverged, or null. */
export function divergenceAt(batchLosses: readonly BatchPoint[], loss: LossName): number | null {
  return findDivergence(batchLosses, loss)?.step ?? null;
}

/** The first divergence event in a run's batch losses, or null. */
export function findDivergence(
  batchLosses: readonly BatchPoint[],
  loss: LossName,
): DivergenceEvent | null {
  const push = createDivergenceMonitor(loss);
  for (const p of batchLosses) {
    const event = push(p);
    if (event) return event;
  }
  return null;
}

const REMEDIES = [
  { id: 'lr-divide-10', label: 'Learning rate ÷ 10' },
  { id: 'clip-gradients', label: 'Clip gradients' },
];

/** Divergence: a non-finite loss, a cross-entropy pinned at its ceiling, or an exploding MSE/MAE. */
export function detectDivergence(
  history: readonly EpochMetrics[],
  batches: readonly BatchPoint[],
  loss: LossName,
): Finding[] {
  const event = findDivergence(batches, loss);
  if (event) {
    return [
      {
        kind: 'divergence',
        severity: 'error',
        explanation: event.explanation,
        evidence: { chart: 'batch-loss', steps: event.steps, values: event.values },
        remedies: REMEDIES,
      },
    ];
  }
  const bad = history.find((e) => !Number.isFinite(e.loss) || !Number.isFinite(e.valLoss));
  if (!bad) return [];
  const which = Number.isFinite(bad.loss) ? 'validation' : 'training';
  const value = Number.isFinite(bad.loss) ? bad.valLoss : bad.loss;
  return [
    {
      kind: 'divergence',
      severity: 'error',
      explanation: `The ${which} loss became ${String(value)} at epoch ${bad.epoch}: the weights overflowed.`,
      evidence: { chart: 'loss', epochs: [bad.epoch], values: [value] },
      remedies: REMEDIES,
    },
  ];
}
