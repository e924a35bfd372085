/**
 * The events of one training run, as the training worker reports them. The worker
 * protocol (src/worker/protocol.ts) carries them unchanged; `applyRunEvent` (live.ts)
 * folds them into the run record, so the live view and persistence read the same state.
 * Every event carries `runId`: late events of an earlier run are ignored.
 */
import type { FittedPipeline } from '../data/pipeline/spec';
import type { PreprocessingInfo } from '../export/modelFiles';
import type { RunOutputs } from '../evaluation/runOutputs';
import type { DataPathInfo } from '../train/dataPath/source';
import type { DecisionGrid } from '../train/evaluate';
import type { LayerStatsEpoch } from '../train/layerStats/types';
import type {
  BackendInfo,
  BatchPoint,
  EarlyStop,
  EpochMetrics,
  Evaluation,
  Progress,
} from '../train/types';
import type { FoldEvaluation, StoredWeightsInfo } from './record';

/** Which stored weights of a run a checkpoint replaced. */
export type WeightsKind = 'final' | 'best';

export type RunEvent =
  | {
      type: 'runStarted';
      runId: string;
      backend: BackendInfo;
      trainRows: number;
      validationRows: number;
      testRows: number;
      /** How the run's data was prepared (scale, standardisation, pipeline), for exports. */
      preprocessing: PreprocessingInfo;
    }
  /**
   * The run lost its backend (a WebGL context loss) and was rebuilt on `backend` from the
   * checkpoint of `fromEpoch`; it waits, paused, for the user to continue.
   */
  | {
      type: 'runRecovered';
      runId: string;
      backend: BackendInfo;
      message: string;
      fromEpoch: number;
    }
  | { type: 'progress'; runId: string; progress: Progress; batches: BatchPoint[] }
  | { type: 'epoch'; runId: string; metrics: EpochMetrics }
  /** Per-layer statistics after an epoch (the "Layer statistics" setting), after its `epoch`. */
  | { type: 'layerStats'; runId: string; stats: LayerStatsEpoch }
  /**
   * Cross-validation, before the final model: fold `fold` (1-based) of `of` starts with
   * a fresh model and its preprocessing refitted on its own `trainRows`.
   */
  | {
      type: 'foldStarted';
      runId: string;
      fold: number;
      of: number;
      trainRows: number;
      heldOutRows: number;
    }
  /** One epoch of a fold's model; `val*` metrics are on the fold's held-out rows. */
  | { type: 'foldEpoch'; runId: string; fold: number; metrics: EpochMetrics }
  /**
   * A fold trained all its epochs (or early stopping ended it); `evaluation` is its last
   * epoch's held-out metrics, or those of the epoch early stopping kept.
   */
  | { type: 'foldFinished'; runId: string; fold: number; evaluation: FoldEvaluation }
  /**
   * The worker stored this epoch's weights (and optimizer state) in IndexedDB as the run's
   * `kinds`; only this metadata crosses to the main thread.
   */
  | { type: 'checkpoint'; runId: string; info: StoredWeightsInfo; kinds: WeightsKind[] }
  /** The worker could not store a checkpoint; the run goes on and keeps no more weights. */
  | {
      type: 'checkpointNotSaved';
      runId: string;
      message: string;
      quota: boolean;
      unavailable: boolean;
    }
  | { type: 'boundary'; runId: string; grid: DecisionGrid }
  /** The path the run's batches take (device-resident, streamed or made on the CPU). */
  | { type: 'dataPath'; runId: string; path: DataPathInfo }
  /** The CSV pipeline fitted on this run's training rows, kept with the run. */
  | { type: 'pipelineFitted'; runId: string; fitted: FittedPipeline }
  | { type: 'paused'; runId: string }
  | { type: 'resumed'; runId: string }
  | {
      type: 'finished';
      runId: string;
      status: 'completed' | 'stopped';
      evaluation: Evaluation | null;
      /** The final model's outputs on the validation and test rows (transferred, not copied). */
      outputs: RunOutputs | null;
      /**
       * Set when early stopping ended the run: the evaluation and outputs are of the kept
       * epoch's weights.
       */
      earlyStop?: EarlyStop;
    }
  | { type: 'failed'; runId: string; message: string };

export type RunEventType = RunEvent['type'];

const RUN_EVENT_TYPES: ReadonlySet<string> = new Set<RunEventType>([
  'runStarted',
  'runRecovered',
  'progress',
  'epoch',
  'layerStats',
  'foldStarted',
  'foldEpoch',
  'foldFinished',
  'checkpoint',
  'checkpointNotSaved',
  'boundary',
  'dataPath',
  'pipelineFitted',
  'paused',
  'resumed',
  'finished',
  'failed',
]);

/** Whether a worker message is a run event. */
export function isRunEvent<M extends { type: string }>(msg: M): msg is Extract<M, RunEvent> {
  return RUN_EVENT_TYPES.has(msg.type);
}

/** Events that arrive up to many times a second and move curves: coalesced by the UI. */
export function isCoalescedEvent(event: RunEvent): boolean {
  return (
    event.type === 'progress' ||
    event.type === 'epoch' ||
    event.type === 'foldEpoch' ||
    event.type === 'boundary'
  );
}
