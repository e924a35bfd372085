/** The training loop's options, hooks and result (loop.ts trainModel). */
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset, SplitIndices } from '../data/types';
import type { Checkpoint } from './checkpoint';
import type { DataPathInfo, DataPathLimits } from './dataPath/source';
import type { LayerStatsEpoch } from './layerStats/types';
import type { BatchPoint, EarlyStop, EpochMetrics, Progress, TrainingConfig } from './types';

export interface TrainHooks {
  onBatch?(point: BatchPoint): void;
  /**
   * After each epoch, with the CPU copy of the weights and optimizer state at that point.
   * `isBest` (set only with early stopping on): these are early stopping's best weights so
   * far, the ones "restore best weights" would keep.
   */
  onEpoch?(metrics: EpochMetrics, checkpoint: Checkpoint, isBest?: boolean): void;
  onProgress?(progress: Progress): void;
  /** After each epoch's onEpoch, with the statistics when the "Layer statistics" setting is on. */
  onLayerStats?(stats: LayerStatsEpoch): void;
  /** Checked before every batch; true ends the run as 'stopped'. */
  shouldStop?(): boolean;
  /**
   * Awaited between batches: resolves at once, or after a pause ends. The worker also
   * yields to its event loop here so pause/stop messages get through. Before pausing it
   * awaits `readPending`, which reads back and reports the steps not read yet.
   */
  waitIfPaused?(readPending: () => Promise<void>): Promise<void>;
  /** A reason to abandon the run now (e.g. "the WebGL context was lost"), else null. */
  interruption?(): string | null;
  /** Once, before the first step: the path the run's batches take (dataPath/source.ts). */
  onDataPath?(path: DataPathInfo): void;
}

export interface TrainOptions {
  tf: typeof tfjs;
  model: tfjs.LayersModel;
  /** Features ready for the model (see data/standardize.ts prepareFeatures). */
  dataset: Dataset;
  split: SplitIndices;
  config: TrainingConfig;
  hooks?: TrainHooks;
  /**
   * Continue from this checkpoint: its weights are loaded into the model and its state
   * into the optimizer (and the schedule and early stopping), so the run goes on exactly
   * as the one that took it would have.
   */
  resumeFrom?: Checkpoint;
  /**
   * With early stopping, the checkpoint of its best epoch so far when that is not
   * `resumeFrom` (its weights are restored if it stops); ignored if it is not that epoch's.
   */
  resumeBest?: Checkpoint;
  /** Clock in ms; injectable for tests. */
  now?: () => number;
  /**
   * Read steps back about this often (ms; the worker passes stepReadback.ts READ_EVERY_MS).
   * 0, the default, reads each step before the next: a run in Node (tests) gains nothing
   * from batching, and its hooks then see every step as it ends.
   */
  readEveryMs?: number;
  /** The data path's limits (dataPath/source.ts); tests lower them to stream small data. */
  dataLimits?: DataPathLimits;
}

export interface RunPosition {
  epochsDone: number;
  step: number;
  /** CPU copy of the run's state after the last completed epoch (or the one resumed from). */
  checkpoint: Checkpoint | null;
  /** Early stopping's best epoch so far, whose weights it restores; null without. */
  best: Checkpoint | null;
}

export type TrainResult =
  /** `earlyStop`: early stopping ended the run; the model holds the kept epoch's weights. */
  | ({ status: 'completed'; earlyStop?: EarlyStop } & RunPosition)
  | ({ status: 'stopped' } & RunPosition)
  /** A problem the user can act on (divergence, wrong loss, missing kernel). */
  | ({ status: 'failed'; message: string } & RunPosition)
  /** The backend went away (lost WebGL context): continue from the checkpoint elsewhere. */
  | ({ status: 'interrupted'; message: string } & RunPosition);
