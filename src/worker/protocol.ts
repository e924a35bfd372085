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

export type ToWorker =
  /** Sent once by TrainingClient right after creating the worker. */
  | { type: 'init'; testHooks: boolean }
  | { type: 'loadDataset'; requestId: number; choice: DatasetChoice }
  | { type: 'train'; runId: string; graph: ModelGraph; config: TrainingConfig }
  | { type: 'pause'; runId: string }
  | { type: 'resume'; runId: string }
  | { type: 'stop'; runId: string }
  /** Test hooks, honoured only when the app runs with ?testHooks=1. */
  | { type: 'loseContext' }
  | { type: 'crash' }
  | { type: 'hang' };

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
  | { type: 'ready'; webglRenderer: string | null; crossOriginIsolated: boolean }
  | { type: 'heartbeat'; time: number }
  | { type: 'datasetLoaded'; requestId: number; summary: DatasetSummary }
  | { type: 'datasetError'; requestId: number; message: string }
  | {
      type: 'runStarted';
      runId: string;
      backend: BackendInfo;
      trainRows: number;
      validationRows: number;
      testRows: number;
    }
  | { type: 'progress'; runId: string; progress: Progress; batches: BatchPoint[] }
  | { type: 'epoch'; runId: string; metrics: EpochMetrics }
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
  | { type: 'memory'; runId: string; numTensors: number; numBytes: number };
