import { describe, expect, it } from 'vitest';
import { NO_AUGMENTATION } from '../../data/images/types';
import type { DatasetChoice } from '../../data/types';
import { analyzeGraph } from '../../graph/analyze';
import { defaultGraph, presetGraph } from '../../graph/presets';
import type { ModelGraph, TargetSpec } from '../../graph/types';
import { diffConfigs } from '../../runs/configDiff';
import { chainOf } from '../../graph/testGraphs';
import { DEFAULT_TRAINING_CONFIG, type TrainingConfig } from '../settings';
import { detectLearningRate, detectOverfitting, detectPlateau, detectUnderfitting } from './curves';
import { detectDivergence } from './divergence';
import { detectImbalance } from './imbalance';
import { detectDeadUnits, detectGradients } from './layers';
import { applyRemedy, REMEDY_AUGMENTATION, REMEDY_IDS, type RemedyContext } from './remedies';
import { history } from './synthetic';

const binary: TargetSpec = { shape: [null, 1], task: 'binary' };
const tenClasses: TargetSpec = { shape: [null, 10], task: 'multiclass' };
const circles: DatasetChoice = { kind: 'synthetic', id: 'circles', size: 400, noise: 0.1 };
const images: DatasetChoice = {
  kind: 'upload',
  format: 'images',
  uploadId: 'u1',
  name: 'pets',
  decode: { size: 'auto', color: 'rgb', centerCrop: false },
  scaling: 'unit',
  augmentation: NO_AUGMENTATION,
};

function ctx(over: Partial<RemedyContext> = {}): RemedyContext {
  return {
    graph: defaultGraph(),
    config: DEFAULT_TRAINING_CONFIG,
    datasetChoice: circles,
    target: binary,
    ...over,
  };
}

/** Applies a remedy that must edit; the edited graph must analyse without problems. */
function edit(id: string, c: RemedyContext = ctx()) {
  const plan = applyRemedy(id, c);
  if (plan.kind !== 'edit') throw new Error(`${id}: ${JSON.stringify(plan)}`);
  expect(analyzeGraph(plan.graph, c.target).issues).toEqual([]);
  // What differs from the parent is the remedy and nothing else.
  const paths = diffConfigs(c, plan).map((d) => d.path);
  return { ...plan, paths };
}

const refusal = (id: string, c: RemedyContext = ctx()) => {
  const plan = applyRemedy(id, c);
  return plan.kind === 'refused' ? plan.reason : null;
};

const withConfig = (patch: Partial<TrainingConfig>) =>
  ctx({ config: { ...DEFAULT_TRAINING_CONFIG, ...patch } });

const node = (g: ModelGraph, id: string) => g.nodes.find((n) => n.id === id);

/** One epoch's statistics of dense_1 (RMS gradient `first`, dead share) and dense_2 (1). */
const layerEpoch = (epoch: number, first: number, dead?: number) => {
  const flat = { left: 0, right: 1, counts: [1] };
  const stat = (layer: string, gradRms: number) => ({
    layer,
    weights: flat,
    activations: flat,
    gradRms,
    units: 8,
  });
  const d1 = { ...stat('dense_1', first), ...(dead === undefined ? {} : { deadFraction: dead }) };
  return { epoch, layers: [d1, stat('dense_2', 1)] };
};

