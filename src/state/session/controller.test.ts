import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWorker } from '../../worker/fakeWorker';
import '../memoryStorage';
import { createAppStore } from '../store';
import { createController, type Controller } from './controller';
import { createRunWriter } from '../persistence/runWriter';
import type { RunRecord } from '../../core/runs/record';
import { makeSynthetic } from '../../core/data/synthetic';
import { summarizeDataset } from '../../core/data/summary';
import type { DatasetSummary } from '../../core/data/types';
import type { RunEvent } from '../../core/runs/events';
import { LIVE_FLUSH_MS } from './liveUpdates';

const summary: DatasetSummary = summarizeDataset(makeSynthetic('circles', 100, 0.1, 1));
const backend = { name: 'cpu' as const, label: 'CPU', reason: 'test' };

let store: ReturnType<typeof createAppStore>;
let workers: FakeWorker[];
let written: RunRecord[];
let controller: Controller;
const worker = () => workers[workers.length - 1]!;

beforeEach(() => {
  vi.useFakeTimers();
  store = createAppStore();
  workers = [];
  written = [];
  controller = createController(store, {
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    },
    writer: (s) =>
      createRunWriter(s, {
        putRun: (r) => {
          written.push(r);
          return Promise.resolve();
        },
        pruneCheckpoints: () => Promise.resolve(),
        putOutputs: () => Promise.resolve(),
        now: () => 1,
      }),
  });
  store.setState({ controller });
});

afterEach(() => {
  controller.dispose();
  vi.useRealTimers();
});

/** Loads the default dataset: the worker answers the latest request. */
function loadDataset(): void {
  controller.load(store.getState().datasetChoice, false);
  const { requestId } = worker().last('loadDataset');
  worker().emit({ type: 'datasetLoaded', requestId, summary });
}

function startRun(): string {
  loadDataset();
  controller.train();
  const { runId } = worker().last('train');
  return runId;
}

const started = (runId: string): RunEvent => ({
  type: 'runStarted',
  runId,
  backend,
  trainRows: 70,
  validationRows: 15,
  testRows: 15,
  preprocessing: {
    format: 'train-smarter-preprocessing',
    version: 1,
    datasetName: summary.name,
    kind: summary.kind,
    task: summary.task,
    featureShape: summary.featureShape,
    featureNames: summary.featureNames,
    classNames: summary.classNames,
    inputScale: 1,
    standardization: null,
  },
});

