import { beforeEach, describe, expect, it } from 'vitest';
import './memoryStorage';
import { createAppStore } from './store';
import { createRemedyActions, type DataLoaders } from './remedyActions';
import { createRunCommands } from './session/runCommands';
import { watchChildRuns } from './session/childRuns';
import { summarizeDataset } from '../core/data/summary';
import { makeSynthetic } from '../core/data/synthetic';
import type { DatasetChoice } from '../core/data/types';
import { presetGraph } from '../core/graph/presets';
import { epochsWith, testRecord } from '../core/runs/testRecords';
import { newLiveRun } from '../core/runs/live';
import type { ToWorker } from '../worker/protocol';
import { parseWorkspaceRemedy } from './remedySlice';

let store: ReturnType<typeof createAppStore>;
let loaded: DatasetChoice[];
let sent: ToWorker[];
let remedies: ReturnType<typeof createRemedyActions>;

const state = () => store.getState();
const past = () => store.temporal.getState().pastStates.length;
const circles = summarizeDataset(makeSynthetic('circles', 100, 0.1, 1));
const parent = testRecord('parent', { name: 'Run 1', epochs: epochsWith([0.7, 0.6, 0.8]) });

let finderRuns: number[] = [];

beforeEach(() => {
  // Each test starts from an empty workspace, not the one the previous test saved.
  localStorage.removeItem('train-smarter-workspace');
  store = createAppStore();
  finderRuns = [];
  loaded = [];
  sent = [];
  const loaders: DataLoaders = {
    load: (c) => loaded.push(c),
    loadCsv: (c) => loaded.push(c),
    loadImages: (c) => loaded.push(c),
    findLearningRate: () => finderRuns.push(state().config.learningRate),
  };
  remedies = createRemedyActions(store, loaders);
  // The workspace has moved on from the parent: another model and learning rate.
  store.setState({
    graph: presetGraph('mlp'),
    config: { ...parent.config, learningRate: 0.5, seed: 7 },
    datasetChoice: parent.datasetChoice,
    dataset: circles,
    runs: [parent],
  });
  store.temporal.getState().clear();
});

const train = () =>
  createRunCommands(
    store,
    (m) => sent.push(m),
    () => 'child',
  ).train();

describe('applying a remedy', () => {
  it('restores the parent’s workspace plus the change, as one undo step', () => {
    const plan = remedies.prepareRemedy(parent, 'lr-divide-10');
    expect(plan.kind).toBe('edit');
    expect(state().graph).toEqual(parent.graph);
    expect(state().config).toEqual({ ...parent.config, learningRate: 0.001 });
    expect(state().pendingRemedy).toMatchObject({
      parentId: 'parent',
      parentName: 'Run 1',
      change: 'Learning rate 0.01 → 0.001',
    });
    expect(past()).toBe(1);
    expect(loaded).toEqual([]);
    store.temporal.getState().undo();
    expect(state().graph).toEqual(presetGraph('mlp'));
    expect(state().config.learningRate).toBe(0.5);
    expect(state().pendingRemedy).toBeNull();
    store.temporal.getState().redo();
    expect(state().pendingRemedy?.remedyId).toBe('lr-divide-10');
  });

  it('changes the layers a finding names, and one undo takes the whole edit back', () => {
    const plan = remedies.prepareRemedy(parent, 'leaky-relu', ['dense_2']);
    expect(plan.kind).toBe('edit');
    const byId = new Map(state().graph.nodes.map((n) => [n.id, n]));
    expect(byId.get('dense_2')?.params.activation).toBe('linear');
    expect(byId.get('leakyrelu_1')?.type).toBe('LeakyReLU');
    expect(byId.get('dense_1')?.params.activation).toBe('relu');
    expect(state().pendingRemedy?.change).toBe(
      'ReLU of dense_2 replaced by a LeakyReLU layer (slope 0.3) after it',
    );
    expect(past()).toBe(1);
    store.temporal.getState().undo();
    expect(state().graph).toEqual(presetGraph('mlp'));
    expect(state().pendingRemedy).toBeNull();
  });

  it('keeps settings edits out of the history, and undoing a graph edit leaves them', () => {
    state().setConfig({ epochs: 5 });
    expect(past()).toBe(0);
    state().addNode('Flatten', { x: 0, y: 0 });
    state().setConfig({ epochs: 6 });
    store.temporal.getState().undo();
    expect(state().graph).toEqual(presetGraph('mlp'));
    expect(state().config.epochs).toBe(6);
  });

  it('loads the parent’s dataset when another is loaded; refuses an upload this tab lacks', () => {
    const other: DatasetChoice = { kind: 'synthetic', id: 'xor', size: 200, noise: 0 };
    store.setState({ datasetChoice: other });
    remedies.prepareRemedy(parent, 'early-stopping');
    expect(loaded).toEqual([parent.datasetChoice]);
    const upload = testRecord('u', {
      datasetChoice: {
        kind: 'upload',
        format: 'csv',
        uploadId: 'file-1',
        name: 'a.csv',
        size: 1,
        hasHeader: true,
        spec: { version: 1, target: 'y', task: 'binary', standardizeTarget: false, columns: [] },
      },
    });
    expect(remedies.prepareRemedy(upload, 'early-stopping')).toEqual({
      kind: 'refused',
      reason: 'its data (a.csv) was an upload: upload it again first.',
    });
    expect(state().notices.at(-1)?.text).toMatch(/^Cannot prepare a remedy of u: its data/);
  });

  it('refuses while a run trains, and shows the report for balanced accuracy', () => {
    remedies.prepareRemedy(parent, 'early-stopping');
    expect(state().pendingRemedy).not.toBeNull();
    store.setState({ pendingRemedy: null, run: newLiveRun({ ...parent, status: 'running' }) });
    expect(remedies.prepareRemedy(parent, 'wider').kind).toBe('refused');
    store.setState({ run: null });
    expect(remedies.prepareRemedy(parent, 'balanced-accuracy').kind).toBe('view');
    expect(state().headlineLead).toBe('balancedAccuracy');
    expect(state().reportRunId).toBe('parent');
  });

  it('Undo the remedy takes the step back; after other edits it only forgets the remedy', () => {
    remedies.prepareRemedy(parent, 'wider');
    remedies.undoRemedy();
    expect(state().graph).toEqual(presetGraph('mlp'));
    expect(state().pendingRemedy).toBeNull();
    remedies.prepareRemedy(parent, 'wider');
    const widened = state().graph;
    state().setConfig({ epochs: 3 });
    remedies.undoRemedy();
    expect(state().pendingRemedy).toBeNull();
    expect(state().graph).toBe(widened);
  });
});

