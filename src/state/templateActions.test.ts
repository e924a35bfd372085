import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import './memoryStorage';
import { FakeWorker } from '../worker/fakeWorker';
import { FASHION_MNIST_CLASSES } from '../core/data/bundled';
import type { DatasetSummary } from '../core/data/types';
import { defaultGraph } from '../core/graph/presets';
import { defaultOrigin } from '../core/templates/proposal';
import { CONVNET_AUGMENTATION, TEMPLATES } from '../core/templates/templates';
import { DEFAULT_TRAINING_CONFIG } from '../core/train/types';
import { createController, type Controller } from './session/controller';
import { useAppStore } from './store';
import { loadTemplate, redoEdit, templateScale, undoEdit } from './templateActions';

const fashion: DatasetSummary = {
  name: 'Fashion-MNIST (3,000 images)',
  kind: 'image',
  task: 'multiclass',
  featureShape: [28, 28, 1],
  n: 3000,
  classNames: FASHION_MNIST_CLASSES,
  classCounts: FASHION_MNIST_CLASSES.map(() => 300),
  featureNames: [],
  inputScale: 1 / 255,
};
const circles: DatasetSummary = {
  name: 'Circles',
  kind: 'points2d',
  task: 'binary',
  featureShape: [2],
  n: 400,
  classNames: ['0', '1'],
  classCounts: [200, 200],
  featureNames: ['x', 'y'],
  inputScale: 1,
};

let worker: FakeWorker;
let controller: Controller;
const state = () => useAppStore.getState();
const past = () => useAppStore.temporal.getState().pastStates.length;

/** The worker answers the latest dataset request with `summary`. */
function answer(summary: DatasetSummary) {
  const { requestId } = worker.last('loadDataset');
  worker.emit({ type: 'datasetLoaded', requestId, summary });
}

beforeEach(() => {
  vi.stubGlobal('location', { search: '' });
  controller = createController(useAppStore, {
    createWorker: () => {
      worker = new FakeWorker();
      return worker as unknown as Worker;
    },
    writer: () => ({ idle: () => Promise.resolve(), dispose: () => {} }),
  });
  useAppStore.setState({
    controller,
    graph: defaultGraph(),
    graphOrigin: defaultOrigin(),
    config: DEFAULT_TRAINING_CONFIG,
    datasetChoice: { kind: 'synthetic', id: 'circles', size: 400, noise: 0.1 },
    dataset: circles,
    datasetLoading: false,
  });
  useAppStore.temporal.getState().clear();
});

afterEach(() => {
  controller.dispose();
  vi.unstubAllGlobals();
});

describe('loading a template', () => {
  it('loads its dataset, then sets graph and settings as one undo step that undo and redo replay whole', () => {
    loadTemplate('image');
    expect(worker.last('loadDataset').choice).toEqual({
      kind: 'bundled',
      id: 'fashion-mnist',
      augmentation: CONVNET_AUGMENTATION,
    });
    // Nothing on the canvas changes until the dataset is there.
    expect(state().graph).toEqual(defaultGraph());
    answer(fashion);
    expect(state().graph).toEqual(TEMPLATES.image.graph(fashion, 'full'));
    expect(state().graphOrigin?.source).toBe('template:image');
    expect(state().config).toMatchObject({ batchSize: 128, epochs: 15, learningRate: 0.001 });
    expect(past()).toBe(1);

    undoEdit();
    expect(state().graph).toEqual(defaultGraph());
    expect(state().config).toEqual(DEFAULT_TRAINING_CONFIG);
    expect(worker.last('loadDataset').choice).toEqual({
      kind: 'synthetic',
      id: 'circles',
      size: 400,
      noise: 0.1,
    });
    answer(circles);
    // The dataset coming back does not add an undo step: redo is still there.
    redoEdit();
    expect(state().graph).toEqual(TEMPLATES.image.graph(fashion, 'full'));
    expect(state().config.batchSize).toBe(128);
    expect(worker.last('loadDataset').choice).toMatchObject({ id: 'fashion-mnist' });
  });

  it('keeps a setting typed while its dataset loads; undo goes back to before the template', () => {
    loadTemplate('image');
    // The person types 1 epoch and picks WASM before Fashion-MNIST has arrived.
    state().setConfig({ ...state().config, epochs: 1, backend: 'wasm' });
    answer(fashion);
    expect(state().graphOrigin?.source).toBe('template:image');
    expect(state().config).toMatchObject({
      epochs: 1,
      backend: 'wasm',
      batchSize: 128,
      learningRate: 0.001,
    });
    undoEdit();
    expect(state().config).toEqual(DEFAULT_TRAINING_CONFIG);
  });

  it('applies at once to a loaded dataset it fits, and an edit after it undoes alone', () => {
    useAppStore.setState({
      datasetChoice: { kind: 'bundled', id: 'fashion-mnist', augmentation: CONVNET_AUGMENTATION },
      dataset: fashion,
    });
    const sent = worker.sent.length;
    loadTemplate('quickstart');
    expect(worker.sent.length).toBe(sent);
    expect(state().graph).toEqual(TEMPLATES.quickstart.graph(fashion, 'full'));
    state().updateParams('dense_1', { units: 64 });
    expect(past()).toBe(2);
    undoEdit();
    // Undoing the edit leaves the template's settings alone.
    expect(state().graph).toEqual(TEMPLATES.quickstart.graph(fashion, 'full'));
    expect(state().config).toMatchObject({ batchSize: 128, epochs: 5 });
    undoEdit();
    expect(state().graph).toEqual(defaultGraph());
    expect(state().config).toEqual(DEFAULT_TRAINING_CONFIG);
  });

  it('shrinks only with test hooks on and ?templateScale=tiny', () => {
    expect(templateScale('?templateScale=tiny')).toBe('full');
    vi.stubGlobal('location', { search: '?testHooks=1&templateScale=tiny' });
    expect(templateScale()).toBe('tiny');
  });
});
