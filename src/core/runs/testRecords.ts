/** Test helpers: run records and live runs of the default model on Circles. Not imported by app code. */
import { makeSynthetic } from '../data/synthetic';
import { summarizeDataset } from '../data/summary';
import type { PreprocessingInfo } from '../export/modelFiles';
import { defaultGraph } from '../graph/presets';
import { DEFAULT_TRAINING_CONFIG, type EpochMetrics, type TrainingConfig } from '../train/types';
import type { RunEvent } from './events';
import { newLiveRun, newRunRecord, type LiveRun } from './live';
import type { RunRecord } from './record';

const circles = summarizeDataset(makeSynthetic('circles', 100, 0.1, 1));

/** A new (running) record of the default model on 100 Circles points. */
function circlesRecord(runId: string, name: string, now: number, config: TrainingConfig) {
  return newRunRecord({
    runId,
    name,
    now,
    graph: defaultGraph(),
    config,
    datasetChoice: { kind: 'synthetic', id: 'circles', size: 100, noise: 0.1 },
    dataset: circles,
  });
}

/** Epochs with these validation losses (training loss falling, accuracies at 0.8). */
export function epochsWith(valLosses: readonly number[]): EpochMetrics[] {
  return valLosses.map((valLoss, i) => ({
    epoch: i + 1,
    loss: 1 / (i + 1),
    valLoss,
    accuracy: 0.8,
    valAccuracy: 0.8,
    durationMs: 5,
  }));
}

/** A completed record named `id`, with `patch` on top. */
export function testRecord(id: string, patch: Partial<RunRecord> = {}): RunRecord {
  return {
    ...circlesRecord(id, id, 1, DEFAULT_TRAINING_CONFIG),
    status: 'completed',
    ...patch,
  };
}

/** A live run named "Run 1", created at `now` and not yet started, with `config` on the defaults. */
export function testLiveRun(
  runId: string,
  config: Partial<TrainingConfig> = {},
  now = 1000,
): LiveRun {
  return newLiveRun(circlesRecord(runId, 'Run 1', now, { ...DEFAULT_TRAINING_CONFIG, ...config }));
}

/** The preprocessing the worker reports for Circles: two raw features, binary classes '0' and '1'. */
export const circlesPreprocessing: PreprocessingInfo = {
  format: 'train-smarter-preprocessing',
  version: 1,
  datasetName: 'Circles',
  kind: 'points2d',
  task: 'binary',
  featureShape: [2],
  featureNames: ['x', 'y'],
  classNames: ['0', '1'],
  inputScale: 1,
  standardization: null,
};

/** The worker's start event for a Circles run on the CPU backend, split 70/15/15. */
export function testRunStarted(runId: string): RunEvent {
  return {
    type: 'runStarted',
    runId,
    backend: { name: 'cpu', label: 'CPU', reason: 'test' },
    trainRows: 70,
    validationRows: 15,
    testRows: 15,
    preprocessing: circlesPreprocessing,
  };
}
