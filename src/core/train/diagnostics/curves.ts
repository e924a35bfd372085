import type { EpochMetrics } from '../types';
import { fmt, pct } from './format';
import { THRESHOLDS, type DiagnosisInput, type Finding, type Remedy } from './types';

/** Trailing moving average over `window` values (shorter at the start). */
export function smooth(values: readonly number[], window: number): number[] {
  return values.map((_, i) => {
    const part = values.slice(Math.max(0, i - window + 1), i + 1);
    return part.reduce((a, b) => a + b, 0) / part.length;
  });
}

/**
 * Over-fitting: the validation loss above its running minimum by more than
 * max(minDelta, 2% of it) for ≥ 3 consecutive epochs while the smoothed training loss falls.
 */
export function detectOverfitting(input: DiagnosisInput): Finding[] {
  const T = THRESHOLDS.overfitting;
  const h = input.history;
  const train = smooth(
    h.map((e) => e.loss),
    T.smoothingWindow,
  );
  let minAt = 0;
  let streak: number[] = [];
  let found: { minAt: number; streak: number[] } | null = null;
  for (let i = 0; i < h.length; i++) {
    const min = h[minAt]!.valLoss;
    if (h[i]!.valLoss > min + Math.max(input.minDelta ?? 0, T.relativeRise * min)) {
      streak.push(i);
      if (streak.length >= T.epochs && train[i]! < train[streak[0]!]!)
        found = { minAt, streak: [...streak] };
    } else {
      streak = [];
      if (h[i]!.valLoss < min) minAt = i;
    }
  }
  if (!found) return [];
  const best = h[found.minAt]!;
  const last = h[found.streak[found.streak.length - 1]!]!;
  const layer = input.lastHiddenLayer ?? 'the last hidden layer';
  const remedies: Remedy[] = [
    { id: 'early-stopping', label: 'Early stopping' },
    { id: 'add-dropout', label: `Add Dropout 0.3 after ${layer}` },
    { id: 'add-l2', label: `Add L2 1e-4 to ${layer}` },
    ...(input.images ? [{ id: 'augment', label: 'Augment the images' }] : []),
    { id: 'fewer-units', label: 'Fewer units' },
  ];
  const shown = [found.minAt, ...found.streak];
  return [
    {
      kind: 'overfitting',
      severity: 'warning',
      explanation:
        `The validation loss rose from its minimum ${fmt(best.valLoss)} at epoch ${best.epoch} to ` +
        `${fmt(last.valLoss)} at epoch ${last.epoch}, more than max(min delta, ${pct(T.relativeRise)}) ` +
        `above it for ${found.streak.length} epochs (threshold ${T.epochs}), while the training loss kept falling.`,
      evidence: {
        chart: 'loss',
        epochs: shown.map((i) => h[i]!.epoch),
        values: shown.map((i) => h[i]!.valLoss),
      },
      remedies,
    },
  ];
}

/** The loss of predicting the class frequencies: the entropy of the training labels. */
function priorEntropy(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  return -counts.reduce((s, c) => (c > 0 ? s + (c / total) * Math.log(c / total) : s), 0);
}

/** Whether each value of the last `n` moves by less than `perEpoch` (relative) from the one before. */
function flat(values: readonly number[], n: number, perEpoch: number): boolean {
  if (values.length < n + 1) return false;
  const tail = values.slice(-(n + 1));
  return tail.slice(1).every((v, i) => Math.abs(v - tail[i]!) < perEpoch * Math.abs(tail[i]!));
}

// No remedy label may contain "train": the automation contract's Train button is found by
// that name, and a second button matching it would make it ambiguous (see remedies.test.ts).
const UNDERFIT_REMEDIES: Remedy[] = [
  { id: 'train-longer', label: 'More epochs (× 2)' },
  { id: 'wider', label: 'Wider layers' },
  { id: 'deeper', label: 'Deeper model' },
  { id: 'raise-lr', label: 'Raise the learning rate' },
];

/**
 * Under-fitting: training accuracy within 5 points of the majority baseline after ≥ 3
 * epochs, or both losses high (≥ 0.9 × the constant baseline's) and flat (< 1% per epoch).
 */
