import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_CONFIG, type BackendInfo, type EpochMetrics } from '../train/types';
import type { RunEvent } from './events';
import {
  MAX_LIVE_BATCH_POINTS,
  applyRunEvent,
  applyRunEvents,
  checkpointKinds,
  interruptedRecord,
  isActive,
  needsWrite,
  newLiveRun,
  newRunRecord,
  nextRunName,
  recordSnapshot,
  resumeRecord,
  runPhase,
  type LiveRun,
} from './live';
import { MAX_STORED_BATCH_POINTS, runRecordSchema } from './record';
import { circlesPreprocessing, testLiveRun, testRunStarted } from './testRecords';

const runId = 'run-a';
const cpu: BackendInfo = { name: 'cpu', label: 'CPU', reason: 'test' };
const wasm: BackendInfo = { name: 'wasm', label: 'WASM', reason: 'fallback' };

function start(): LiveRun {
  return testLiveRun(runId, { epochs: 3 });
}

const started = testRunStarted(runId);

const metrics = (epoch: number, valLoss: number): EpochMetrics => ({
  epoch,
  loss: 1 / epoch,
  valLoss,
  accuracy: 0.5,
  valAccuracy: 0.5,
  durationMs: 10,
});

/** The events of one epoch: its batch points, its metrics and its stored checkpoint. */
function epochEvents(epoch: number, valLoss: number, best: boolean): RunEvent[] {
  const batches = [0, 1, 2].map((b) => ({ step: (epoch - 1) * 3 + b, epoch, loss: 1 / epoch }));
  const progress = {
    epoch,
    epochs: 3,
    batch: 3,
    batches: 3,
    samplesPerSec: 100,
    etaSec: 1,
    warmingUp: false,
  };
  const info = { epoch, valLoss, bytes: 64 };
  return [
    { type: 'progress', runId, progress, batches },
    { type: 'epoch', runId, metrics: metrics(epoch, valLoss) },
    { type: 'checkpoint', runId, info, kinds: best ? ['final', 'best'] : ['final'] },
  ];
}