describe('settings remedies', () => {
  it('early stopping: on, restoring the best weights, at the configured patience', () => {
    const r = edit('early-stopping', withConfig({ restoreBestWeights: false }));
    expect(r.config.earlyStopping).toBe(true);
    expect(r.config.restoreBestWeights).toBe(true);
    expect(r.change).toBe('Early stopping on (patience 5, restore best weights)');
    expect(r.paths).toEqual(['earlyStopping', 'restoreBestWeights']);
    expect(refusal('early-stopping', withConfig({ earlyStopping: true }))).toMatch(/already on/);
  });

  it('learning rate × 10 and ÷ 10, without float noise, within the setting range', () => {
    expect(edit('lr-divide-10', withConfig({ learningRate: 0.1 })).change).toBe(
      'Learning rate 0.1 → 0.01',
    );
    const up = edit('lr-times-10', withConfig({ learningRate: 0.003 }));
    expect(up.config.learningRate).toBe(0.03);
    expect(up.change).toBe('Learning rate 0.003 → 0.03');
    expect(up.paths).toEqual(['learningRate']);
    expect(edit('raise-lr').config.learningRate).toBe(0.1);
    expect(refusal('lr-times-10', withConfig({ learningRate: 2 }))).toMatch(/outside/);
  });

  it('train longer doubles the epochs', () => {
    const r = edit('train-longer');
    expect(r.config.epochs).toBe(60);
    expect(r.change).toBe('Epochs 30 → 60');
  });

  it('clip gradients at global norm 1; a looser clip is tightened, a tighter one refused', () => {
    expect(edit('clip-gradients').change).toBe('Gradients clipped to global norm 1');
    expect(edit('clip-gradients', withConfig({ clipNorm: 5 })).change).toBe(
      'Gradient clipping norm 5 → 1',
    );
    expect(refusal('clip-gradients', withConfig({ clipNorm: 0.5 }))).toMatch(/already clipped/);
  });

  it('weight classes: on for classification only', () => {
    const r = edit('weight-classes');
    expect(r.config.classWeights).toBe(true);
    expect(r.paths).toEqual(['classWeights']);
    expect(
      refusal('weight-classes', ctx({ target: { shape: [null, 1], task: 'regression' } })),
    ).toBe('Class weights need classes.');
  });

  it('reduce on plateau, at half the early-stopping patience when that is on', () => {
    const r = edit('reduce-on-plateau');
    expect(r.config.lrSchedule).toBe('plateau');
    expect(r.change).toBe('Learning-rate schedule: reduce on plateau (factor 0.1, patience 10)');
    const both = edit(
      'reduce-on-plateau',
      withConfig({ earlyStopping: true, lrSchedule: 'cosine' }),
    );
    expect(both.config.plateauPatience).toBe(2);
    expect(both.change).toBe(
      'Learning-rate schedule: reduce on plateau (factor 0.1, patience 2) (was cosine decay)',
    );
  });
});