describe('the child run', () => {
  it('is linked to its parent when trained right after the remedy', () => {
    remedies.prepareRemedy(parent, 'add-dropout');
    const steps = past();
    train();
    const record = state().run!.record;
    expect(record.lineage).toEqual({
      parentId: 'parent',
      remedyId: 'add-dropout',
      change: 'Dropout 0.3 added after dense_2',
    });
    // The parent's seed and split: the remedy is the only difference.
    expect(record.config.seed).toBe(parent.config.seed);
    expect(record.config.split).toEqual(parent.config.split);
    expect(state().pendingRemedy).toBeNull();
    expect(past()).toBe(steps);
    expect(sent.map((m) => m.type)).toEqual(['train']);
  });

  it('is not linked when something else changed, and the user is told what', () => {
    remedies.prepareRemedy(parent, 'add-dropout');
    state().setConfig({ batchSize: 64 });
    train();
    expect(state().run!.record.lineage).toBeUndefined();
    expect(state().notices.at(-1)?.text).toBe(
      'Run 2 is not linked to Run 1: besides the remedy, batchSize 32 → 64 changed.',
    );
  });

  it('opens the comparison with its parent once it is finished and stored', () => {
    const stop = watchChildRuns(store);
    remedies.prepareRemedy(parent, 'early-stopping');
    train();
    const child = state().run!.record;
    store.setState({ runs: [{ ...child }, parent] });
    expect(state().compareOpen).toBe(false);
    const done = { ...child, status: 'completed' as const };
    store.setState({ run: { ...state().run!, record: done } });
    expect(state().compareOpen).toBe(false);
    store.setState({ runs: [done, parent] });
    expect(state().compareOpen).toBe(true);
    expect(state().selectedRunIds).toEqual(['parent', 'child']);
    // Once: closing it does not reopen it.
    store.setState({ compareOpen: false, runs: [{ ...done }, parent] });
    expect(state().compareOpen).toBe(false);
    stop();
  });
});

describe('a pending remedy after a reload', () => {
  it('is read back when it is whole, and dropped when it is not', () => {
    remedies.prepareRemedy(parent, 'train-longer');
    const saved = JSON.parse(JSON.stringify(state().pendingRemedy)) as unknown;
    expect(parseWorkspaceRemedy(saved)).toEqual(state().pendingRemedy);
    expect(parseWorkspaceRemedy({ ...(saved as object), graph: { nodes: 3 } })).toBeNull();
    expect(parseWorkspaceRemedy(undefined)).toBeNull();
  });

  it("find-lr restores the parent run's model and settings and starts the range test", () => {
    const plan = remedies.prepareRemedy(parent, 'find-lr');
    expect(plan.kind).toBe('tool');
    expect(state().graph).toEqual(parent.graph);
    expect(finderRuns).toEqual([parent.config.learningRate]);
    expect(state().pendingRemedy).toBeNull();
  });
});