describe('applyRunEvent: scripted runs', () => {
  it('a normal run: starting → running → completed, with epochs, checkpoints and evaluation', () => {
    let run = start();
    expect(runPhase(run)).toBe('starting');
    expect(isActive(run)).toBe(true);
    run = applyRunEvent(run, started);
    expect(runPhase(run)).toBe('running');
    expect(run.record.backend).toEqual({ name: 'cpu', label: 'CPU' });
    expect(run.record.rows).toEqual({ train: 70, validation: 15, test: 15 });
    expect(run.record.preprocessing).toEqual(circlesPreprocessing);
    run = applyRunEvents(run, [
      ...epochEvents(1, 0.5, true),
      ...epochEvents(2, 0.4, true),
      ...epochEvents(3, 0.45, false),
      {
        type: 'finished',
        runId,
        status: 'completed',
        evaluation: { loss: 0.4, accuracy: 0.8 },
        outputs: null,
      },
    ]);
    expect(runPhase(run)).toBe('completed');
    expect(isActive(run)).toBe(false);
    expect(run.record.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(run.record.batches).toHaveLength(9);
    expect(run.record.durationMs).toBe(30);
    expect(run.record.checkpoints.final?.epoch).toBe(3);
    expect(run.record.checkpoints.best?.epoch).toBe(2);
    expect(run.record.evaluation?.accuracy).toBe(0.8);
    // What is written is a valid stored record.
    expect(runRecordSchema.safeParse(recordSnapshot(run.record, 2000)).success).toBe(true);
  });

  it('pause and resume change the status only; resume clears a recovery notice', () => {
    let run = applyRunEvents(start(), [started, ...epochEvents(1, 0.5, true)]);
    run = applyRunEvent(run, { type: 'paused', runId });
    expect(runPhase(run)).toBe('paused');
    expect(isActive(run)).toBe(true);
    run = applyRunEvent(run, { type: 'resumed', runId });
    expect(runPhase(run)).toBe('running');
    expect(run.record.epochs).toHaveLength(1);
  });

  it('stop records the epoch in progress', () => {
    let run = applyRunEvents(start(), [started, ...epochEvents(1, 0.5, true)]);
    run = applyRunEvent(run, {
      type: 'progress',
      runId,
      progress: {
        epoch: 2,
        epochs: 3,
        batch: 1,
        batches: 3,
        samplesPerSec: null,
        etaSec: null,
        warmingUp: true,
      },
      batches: [{ step: 3, epoch: 2, loss: 0.3 }],
    });
    run = applyRunEvent(run, {
      type: 'finished',
      runId,
      status: 'stopped',
      evaluation: null,
      outputs: null,
    });
    expect(runPhase(run)).toBe('stopped');
    expect(run.stoppedAtEpoch).toBe(2);
    expect(run.record.checkpoints.final?.epoch).toBe(1);
  });

  it('a failure keeps the finished epochs and the message', () => {
    let run = applyRunEvents(start(), [started, ...epochEvents(1, 0.5, true)]);
    run = applyRunEvent(run, {
      type: 'failed',
      runId,
      message: 'Loss became NaN at epoch 2, batch 1',
    });
    expect(runPhase(run)).toBe('failed');
    expect(run.record.error).toMatch(/NaN/);
    expect(run.record.epochs).toHaveLength(1);
  });

  it('a lost backend: the replayed epoch is drawn once, the new backend is named', () => {
    let run = applyRunEvents(start(), [started, ...epochEvents(1, 0.5, true)]);
    // Part of epoch 2 trained on the lost backend…
    run = applyRunEvent(run, {
      type: 'progress',
      runId,
      progress: {
        epoch: 2,
        epochs: 3,
        batch: 2,
        batches: 3,
        samplesPerSec: 1,
        etaSec: 1,
        warmingUp: false,
      },
      batches: [
        { step: 3, epoch: 2, loss: 0.9 },
        { step: 4, epoch: 2, loss: 0.9 },
      ],
    });
    run = applyRunEvents(run, [
      { type: 'paused', runId },
      { type: 'runRecovered', runId, backend: wasm, message: 'Context lost.', fromEpoch: 1 },
    ]);
    expect(run.recovery).toEqual({ message: 'Context lost.', backendLabel: 'WASM' });
    expect(run.record.backend?.name).toBe('wasm');
    expect(run.record.batches.every((b) => b.epoch <= 1)).toBe(true);
    run = applyRunEvents(run, [{ type: 'resumed', runId }, ...epochEvents(2, 0.4, true)]);
    expect(run.recovery).toBeNull();
    const epoch2Steps = run.record.batches.filter((b) => b.epoch === 2).map((b) => b.step);
    expect(epoch2Steps).toEqual([3, 4, 5]);
  });

  it('continue from a checkpoint: later epochs are dropped and trained again', () => {
    let first = applyRunEvents(start(), [
      started,
      ...epochEvents(1, 0.5, true),
      ...epochEvents(2, 0.6, false),
      { type: 'finished', runId, status: 'stopped', evaluation: null, outputs: null },
    ]);
    // The record claims final weights of epoch 2; a continue from epoch 1 drops epoch 2.
    const resumed = newLiveRun(resumeRecord(first.record, 1));
    expect(resumed.record.status).toBe('running');
    expect(resumed.record.epochs.map((e) => e.epoch)).toEqual([1]);
    expect(resumed.record.batches.every((b) => b.epoch <= 1)).toBe(true);
    expect(resumed.record.checkpoints.best?.epoch).toBe(1);
    first = applyRunEvents(resumed, [
      started,
      ...epochEvents(2, 0.3, true),
      ...epochEvents(3, 0.2, true),
    ]);
    expect(first.record.epochs.map((e) => e.epoch)).toEqual([1, 2, 3]);
    expect(first.record.checkpoints.best?.epoch).toBe(3);
  });

  it('an early-stopped run keeps where it stopped; continuing it clears that', () => {
    const earlyStop = { stoppedEpoch: 2, keptEpoch: 1 };
    const done = applyRunEvents(start(), [
      started,
      ...epochEvents(1, 0.5, true),
      ...epochEvents(2, 0.6, false),
      { type: 'finished', runId, status: 'completed', evaluation: null, outputs: null, earlyStop },
    ]);
    expect(done.record).toMatchObject({ status: 'completed', earlyStop });
    expect(runRecordSchema.parse(recordSnapshot(done.record, 2000)).earlyStop).toEqual(earlyStop);
    const resumed = resumeRecord(done.record, 2);
    expect('earlyStop' in resumed).toBe(false);
    expect(resumed.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    // A continued run that then completes all its epochs did not stop early.
    const finished = applyRunEvents(newLiveRun({ ...resumed, earlyStop }), [
      { type: 'finished', runId, status: 'completed', evaluation: null, outputs: null },
    ]);
    expect('earlyStop' in finished.record).toBe(false);
  });

  it('a reload mid-run: the stored record is marked interrupted and can continue', () => {
    const live = applyRunEvents(start(), [started, ...epochEvents(1, 0.5, true)]);
    const stored = recordSnapshot(live.record, 5000);
    expect(stored.status).toBe('running');
    const after = interruptedRecord(stored, 6000);
    expect(after.status).toBe('interrupted');
    expect(after.updatedAt).toBe(6000);
    expect(runPhase(newLiveRun(after))).toBe('failed');
    const continued = newLiveRun(resumeRecord(after, after.checkpoints.final!.epoch));
    expect(runPhase(continued)).toBe('starting');
  });

  it('ignores events of another run', () => {
    const run = start();
    expect(applyRunEvent(run, { ...started, runId: 'other' })).toBe(run);
  });

  it('folds batch points past the live cap down to the stored size, keeping the last', () => {
    let run = applyRunEvent(start(), started);
    const batches = Array.from({ length: MAX_LIVE_BATCH_POINTS + 1 }, (_, i) => ({
      step: i,
      epoch: 1,
      loss: 1,
    }));
    run = applyRunEvent(run, {
      type: 'progress',
      runId,
      progress: {
        epoch: 1,
        epochs: 3,
        batch: 1,
        batches: 1,
        samplesPerSec: 1,
        etaSec: 1,
        warmingUp: false,
      },
      batches,
    });
    expect(run.record.batches.length).toBeLessThanOrEqual(MAX_STORED_BATCH_POINTS);
    expect(run.record.batches.at(-1)?.step).toBe(MAX_LIVE_BATCH_POINTS);
  });

  it('a checkpoint that could not be stored is kept as a notice, the record claims none', () => {
    let run = applyRunEvent(start(), started);
    run = applyRunEvent(run, {
      type: 'checkpointNotSaved',
      runId,
      message: 'QuotaExceededError',
      quota: true,
      unavailable: false,
    });
    expect(run.weightsNotSaved?.quota).toBe(true);
    expect(run.record.checkpoints).toEqual({ final: null, best: null });
  });
});

describe('checkpointKinds', () => {
  const info = (epoch: number, valLoss: number) => ({ epoch, valLoss, bytes: 1 });
  it('always final; best only when strictly lower (ties keep the earlier) and finite', () => {
    expect(checkpointKinds(null, info(1, 0.5))).toEqual(['final', 'best']);
    expect(checkpointKinds(info(1, 0.5), info(2, 0.4))).toEqual(['final', 'best']);
    expect(checkpointKinds(info(1, 0.5), info(2, 0.5))).toEqual(['final']);
    expect(checkpointKinds(info(1, 0.5), info(2, NaN))).toEqual(['final']);
    expect(checkpointKinds(null, info(1, NaN))).toEqual(['final']);
    // A stored best whose loss was NaN (JSON null) is beaten by any finite loss.
    expect(checkpointKinds(info(1, NaN), info(2, 3))).toEqual(['final', 'best']);
  });
});

describe('nextRunName and needsWrite', () => {
  it('names one past the highest "Run N"', () => {
    expect(nextRunName([])).toBe('Run 1');
    expect(nextRunName(['Run 2', 'My run', 'Run 10'])).toBe('Run 11');
  });

  it('new batch points alone do not need a write; anything else does', () => {
    const run = applyRunEvent(start(), started);
    const moved = applyRunEvent(run, epochEvents(1, 0.5, true)[0]!);
    expect(needsWrite(null, run.record)).toBe(true);
    expect(needsWrite(run.record, run.record)).toBe(false);
    expect(needsWrite(run.record, moved.record)).toBe(false);
    const epoch = applyRunEvent(moved, epochEvents(1, 0.5, true)[1]!);
    expect(needsWrite(moved.record, epoch.record)).toBe(true);
  });
});

describe('layerStats events', () => {
  const stats = (epoch: number, layer = 'dense_1') => ({
    epoch,
    layers: [
      {
        layer,
        weights: { left: -0.123456789, right: 0.5, counts: [1, 2] },
        activations: { left: 0, right: 1, counts: [3] },
        gradRms: 0.0123456789,
        units: 2,
      },
    ],
  });
  const record = () =>
    newRunRecord({
      runId,
      name: 'Run 1',
      now: 0,
      graph: { nodes: [], edges: [] } as never,
      config: DEFAULT_TRAINING_CONFIG,
      datasetChoice: { kind: 'bundled', id: 'x' } as never,
      dataset: { name: 'd', n: 1, featureShape: [1], classNames: [] } as never,
    });

  it('go into the record, rounded as stored, one per epoch, a replay replacing the earlier', () => {
    let run = newLiveRun(record());
    for (const [epoch, layer] of [
      [1, 'a'],
      [2, 'a'],
      [1, 'replayed'],
    ] as const) {
      run = applyRunEvent(run, { type: 'layerStats', runId, stats: stats(epoch, layer) });
    }
    const stored = run.record.layerStats!;
    expect(stored.map((s) => [s.epoch, s.layers[0]!.layer])).toEqual([
      [1, 'replayed'],
      [2, 'a'],
    ]);
    expect(stored[0]!.layers[0]!.gradRms).toBe(0.01235);
    expect(stored[0]!.layers[0]!.weights.left).toBe(-0.12346);
    expect(needsWrite(newLiveRun(record()).record, run.record)).toBe(true);
    expect(applyRunEvent(run, { type: 'layerStats', runId: 'other', stats: stats(3) })).toBe(run);
  });

  it('of epochs trained again (a recovery, a continued run) are dropped', () => {
    let run = newLiveRun(record());
    for (const epoch of [1, 2]) {
      run = applyRunEvent(run, epochEvents(epoch, 0.5, true)[1]!);
      run = applyRunEvent(run, { type: 'layerStats', runId, stats: stats(epoch) });
    }
    // Epoch 3's statistics arrived, then the backend was lost before its epoch event.
    run = applyRunEvent(run, { type: 'layerStats', runId, stats: stats(3) });
    const recovered = applyRunEvent(run, {
      type: 'runRecovered',
      runId,
      backend: cpu,
      message: 'lost',
      fromEpoch: 2,
    });
    expect(recovered.record.layerStats?.map((s) => s.epoch)).toEqual([1, 2]);
    expect(resumeRecord(run.record, 1).layerStats?.map((s) => s.epoch)).toEqual([1]);
    expect(resumeRecord(record(), 1)).not.toHaveProperty('layerStats');
  });
});