describe('model remedies', () => {
  it('adds Dropout 0.3 after the last hidden layer, rewiring its outgoing edge', () => {
    const r = edit('add-dropout');
    expect(r.change).toBe('Dropout 0.3 added after dense_2');
    const dropout = r.graph.nodes.find((n) => n.type === 'Dropout')!;
    expect(dropout.params.rate).toBe(0.3);
    const links = r.graph.edges.map((e) => `${e.source}>${e.target}`);
    expect(links).toContain(`dense_2>${dropout.id}`);
    expect(links).toContain(`${dropout.id}>dense_3`);
    expect(links).not.toContain('dense_2>dense_3');
  });

  it('raises a weaker Dropout already after the layer instead of adding a second', () => {
    const mlp = ctx({ graph: presetGraph('mlp'), target: tenClasses });
    const r = edit('add-dropout', mlp);
    expect(r.change).toBe('Dropout after dense_1 raised from 0.2 to 0.3');
    expect(r.graph.nodes.filter((n) => n.type === 'Dropout')).toHaveLength(1);
    expect(refusal('add-dropout', { ...mlp, graph: r.graph })).toMatch(/already followed/);
  });

  it('adds L2 1e-4 to the last hidden layer', () => {
    const r = edit('add-l2');
    expect(node(r.graph, 'dense_2')?.params.l2).toBe(1e-4);
    expect(r.change).toBe('L2 1e-4 on dense_2');
    expect(r.paths).toEqual(['Dense #2 l2']);
    expect(refusal('add-l2', { ...ctx(), graph: r.graph })).toMatch(/already has L2/);
  });

  it('halves or doubles every hidden layer, never the output', () => {
    const fewer = edit('fewer-units');
    expect(fewer.change).toBe('Hidden layers halved: dense_1 8 → 4 units, dense_2 8 → 4 units');
    expect(node(fewer.graph, 'dense_3')?.params.units).toBe(1);
    const wider = edit('wider', ctx({ graph: presetGraph('cnn'), target: tenClasses }));
    expect(wider.change).toBe(
      'Hidden layers twice as wide: conv2d_1 8 → 16 filters, conv2d_2 8 → 16 filters',
    );
    const one = defaultGraph();
    one.nodes[1]!.params.units = 1;
    one.nodes[2]!.params.units = 1;
    expect(refusal('fewer-units', ctx({ graph: one }))).toMatch(/No hidden layer/);
  });

  it('deeper repeats the last hidden Dense after it', () => {
    const r = edit('deeper');
    expect(r.change).toBe('Dense dense_4 (8 units, relu) added after dense_2');
    // The copy also carries the schema's defaults for params the original leaves unset.
    expect(node(r.graph, 'dense_4')?.params).toMatchObject(node(r.graph, 'dense_2')!.params);
    expect(r.graph.edges.some((e) => e.source === 'dense_4' && e.target === 'dense_3')).toBe(true);
    expect(refusal('deeper', ctx({ graph: presetGraph('cnn'), target: tenClasses }))).toMatch(
      /no hidden layer with units/,
    );
  });

  it("refuses an edit that would break the model, with the analyser's message", () => {
    // Reshape [2, 4] needs exactly 8 values: doubling the Dense before it cannot fit.
    const graph = chainOf([
      ['input_1', 'Input', { shape: [4] }],
      ['dense_1', 'Dense', { units: 8 }],
      ['reshape_1', 'Reshape', { targetShape: [2, 4] }],
      ['flatten_1', 'Flatten'],
      ['dense_2', 'Dense', { units: 1, activation: 'sigmoid' }],
    ]);
    expect(analyzeGraph(graph, binary).issues).toEqual([]);
    expect(refusal('wider', ctx({ graph }))).toMatch(/^It would break the model: Reshape #1/);
  });
});

describe('data and view remedies', () => {
  it('augment turns image augmentation on for uploaded images only', () => {
    const r = edit('augment', ctx({ datasetChoice: images }));
    expect(r.datasetChoice).toMatchObject({ augmentation: REMEDY_AUGMENTATION });
    expect(r.paths.every((p) => p.startsWith('dataset augmentation.'))).toBe(true);
    expect(r.change).toMatch(/^Image augmentation on \(horizontal flip 50%/);
    expect(refusal('augment')).toMatch(/uploaded image folders/);
    expect(refusal('augment', { ...ctx(), datasetChoice: r.datasetChoice })).toMatch(/already/);
  });

  it('balanced accuracy changes the report, not the run; find-lr runs the range test', () => {
    expect(applyRemedy('balanced-accuracy', ctx())).toEqual({
      kind: 'view',
      view: 'balanced-accuracy',
      change: 'The evaluation report leads with balanced accuracy',
    });
    expect(applyRemedy('find-lr', ctx())).toMatchObject({ kind: 'tool', tool: 'find-lr' });
    expect(refusal('nonsense')).toBe('Unknown remedy "nonsense".');
  });
});

describe('every remedy a detector offers', () => {
  const rising = [1, 1.2, 1.5, 1.9, 2.4];
  const base = { task: 'multiclass' as const, loss: 'categoricalCrossentropy' as const };
  const offered = [
    ...detectOverfitting({
      ...base,
      history: history([1, 0.8, 0.6, 0.5, 0.4, 0.3], [1, 0.8, 0.7, 0.8, 0.9, 1]),
      images: true,
      lastHiddenLayer: 'dense_2',
    }),
    ...detectUnderfitting({
      ...base,
      history: history([1, 1, 1], [1, 1, 1], [0.5, 0.5, 0.5]),
      classCounts: [50, 50],
    }),
    ...detectImbalance({ ...base, history: [], classCounts: [100, 10] }),
    ...detectDivergence(history([1, NaN], [1, NaN]), [], 'categoricalCrossentropy'),
    ...detectLearningRate({ ...base, history: history(rising, rising) }),
    ...detectLearningRate({ ...base, history: history([1, 1, 1], [1, 1, 1]) }),
    ...detectPlateau({ ...base, history: history(Array(12).fill(1), Array(12).fill(1)) }),
    ...detectDeadUnits({ ...base, history: [], layerStats: [layerEpoch(1, 1, 0.9)] }),
    ...detectGradients({
      ...base,
      history: [],
      layerStats: [layerEpoch(1, 1e-5), layerEpoch(2, 1e-5)],
    }),
  ].flatMap((f) => f.remedies);

  it('covers all ten kinds and is known to applyRemedy', () => {
    expect(new Set(offered.map((r) => r.id)).size).toBeGreaterThanOrEqual(18);
    for (const r of offered) expect(REMEDY_IDS).toContain(r.id);
  });

  it('has a label that cannot be mistaken for the Train, Compare, Continue or Close buttons', () => {
    // Tests find those buttons by name (a substring match): a remedy shown while they are
    // enabled must not match. (Remedies are hidden while a run trains, when Stop and Pause are.)
    for (const r of offered) expect(r.label).not.toMatch(/train|compare|continue|close/i);
  });
});