export function detectUnderfitting(input: DiagnosisInput): Finding[] {
  const T = THRESHOLDS.underfitting;
  const h = input.history;
  if (h.length < T.minEpochs) return [];
  const last = h[h.length - 1]!;
  const counts = input.classCounts;
  const total = counts?.reduce((a, b) => a + b, 0) ?? 0;
  if (input.task !== 'regression' && counts && total > 0 && last.accuracy !== undefined) {
    const majority = Math.max(...counts) / total;
    if (last.accuracy - majority < T.accuracyMargin) {
      return [
        {
          kind: 'underfitting',
          severity: 'warning',
          explanation:
            `After ${h.length} epochs the training accuracy is ${pct(last.accuracy)}, within ` +
            `${Math.round(T.accuracyMargin * 100)} points of the ${pct(majority)} a model always ` +
            `predicting the largest class gets.`,
          evidence: {
            chart: 'metric',
            epochs: h.map((e) => e.epoch),
            values: h.map((e) => e.accuracy ?? NaN),
          },
          remedies: UNDERFIT_REMEDIES,
        },
      ];
    }
  }
  const baseline =
    input.baselineLoss ??
    (input.task !== 'regression' && counts && total > 0 ? priorEntropy(counts) : undefined);
  if (baseline === undefined || !(baseline > 0)) return [];
  const high = T.highLossFraction * baseline;
  const train = h.map((e) => e.loss);
  const val = h.map((e) => e.valLoss);
  const isFlat = (v: number[]): boolean => flat(v, T.flatEpochs, T.flatChangePerEpoch);
  if (last.loss < high || last.valLoss < high || !isFlat(train) || !isFlat(val)) return [];
  return [
    {
      kind: 'underfitting',
      severity: 'warning',
      explanation:
        `The training and validation losses (${fmt(last.loss)} and ${fmt(last.valLoss)}) are at or above ` +
        `${T.highLossFraction} × the ${fmt(baseline)} of a constant prediction and moved less than ` +
        `${pct(T.flatChangePerEpoch)} per epoch over the last ${T.flatEpochs} epochs.`,
      evidence: {
        chart: 'loss',
        epochs: h.slice(-T.flatEpochs - 1).map((e) => e.epoch),
        values: val.slice(-T.flatEpochs - 1),
      },
      remedies: UNDERFIT_REMEDIES,
    },
  ];
}

function lrRemedies(input: DiagnosisInput, id: 'lr-times-10' | 'lr-divide-10'): Remedy[] {
  return [
    ...(input.lrFinder ? [{ id: 'find-lr', label: 'Find a learning rate' }] : []),
    id === 'lr-times-10'
      ? { id, label: 'Learning rate × 10' }
      : { id, label: 'Learning rate ÷ 10' },
  ];
}

/**
 * Learning rate too high (the training loss rising by > 5% at least twice, or ending above
 * its start, over the first 5 epochs) or too low (moving < 1% per epoch from the start).
 */
export function detectLearningRate(input: DiagnosisInput): Finding[] {
  const T = THRESHOLDS.learningRate;
  const early: EpochMetrics[] = input.history.slice(0, T.earlyEpochs);
  if (early.length < T.minEpochs || early.some((e) => !Number.isFinite(e.loss))) return [];
  const losses = early.map((e) => e.loss);
  const evidence = { chart: 'loss' as const, epochs: early.map((e) => e.epoch), values: losses };
  const rises = losses.slice(1).filter((v, i) => v > losses[i]! * (1 + T.riseFraction)).length;
  const first = losses[0]!;
  const end = losses[losses.length - 1]!;
  if (rises >= T.rises || end > first * (1 + T.riseFraction)) {
    return [
      {
        kind: 'lr-too-high',
        severity: 'warning',
        explanation:
          `Over the first ${early.length} epochs the training loss went from ${fmt(first)} to ${fmt(end)}, ` +
          (rises >= T.rises
            ? `rising by more than ${pct(T.riseFraction)} from one epoch to the next ${rises} times (threshold ${T.rises})`
            : `ending more than ${pct(T.riseFraction)} above its start`) +
          ': the learning rate looks too high.',
        evidence,
        remedies: lrRemedies(input, 'lr-divide-10'),
      },
    ];
  }
  const perEpoch = Math.abs(first - end) / Math.abs(first) / (losses.length - 1);
  if (!(perEpoch < T.minChangePerEpoch)) return [];
  return [
    {
      kind: 'lr-too-low',
      severity: 'warning',
      explanation:
        `Over the first ${early.length} epochs the training loss moved ${pct(perEpoch)} per epoch ` +
        `(${fmt(first)} → ${fmt(end)}), less than ${pct(T.minChangePerEpoch)}: the learning rate looks too low.`,
      evidence,
      remedies: lrRemedies(input, 'lr-times-10'),
    },
  ];
}

/** Plateau: no improvement of the validation loss (by more than minDelta) in the last 10 epochs. */
export function detectPlateau(input: DiagnosisInput): Finding[] {
  const T = THRESHOLDS.plateau;
  const h = input.history;
  let bestAt = 0;
  for (let i = 1; i < h.length; i++) {
    if (h[i]!.valLoss < h[bestAt]!.valLoss - (input.minDelta ?? 0)) bestAt = i;
  }
  const since = h.length - 1 - bestAt;
  if (h.length === 0 || since < T.epochs) return [];
  const best = h[bestAt]!;
  const tail = h.slice(bestAt);
  return [
    {
      kind: 'plateau',
      severity: 'info',
      explanation:
        `The validation loss has not improved on ${fmt(best.valLoss)} (epoch ${best.epoch}) for ${since} ` +
        `epochs (threshold ${T.epochs}).`,
      evidence: {
        chart: 'loss',
        epochs: tail.map((e) => e.epoch),
        values: tail.map((e) => e.valLoss),
      },
      remedies: [{ id: 'reduce-on-plateau', label: 'Reduce the learning rate on plateau' }],
    },
  ];
}
