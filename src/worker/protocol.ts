/**
 * The one message protocol between the main thread and the training worker.
 * Every message is a discriminated union member; run-scoped messages carry `runId`
 * so that late messages of an earlier run are ignored.
 */
import type { ModelGraph } from '../core/graph/types';
import type { DatasetChoice, DatasetSummary } from '../core/data/types';
import type { TrainingConfig } from '../core/train/types';
import type { RunEvent } from '../core/runs/events';
import type { StoredWeightsInfo } from '../core/runs/record';
import type { ImageLoadProgress, ImageUploadSource } from './images/types';
import type { ExportFromWorker, ExportToWorker } from './export/messages';
import type { EvaluationFromWorker, EvaluationToWorker } from './evaluation/messages';
import type { CsvFromWorker, CsvSplitConfig, CsvToWorker } from './ingest/csvMessages';
import type { LrFinderFromWorker, LrFinderToWorker } from './lrFinder/messages';
import type { TestHook, TestHookFromWorker } from './testHookMessages';

export type ToWorker =
  /** Model export, import and predictions on fixed inputs (./export/messages.ts). */
  | ExportToWorker
  /** Examples of dataset rows, "Try the model" predictions, saliency (./evaluation/messages.ts). */
  | EvaluationToWorker
  /** The learning-rate range test (./lrFinder/messages.ts). */
  | LrFinderToWorker
  /** CSV uploads: parse a file for the preview (./ingest/csvMessages.ts). */
  | CsvToWorker
  /** Sent once by TrainingClient right after creating the worker. */
  | { type: 'init'; testHooks: boolean }
  /** `split`: the workspace's seed and ratios, which an uploaded CSV's pipeline is first fitted on. */
  | { type: 'loadDataset'; requestId: number; choice: DatasetChoice; split?: CsvSplitConfig }
  /** Hands the files of an image upload to the worker; a loadDataset with its uploadId follows. */
  | { type: 'registerImageUpload'; uploadId: string; source: ImageUploadSource }
  /** Cancels the image loading of that loadDataset request only. */
  | { type: 'cancelImageLoad'; requestId: number }
  | {
      type: 'train';
      runId: string;
      graph: ModelGraph;
      config: TrainingConfig;
      /**
       * Continue a stored run from its final checkpoint, which the worker reads from
       * IndexedDB (weights and optimizer state); `best` is the run's best checkpoint so far.
       */
      resume?: { fromEpoch: number; best: StoredWeightsInfo | null };
    }
  | { type: 'pause'; runId: string }
  | { type: 'resume'; runId: string }
  | { type: 'stop'; runId: string }
  /** Test hooks (./testHookMessages.ts), honoured only when the app runs with ?testHooks=1. */
  | { type: 'testHook'; hook: TestHook };

export type FromWorker =
  | ExportFromWorker
  | EvaluationFromWorker
  | LrFinderFromWorker
  | CsvFromWorker
  | { type: 'ready'; webglRenderer: string | null; crossOriginIsolated: boolean }
  | { type: 'heartbeat'; time: number }
  | { type: 'datasetLoaded'; requestId: number; summary: DatasetSummary }
  | { type: 'datasetError'; requestId: number; message: string }
  | ({ type: 'imageProgress' } & ImageLoadProgress)
  /** Everything that happens to a run (core/runs/events.ts). */
  | RunEvent
  | { type: 'memory'; runId: string; numTensors: number; numBytes: number }
  | TestHookFromWorker;
