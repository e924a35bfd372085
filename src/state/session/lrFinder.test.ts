import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWorker } from '../../worker/fakeWorker';
import '../memoryStorage';
import { createAppStore } from '../store';
import { createController, type Controller } from './controller';
import { createRunWriter } from '../persistence/runWriter';
import { makeSynthetic } from '../../core/data/synthetic';
import { summarizeDataset } from '../../core/data/summary';
import { rangeTestRate } from '../../core/train/lrFinder/rangeTest';
import { selectLrFinderStale, selectSuggestedRate } from '../lrFinderSlice';

const summary = summarizeDataset(makeSynthetic('circles', 100, 0.1, 1));
const backend = { name: 'cpu' as const, label: 'CPU', reason: 'test' };
const point = (i: number) => ({ lr: rangeTestRate(i), loss: 1 - i / 200, rawLoss: 1 });

let store: ReturnType<typeof createAppStore>;
let worker: FakeWorker;
let controller: Controller;

beforeEach(() => {
  vi.useFakeTimers();
  store = createAppStore();
  controller = createController(store, {
    createWorker: () => (worker = new FakeWorker()) as unknown as Worker,
    writer: (s) =>
      createRunWriter(s, {
        putRun: () => Promise.resolve(),
        pruneCheckpoints: () => Promise.resolve(),
        putOutputs: () => Promise.resolve(),
        now: () => 1,
      }),
  });
  store.setState({ controller });
  controller.load(store.getState().datasetChoice, false);
  worker.emit({
    type: 'datasetLoaded',
    requestId: worker.last('loadDataset').requestId,
    summary,
  });
});

afterEach(() => {
  controller.dispose();
  vi.useRealTimers();
});

describe('the learning-rate finder session', () => {
  it('sends the current graph and settings and follows the test to its suggestions', () => {
    store.getState().setConfig({ optimizer: 'momentum', learningRate: 0.5 });
    controller.findLearningRate();
    const sent = worker.last('findLearningRate');
    expect(sent.graph).toBe(store.getState().graph);
    expect(sent.config).toMatchObject({ optimizer: 'momentum', learningRate: 0.5 });
    // A second click while it runs starts nothing.
    controller.findLearningRate();
    expect(worker.sent.filter((m) => m.type === 'findLearningRate')).toHaveLength(1);

    const { requestId } = sent;
    worker.emit({ type: 'lrFinderStarted', requestId, backend, numIt: 100 });
    worker.emit({ type: 'lrFinderProgress', requestId, points: [point(0), point(1)] });
    // Another request's answers are not this test's.
    worker.emit({ type: 'lrFinderProgress', requestId: requestId + 5, points: [point(9)] });
    worker.emit({ type: 'lrFinderProgress', requestId, points: [point(2)] });
    expect(store.getState().lrFinder).toMatchObject({
      status: 'running',
      backend: 'CPU',
      points: [point(0), point(1), point(2)],
    });

    const points = Array.from({ length: 100 }, (_, i) => point(i));
    const suggestions = {
      valley: { lr: 0.0123456, loss: 0.8 },
      steep: { lr: 0.2987, loss: 0.7 },
    };
    worker.emit({
      type: 'lrFinderFinished',
      requestId,
      points,
      result: { status: 'completed', end: 'end', suggestions },
    });
    expect(store.getState().lrFinder).toMatchObject({
      status: 'done',
      points,
      end: 'end',
      suggestions,
    });
    expect(selectLrFinderStale(store.getState())).toBe(false);
    expect(selectSuggestedRate(store.getState())).toBe(0.0123);
    controller.applySuggestedRate();
    expect(store.getState().config.learningRate).toBe(0.0123);
    store.getState().setLrFinderRule('steep');
    controller.applySuggestedRate();
    expect(store.getState().config.learningRate).toBe(0.299);
    // The rate it set does not make the test stale; another batch size or model does.
    expect(selectLrFinderStale(store.getState())).toBe(false);
    store.getState().setConfig({ batchSize: 64 });
    expect(selectLrFinderStale(store.getState())).toBe(true);
    store.getState().setConfig({ batchSize: 32 });
    expect(selectLrFinderStale(store.getState())).toBe(false);
    // Moving layers on the canvas is not a change of model; a layer's parameters are.
    store.getState().autoLayout();
    expect(selectLrFinderStale(store.getState())).toBe(false);
    store.getState().updateParams('dense_1', { units: 4 });
    expect(selectLrFinderStale(store.getState())).toBe(true);
  });

  it('cancels the running test only, and keeps its points', () => {
    controller.findLearningRate();
    const { requestId } = worker.last('findLearningRate');
    controller.cancelLearningRateFinder();
    expect(worker.last('cancelLearningRateFinder')).toEqual({
      type: 'cancelLearningRateFinder',
      requestId,
    });
    worker.emit({
      type: 'lrFinderFinished',
      requestId,
      points: [point(0)],
      result: { status: 'cancelled' },
    });
    expect(store.getState().lrFinder).toEqual({ status: 'cancelled', points: [point(0)] });
    expect(selectSuggestedRate(store.getState())).toBeNull();
    const before = worker.sent.length;
    controller.cancelLearningRateFinder();
    expect(worker.sent).toHaveLength(before);
  });

  it('shows a failure, and ends a test whose worker crashed', () => {
    controller.findLearningRate();
    const { requestId } = worker.last('findLearningRate');
    worker.emit({ type: 'lrFinderFailed', requestId, message: 'No kernel' });
    expect(store.getState().lrFinder).toEqual({ status: 'failed', message: 'No kernel' });
    controller.findLearningRate();
    worker.crash('boom');
    expect(store.getState().lrFinder).toEqual({ status: 'failed', message: 'boom' });
  });

  it('does not start while a run trains', () => {
    controller.train();
    controller.findLearningRate();
    expect(worker.sent.some((m) => m.type === 'findLearningRate')).toBe(false);
    expect(store.getState().lrFinder.status).toBe('idle');
  });
});
