import type { TrainingConfig } from './settings';

export type { OptimizerName } from './optimizers';
export type { LossName } from './losses';
export type { TrainingConfig };
export { DEFAULT_TRAINING_CONFIG } from './settings';

/** The backend the user asked for: 'auto' or one backend. */
export type BackendChoice = TrainingConfig['backend'];
export type BackendName = Exclude<BackendChoice, 'auto'>;

/** The backend a run trains on, as the worker chose it. */
export interface BackendInfo {
  name: BackendName;
  /** Why this backend was chosen, e.g. "SwiftShader is a software GPU; WASM is faster here". */
  reason: string;
  /** e.g. "WASM (SIMD, 2 threads)" or "WASM (single-threaded: page not cross-origin isolated)". */
  label: string;
}

/** One point of the per-batch loss curve. */
export interface BatchPoint {
  /** Global batch index over the run, from 0. */
  step: number;
  epoch: number;
  loss: number;
  /** Wall time in ms from the start of this (or the resumed) training loop to the batch's end. */
  t?: number;
}

/** Metrics at the end of one epoch (1-based). Accuracy for classification, MAE for regression. */
export interface EpochMetrics {
  epoch: number;
  loss: number;
  valLoss: number;
  accuracy?: number;
  valAccuracy?: number;
  mae?: number;
  valMae?: number;
  /** Wall time of the epoch in ms. */
  durationMs: number;
  /** The learning rate at the epoch's last step (after any schedule); absent in old records. */
  lr?: number;
}

/** How early stopping ended a run: the epoch it stopped after and the epoch whose weights it kept. */
export interface EarlyStop {
  stoppedEpoch: number;
  keptEpoch: number;
}

/** Final evaluation on the test split. */
export interface Evaluation {
  loss: number;
  accuracy?: number;
  mae?: number;
  rmse?: number;
  /** confusion[actual][predicted] for classification. */
  confusion?: number[][];
}

export type RunStatus = 'running' | 'paused' | 'completed' | 'stopped' | 'failed' | 'interrupted';

/** Progress within the current epoch, for the status line. */
export interface Progress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  /** Samples per second, excluding the warm-up batches; null during warm-up. */
  samplesPerSec: number | null;
  /** Estimated seconds left; null during warm-up. */
  etaSec: number | null;
  warmingUp: boolean;
  /** During cross-validation: the fold (1-based) being trained, of how many. */
  fold?: { fold: number; of: number };
}