describe('controller', () => {
  it('a run from Train to Done: the live view and the written record are one', async () => {
    const runId = startRun();
    expect(store.getState().run?.record.status).toBe('running');
    worker().emit(started(runId));
    const progress = {
      epoch: 1,
      epochs: 1,
      batch: 1,
      batches: 1,
      samplesPerSec: 1,
      etaSec: 0,
      warmingUp: false,
    };
    worker().emit({
      type: 'progress',
      runId,
      progress,
      batches: [{ step: 0, epoch: 1, loss: 0.7 }],
    });
    // Live events are coalesced: nothing moves until the flush interval has passed.
    expect(store.getState().run?.record.batches).toHaveLength(0);
    vi.advanceTimersByTime(LIVE_FLUSH_MS);
    expect(store.getState().run?.record.batches).toHaveLength(1);
    worker().emit({
      type: 'epoch',
      runId,
      metrics: {
        epoch: 1,
        loss: 0.7,
        valLoss: 0.6,
        accuracy: 0.5,
        valAccuracy: 0.6,
        durationMs: 5,
      },
    });
    // A status event flushes the queued epoch first, so it is never overtaken.
    worker().emit({
      type: 'checkpoint',
      runId,
      info: { epoch: 1, valLoss: 0.6, bytes: 8 },
      kinds: ['final', 'best'],
    });
    worker().emit({
      type: 'finished',
      runId,
      status: 'completed',
      evaluation: { loss: 0.6, accuracy: 0.6 },
      outputs: null,
    });
    const run = store.getState().run!;
    expect(run.record.status).toBe('completed');
    expect(run.record.epochs).toHaveLength(1);
    expect(run.record.checkpoints.final?.epoch).toBe(1);
    await controller.idle();
    const last = written[written.length - 1]!;
    expect(last.status).toBe('completed');
    expect(last.checkpoints.best?.epoch).toBe(1);
    expect(last.epochs).toEqual(run.record.epochs);
    // The runs list shows what was written.
    expect(store.getState().runs.map((r) => r.id)).toEqual([runId]);
  });

  it('ignores events of an earlier run and answers to stale dataset requests', () => {
    const runId = startRun();
    worker().emit(started('someone-else'));
    expect(store.getState().run?.backend).toBeNull();
    worker().emit(started(runId));
    expect(store.getState().run?.backend?.name).toBe('cpu');
    const before = store.getState().dataset;
    worker().emit({ type: 'datasetLoaded', requestId: 0, summary: { ...summary, name: 'stale' } });
    expect(store.getState().dataset).toBe(before);
  });

  it('a crashed worker fails the run, is replaced, and the dataset loads again', async () => {
    const runId = startRun();
    worker().emit(started(runId));
    const first = worker();
    first.crash();
    expect(store.getState().run?.record.status).toBe('failed');
    expect(store.getState().run?.record.error).toBe('boom');
    expect(store.getState().workerFailure?.kind).toBe('crashed');
    expect(first.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(worker().last('loadDataset').choice).toEqual(store.getState().datasetChoice);
    await controller.idle();
    expect(written.at(-1)?.status).toBe('failed');
  });

  it('an upload becomes the workspace choice only once loaded; an error keeps the previous one', () => {
    loadDataset();
    const previous = store.getState().datasetChoice;
    const choice = {
      kind: 'upload' as const,
      format: 'csv' as const,
      uploadId: 'u1',
      name: 'a.csv',
      size: 10,
      hasHeader: true,
      spec: {
        version: 1 as const,
        target: 'y',
        task: 'binary' as const,
        standardizeTarget: false,
        columns: [],
      },
    };
    controller.loadCsvUpload(choice);
    expect(store.getState().datasetChoice).toEqual(previous);
    const { requestId } = worker().last('loadDataset');
    worker().emit({ type: 'datasetError', requestId, message: 'Row 3 has 2 cells.' });
    expect(store.getState().datasetChoice).toEqual(previous);
    expect(store.getState().datasetError).toBe('Row 3 has 2 cells.');
    controller.loadCsvUpload(choice);
    worker().emit({
      type: 'datasetLoaded',
      requestId: worker().last('loadDataset').requestId,
      summary,
    });
    expect(store.getState().datasetChoice).toEqual(choice);
    expect(store.getState().datasetLoading).toBe(false);
  });

  it('continue asks the worker to resume from the record’s final checkpoint', () => {
    loadDataset();
    const runId = startRun();
    worker().emit(started(runId));
    worker().emit({
      type: 'checkpoint',
      runId,
      info: { epoch: 1, valLoss: 0.5, bytes: 8 },
      kinds: ['final', 'best'],
    });
    worker().emit({ type: 'finished', runId, status: 'stopped', evaluation: null, outputs: null });
    const record = store.getState().run!.record;
    controller.continueRun(record);
    const msg = worker().last('train');
    expect(msg.runId).toBe(runId);
    expect(msg.resume).toEqual({ fromEpoch: 1, best: { epoch: 1, valLoss: 0.5, bytes: 8 } });
    expect(store.getState().run?.record.status).toBe('running');
  });

  it('a checkpoint that could not be stored is reported once, and the run goes on', () => {
    const runId = startRun();
    worker().emit(started(runId));
    for (let i = 0; i < 2; i++) {
      worker().emit({
        type: 'checkpointNotSaved',
        runId,
        message: 'quota',
        quota: true,
        unavailable: false,
      });
    }
    const notices = store.getState().notices.filter((n) => /storage is full/.test(n.text));
    expect(notices).toHaveLength(1);
    expect(store.getState().run?.record.status).toBe('running');
  });
});
