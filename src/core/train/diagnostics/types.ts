import type { TaskKind } from '../../graph/types';
import type { LayerStatsEpoch } from '../layerStats/types';
import type { BatchPoint, EpochMetrics, LossName } from '../types';

export type FindingKind =
  | 'overfitting'
  | 'underfitting'
  | 'imbalance'
  | 'divergence'
  | 'lr-too-high'
  | 'lr-too-low'
  | 'plateau'
  | 'dead-units'
  | 'vanishing-gradients'
  | 'exploding-gradients';

export type Severity = 'info' | 'warning' | 'error';

/** What a remedy button does; the id is what the remedy code switches on, the label is shown. */
export interface Remedy {
  id: string;
  label: string;
}

/** Where the finding shows on the charts: epochs (or batch steps) and their values. */
export interface Evidence {
  /** 'layers': the per-layer statistics views, not a training chart. */
  chart: 'loss' | 'metric' | 'batch-loss' | 'classes' | 'layers';
  epochs?: number[];
  steps?: number[];
  values?: number[];
  /** The layers (graph node ids) it is about, one per value; remedies change these. */
  layers?: string[];
}

/** One thing the diagnostics found wrong with a run. */
export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** One plain sentence with the numbers and the threshold that made it fire (the "why"). */
  explanation: string;
  evidence: Evidence;
  remedies: Remedy[];
}

/** A run's own numbers, all the detectors read. */
export interface DiagnosisInput {
  task: TaskKind;
  loss: LossName;
  history: readonly EpochMetrics[];
  batches?: readonly BatchPoint[];
  /** Training examples per class (classification). */
  classCounts?: readonly number[];
  /** Macro-averaged recall on the validation split (classification). */
  valMacroRecall?: number;
  /** Accuracy on the validation split, for the recall comparison; else the last valAccuracy. */
  valAccuracy?: number;
  /** Early stopping's min delta, in loss units; 0 when not set. */
  minDelta?: number;
  /** The last hidden layer's name, for the Dropout and L2 remedies. */
  lastHiddenLayer?: string;
  /** Image input: offer augmentation. */
  images?: boolean;
  /** The loss of the constant baseline (regression: predicting the training mean). */
  baselineLoss?: number;
  /** A learning-rate finder exists: offer it beside × 10 / ÷ 10. */
  lrFinder?: boolean;
  /** Per-layer statistics by epoch (the live run's), for dead units and gradients. */
  layerStats?: readonly LayerStatsEpoch[];
}

/** Every threshold the detectors use, in one place; the explanations quote these values. */
export const THRESHOLDS = {
  overfitting: {
    /** Validation loss above its running minimum by more than max(minDelta, this × minimum). */
    relativeRise: 0.02,
    /** For at least this many consecutive epochs. */
    epochs: 3,
    /** Trailing window of the training-loss smoothing. */
    smoothingWindow: 3,
  },
  underfitting: {
    /** Training accuracy within this of the majority baseline (5 points)... */
    accuracyMargin: 0.05,
    /** ...after at least this many epochs. */
    minEpochs: 3,
    /** "High": both losses at or above this fraction of the constant baseline's loss. */
    highLossFraction: 0.9,
    /** "Flat": each loss moving less than this per epoch over the last `flatEpochs` epochs. */
    flatChangePerEpoch: 0.01,
    flatEpochs: 3,
  },
  imbalance: {
    /** Largest over smallest training class count above this. */
    countRatio: 3,
    /** Validation macro recall below accuracy by more than this. */
    recallGap: 0.15,
  },
  divergence: {
    /** Keras's probability clipping epsilon: the cross-entropy ceiling is −ln(1e-7) ≈ 16.1. */
    epsilon: 1e-7,
    /** A cross-entropy at or above this fraction of its ceiling... */
    ceilingFraction: 0.9,
    /** ...for this many consecutive batches. */
    consecutiveBatches: 3,
    /** An MSE/MAE batch loss above this many times its first-epoch minimum. */
    regressionFactor: 10,
  },
  learningRate: {
    /** The first epochs the learning-rate checks look at. */
    earlyEpochs: 5,
    /** Too high: the training loss rising by more than this between consecutive epochs... */
    riseFraction: 0.05,
    /** ...at least this many times, or ending the window above its start by `riseFraction`. */
    rises: 2,
    /** Too low: the training loss moving less than this per epoch from the start. */
    minChangePerEpoch: 0.01,
    /** Epochs needed before judging it too low. */
    minEpochs: 3,
  },
  plateau: {
    /** No improvement of the validation loss (by more than minDelta) for this many epochs. */
    epochs: 10,
  },
  deadUnits: {
    /** A unit is dead when it outputs zero for at least this share of the probe rows... */
    zeroShare: 0.99,
    /** ...and a layer is flagged when more than this share of its units are dead. */
    layerFraction: 0.5,
  },
  gradients: {
    /** First-to-last layer RMS-gradient ratio at or beyond this (or its inverse)... */
    ratio: 1e3,
    /** ...for this many consecutive epochs. */
    epochs: 2,
  },
} as const;

/** The cross-entropy's clipping ceiling, −ln(epsilon). */
export const CROSS_ENTROPY_CEILING = -Math.log(THRESHOLDS.divergence.epsilon);
