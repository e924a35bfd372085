/** The fold events of a cross-validated run, folded by the one run reducer. */
import { describe, expect, it } from 'vitest';
import type { EpochMetrics, Progress } from '../train/types';
import type { RunEvent } from './events';
import { applyRunEvent, applyRunEvents, needsWrite, recordSnapshot } from './live';
import { runRecordSchema } from './record';
import { testLiveRun, testRunStarted } from './testRecords';

const runId = 'run-cv';

function start() {
  return testLiveRun(runId, { epochs: 2, crossValidate: true });
}

const started = testRunStarted(runId);

const metrics = (epoch: number, valAccuracy: number): EpochMetrics => ({
  epoch,
  loss: 1 / epoch,
  valLoss: 1 - valAccuracy,
  accuracy: 0.5,
  valAccuracy,
  durationMs: 10,
});

const progress = (fold: number | null): Progress => ({
  epoch: 1,
  epochs: 2,
  batch: 1,
  batches: 3,
  samplesPerSec: null,
  etaSec: null,
  warmingUp: true,
  ...(fold === null ? {} : { fold: { fold, of: 5 } }),
});

/** A fold from start to finish: two epochs, its held-out accuracy 0.6 + fold / 20. */
function foldEvents(fold: number): RunEvent[] {
  const acc = 0.6 + fold / 20;
  return [
    { type: 'foldStarted', runId, fold, of: 5, trainRows: 68, heldOutRows: 17 },
    { type: 'progress', runId, progress: progress(fold), batches: [] },
    { type: 'foldEpoch', runId, fold, metrics: metrics(1, acc - 0.1) },
    { type: 'foldEpoch', runId, fold, metrics: metrics(2, acc) },
    { type: 'foldFinished', runId, fold, evaluation: { valLoss: 1 - acc, valAccuracy: acc } },
  ];
}

describe('applyRunEvent: a cross-validated run', () => {
  it('keeps five fold histories in one record, apart from the final model’s epochs', () => {
    let run = applyRunEvents(start(), [started]);
    expect(run.record.folds).toBeUndefined();
    run = applyRunEvents(run, foldEvents(1));
    expect(run.progress?.fold).toEqual({ fold: 1, of: 5 });
    expect(run.record.folds).toHaveLength(1);
    expect(run.record.epochs).toEqual([]);

    // A fold that starts again replaces its earlier attempt.
    run = applyRunEvents(run, foldEvents(2).slice(0, 3));
    run = applyRunEvents(run, [...foldEvents(2), ...foldEvents(3), ...foldEvents(4)]);
    const beforeLast = run;
    run = applyRunEvents(run, foldEvents(5));
    // The last fold's progress is not the final model's: the status line drops "Fold".
    expect(beforeLast.progress?.fold).toEqual({ fold: 4, of: 5 });
    expect(run.progress).toBeNull();

    run = applyRunEvents(run, [
      {
        type: 'progress',
        runId,
        progress: progress(null),
        batches: [{ step: 0, epoch: 1, loss: 1 }],
      },
      { type: 'epoch', runId, metrics: metrics(1, 0.7) },
      { type: 'epoch', runId, metrics: metrics(2, 0.8) },
      {
        type: 'finished',
        runId,
        status: 'completed',
        evaluation: { loss: 0.3, accuracy: 0.8 },
        outputs: null,
      },
    ]);
    const folds = run.record.folds!;
    expect(folds.map((f) => f.fold)).toEqual([1, 2, 3, 4, 5]);
    expect(folds.every((f) => f.of === 5 && f.trainRows === 68 && f.heldOutRows === 17)).toBe(true);
    expect(folds.map((f) => f.epochs.map((e) => e.epoch))).toEqual(Array(5).fill([1, 2]));
    expect(folds.map((f) => f.evaluation?.valAccuracy)).toEqual([0.65, 0.7, 0.75, 0.8, 0.85]);
    // Fold batches are not the record's batches; its epochs are the final model's.
    expect(run.record.batches).toHaveLength(1);
    expect(run.record.epochs.map((e) => e.valAccuracy)).toEqual([0.7, 0.8]);
    // Wall time counts every model the run trained: 10 fold epochs (and the replaced one) + 2.
    expect(run.record.durationMs).toBe(130);
    const stored = runRecordSchema.parse(recordSnapshot(run.record, 2000));
    expect(stored.folds).toEqual(folds);
  });

  it('writes each fold epoch, and ignores fold events of unknown folds or other runs', () => {
    const run = applyRunEvents(start(), [started, ...foldEvents(1).slice(0, 2)]);
    const epoch = applyRunEvent(run, {
      type: 'foldEpoch',
      runId,
      fold: 1,
      metrics: metrics(1, 0.5),
    });
    expect(needsWrite(run.record, epoch.record)).toBe(true);
    expect(
      applyRunEvent(run, { type: 'foldEpoch', runId, fold: 3, metrics: metrics(1, 0.5) }),
    ).toBe(run);
    expect(
      applyRunEvent(run, { type: 'foldFinished', runId, fold: 2, evaluation: { valLoss: 1 } }),
    ).toBe(run);
    expect(
      applyRunEvent(run, {
        type: 'foldStarted',
        runId: 'other',
        fold: 2,
        of: 5,
        trainRows: 1,
        heldOutRows: 1,
      }),
    ).toBe(run);
  });

  it('opens records written before folds existed', () => {
    const older = recordSnapshot(applyRunEvents(start(), [started]).record, 2000);
    delete older.folds;
    const parsed = runRecordSchema.parse(JSON.parse(JSON.stringify(older)));
    expect(parsed.folds).toBeUndefined();
  });
});
