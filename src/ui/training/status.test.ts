import { describe, expect, it } from 'vitest';
import { applyRunEvents, type LiveRun } from '../../core/runs/live';
import { testLiveRun, testRunStarted } from '../../core/runs/testRecords';
import type { RunEvent } from '../../core/runs/events';
import type { Progress } from '../../core/train/types';
import { statusText } from './status';

const runId = 'r';

function run(events: RunEvent[]): LiveRun {
  const live = testLiveRun(runId, { epochs: 2, crossValidate: true }, 0);
  return applyRunEvents(live, [testRunStarted(runId), ...events]);
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
