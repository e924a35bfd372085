import { describe, expect, it } from 'vitest';
import { defaultGraph } from '../../core/graph/presets';
import { makeSynthetic } from '../../core/data/synthetic';
import { summarizeDataset } from '../../core/data/summary';
import { applyRunEvents, newLiveRun, newRunRecord, type LiveRun } from '../../core/runs/live';
import type { RunEvent } from '../../core/runs/events';
import { DEFAULT_TRAINING_CONFIG, type Progress } from '../../core/train/types';
import { statusText } from './status';

const runId = 'r';

function run(events: RunEvent[]): LiveRun {
  const ds = makeSynthetic('circles', 100, 0.1, 1);
  const live = newLiveRun(
    newRunRecord({
      runId,
      name: 'Run 1',
      now: 0,
      graph: defaultGraph(),
      config: { ...DEFAULT_TRAINING_CONFIG, epochs: 2, crossValidate: true },
      datasetChoice: { kind: 'synthetic', id: 'circles', size: 100, noise: 0.1 },
      dataset: summarizeDataset(ds),
    }),
  );
  return applyRunEvents(live, [
    {
      type: 'runStarted',
      runId,
      backend: { name: 'cpu', label: 'CPU', reason: 'test' },
      trainRows: 70,
      validationRows: 15,
      testRows: 15,
      preprocessing: {
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
      },
    },
    ...events,
  ]);
}

const progress = (fold?: number): RunEvent => {
  const p: Progress = {
    epoch: 2,
    epochs: 2,
    batch: 1,
    batches: 3,
    samplesPerSec: null,
    etaSec: null,
    warmingUp: true,
    ...(fold ? { fold: { fold, of: 5 } } : {}),
  };
  return { type: 'progress', runId, progress: p, batches: [] };
};

const foldStarted = (fold: number): RunEvent => ({
  type: 'foldStarted',
  runId,
  fold,
  of: 5,
  trainRows: 68,
  heldOutRows: 17,
});

describe('statusText during cross-validation', () => {
  it('names the fold before the epoch, paused or stopped (Epoch N/M stays in the text)', () => {
    const training = run([foldStarted(3), progress(3)]);
    expect(statusText(training, null)).toBe('Fold 3/5 · Epoch 2/2 · batch 1/3 · warming up');
    const paused = applyRunEvents(training, [{ type: 'paused', runId }]);
    expect(statusText(paused, null)).toBe('Fold 3/5 · Paused at epoch 2/2');
    const stopped = applyRunEvents(training, [
      { type: 'finished', runId, status: 'stopped', evaluation: null, outputs: null },
    ]);
    expect(statusText(stopped, null)).toBe('Fold 3/5 · Stopped at epoch 2/2');
  });

  it('drops the fold once the final model trains', () => {
    const finalModel = run([
      foldStarted(5),
      progress(5),
      { type: 'foldFinished', runId, fold: 5, evaluation: { valLoss: 0.5, valAccuracy: 0.8 } },
    ]);
    expect(statusText(finalModel, null)).toBe('Epoch 1/2 · preparing');
    expect(statusText(applyRunEvents(finalModel, [progress()]), null)).toBe(
      'Epoch 2/2 · batch 1/3 · warming up',
    );
  });
});

describe('statusText of a finished run', () => {
  it('says where early stopping stopped and which epoch it kept', () => {
    const done = (earlyStop?: { stoppedEpoch: number; keptEpoch: number }) =>
      applyRunEvents(run([]), [
        {
          type: 'finished',
          runId,
          status: 'completed',
          evaluation: null,
          outputs: null,
          ...(earlyStop ? { earlyStop } : {}),
        },
      ]);
    expect(statusText(done({ stoppedEpoch: 12, keptEpoch: 7 }), null)).toBe(
      'Done (stopped early at epoch 12/2, kept epoch 7)',
    );
    expect(statusText(done(), null)).toBe('Done: 0/2 epochs');
  });
});
