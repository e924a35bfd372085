/**
 * The one message protocol between the main thread and the training worker.
 * Every message is a discriminated union member; run-scoped messages carry `runId`
 * so that late messages of an earlier run are ignored.
 */
import type { ModelGraph } from '../core/graph/types';
import type { DatasetChoice, DatasetSummary } from '../core/data/types';
import type {
  BackendName,
  BatchPoint,
  EpochMetrics,
  Evaluation,
  Progress,
  TrainingConfig,
} from '../core/train/types';
import type { Checkpoint } from '../core/train/checkpoint';
import type { ImageLoadProgress, ImageUploadSource } from './images/types';
import type { ExportFromWorker, ExportToWorker } from './export/messages';
import type { CsvFromWorker, CsvSplitConfig, CsvToWorker } from './ingest/csvMessages';

export type ToWorker =
  /** Model export, import and predictions on fixed inputs (./export/messages.ts). */
  | ExportToWorker
  /** CSV uploads: parse a file for the preview (./ingest/csvMessages.ts). */
  | CsvToWorker
  /** Sent once by TrainingClient right after creating the worker. */
  | { type: 'init'; testHooks: boolean }
  /** `split`: the workspace's seed and ratios, which an uploaded CSV's pipeline is first fitted on. */
  | { type: 'loadDataset'; requestId: number; choice: DatasetChoice; split?: CsvSplitConfig }
  /** Hands the files of an image upload to the worker; a loadDataset with its uploadId follows. */
  | { type: 'registerImageUpload'; uploadId: string; source: ImageUploadSource }
  | { type: 'cancelImageLoad' }
  /**
   * Test hooks: a lower zip expansion limit (zip bombs), a delay per decoded image (cancel),
   * a lower limit of uploads kept in IndexedDB (uploads asked for again after a reload).
   */
  | {
      type: 'imageTestHooks';
      zipLimitBytes?: number;
      decodeDelayMs?: number;
      maxStoredBytes?: number;
    }
  | {
      type: 'train';
      runId: string;
      graph: ModelGraph;
      config: TrainingConfig;
      /** Continue a stored run from this checkpoint (its weights; optimizer state restarts). */
      resumeFrom?: Checkpoint;
    }
  | { type: 'pause'; runId: string }
  | { type: 'resume'; runId: string }
  | { type: 'stop'; runId: string }
  /** Test hooks, honoured only when the app runs with ?testHooks=1. */
  | { type: 'loseContext' }
  | { type: 'crash' }
  | { type: 'hang' }
  /** Test hook: the worker fetches `url` (another origin), to prove the CSP blocks it. */
  | { type: 'fetchProbe'; requestId: number; url: string };

export interface BackendInfo {
  name: BackendName;
  /** Why this backend was chosen, e.g. "SwiftShader is a software GPU; WASM is faster here". */
  reason: string;
  /** e.g. "WASM (SIMD, 2 threads)" or "WASM (single-threaded: page not cross-origin isolated)". */
  label: string;
}

/** Decision-boundary grid for 2-D datasets: probabilities of class 1 (or argmax) per cell. */
export interface BoundaryGrid {
  size: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** size × size values, row-major from yMin upward; class index or probability. */
  values: number[];
}

export type FromWorker =
  | ExportFromWorker
  | CsvFromWorker
  | { type: 'ready'; webglRenderer: string | null; crossOriginIsolated: boolean }
  | { type: 'heartbeat'; time: number }
  | { type: 'datasetLoaded'; requestId: number; summary: DatasetSummary }
  | { type: 'datasetError'; requestId: number; message: string }
  | ({ type: 'imageProgress' } & ImageLoadProgress)
  | {
      type: 'runStarted';
      runId: string;
      backend: BackendInfo;
      trainRows: number;
      validationRows: number;
      testRows: number;
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
  /** CPU copy of the weights after each epoch, for the run record (best/final, continue). */
  | { type: 'checkpoint'; runId: string; checkpoint: Checkpoint }
  | { type: 'boundary'; runId: string; grid: BoundaryGrid }
  | { type: 'paused'; runId: string }
  | { type: 'resumed'; runId: string }
  | {
      type: 'finished';
      runId: string;
      status: 'completed' | 'stopped';
      evaluation: Evaluation | null;
    }
  | { type: 'failed'; runId: string; message: string }
  | { type: 'memory'; runId: string; numTensors: number; numBytes: number }
  /** Answer to the fetchProbe test hook: whether the request was refused, and how. */
  | { type: 'fetchProbeResult'; requestId: number; blocked: boolean; detail: string };
