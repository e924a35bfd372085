/** Test helpers: a finished run record of the default model on Circles. Not imported by app code. */
import { makeSynthetic } from '../data/synthetic';
import { summarizeDataset } from '../data/summary';
import { defaultGraph } from '../graph/presets';
import { DEFAULT_TRAINING_CONFIG, type EpochMetrics } from '../train/types';
import { newRunRecord } from './live';
import type { RunRecord } from './record';

const circles = summarizeDataset(makeSynthetic('circles', 100, 0.1, 1));

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
    ...newRunRecord({
      runId: id,
      name: id,
      now: 1,
      graph: defaultGraph(),
      config: DEFAULT_TRAINING_CONFIG,
      datasetChoice: { kind: 'synthetic', id: 'circles', size: 100, noise: 0.1 },
      dataset: circles,
    }),
    status: 'completed',
    ...patch,
  };
}
