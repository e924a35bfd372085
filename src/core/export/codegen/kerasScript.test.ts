/**
 * The generated Keras script runs against a recording stand-in for tensorflow.keras
 * (tests/python/keras_stub); the layers, parameters, connections and settings it records
 * must equal the graph's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjacency } from '../../graph/topology';
import type { ModelGraph } from '../../graph/types';
import { KERNEL_INITIALIZERS } from '../../layers/initializers';
import { getLayer, LAYERS } from '../../layers/registry';
import { DEFAULT_TRAINING_CONFIG, type TrainingConfig } from '../../train/types';
import type { PreprocessingInfo } from '../modelFiles';
import { kerasScript } from './kerasScript';
import { CASES } from './testCases';
import { referenceLr } from './testSchedules';

const PYTHON = '/usr/bin/python3';
const STEPS_PER_EPOCH = 4;
const ROOT = resolve(__dirname, '../../../../tests/python');

const pre: PreprocessingInfo = {
  format: 'train-smarter-preprocessing',
  version: 1,
  datasetName: 'wine',
  kind: 'tabular',
  task: 'multiclass',
  featureShape: [13],
  featureNames: ['alcohol'],
  classNames: ['a', 'b', 'c'],
  inputScale: 1,
  standardization: { mean: [1.5], std: [0.25] },
};

interface Recorded {
  layers: { class: string; name: string; config: Record<string, unknown>; inputs: string[] }[];
  model: { inputs: string; outputs: string };
  optimizer: { class: string; config: Record<string, unknown> };
  /** The schedule's learning rate at steps 0, 1, … (only for a schedule). */
  lrs?: number[];
  callbacks: { class: string; config: Record<string, unknown> }[];
  strategy: string;
  loss: string;
  config: TrainingConfig;
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'keras-rec-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function record(
  graph: ModelGraph,
  config: TrainingConfig,
  strategy = 'none',
  preprocessing = pre,
): Recorded {
  const script = kerasScript({ graph, config, preprocessing });
  if (!script.ok) throw new Error(script.message);
  const path = join(dir, `model_keras_${n++}.py`);
  writeFileSync(path, script.code);
  const args = ['--strategy', strategy, '--steps-per-epoch', String(STEPS_PER_EPOCH)];
  const out = execFileSync(
    PYTHON,
    [join(ROOT, 'keras_record.py'), path, ...args, '--lr-steps', '24'],
    {
      encoding: 'utf8',
      // No __pycache__ in the repository's stand-in folder.
      env: { ...process.env, PYTHONPATH: join(ROOT, 'keras_stub'), PYTHONDONTWRITEBYTECODE: '1' },
    },
  );
  return JSON.parse(out) as Recorded;
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Every node recorded once, with its class, every registry param and its inputs in order. */
function expectRecordedEqualsGraph(rec: Recorded, graph: ModelGraph): void {
  const adj = adjacency(graph);
  expect(rec.layers.map((l) => l.name).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
  for (const node of graph.nodes) {
    const layer = rec.layers.find((l) => l.name === node.id)!;
    expect(layer.class).toBe(node.type);
    expect(layer.inputs).toEqual(adj.incoming.get(node.id));
    const penalty = layer.config['kernel_regularizer'] as Record<string, number> | undefined;
    for (const spec of getLayer(node.type)!.params) {
      const want = node.params[spec.name] ?? spec.default;
      // L1 and L2 are one Keras argument, kernel_regularizer; absent means no penalty.
      const got =
        spec.name === 'l1' || spec.name === 'l2'
          ? (penalty?.[spec.name] ?? 0)
          : layer.config[snake(spec.name)];
      // Initializers go by their Keras names (he_normal for heNormal).
      const expected =
        spec.name === 'kernelInitializer' ? KERNEL_INITIALIZERS[want as 'heNormal'].keras : want;
      expect(got, `${node.id}.${spec.name}`).toEqual(expected);
    }
  }
}

describe('Keras script', () => {
  it('covers every registry layer type', () => {
    expect(Object.keys(CASES).sort()).toEqual(LAYERS.map((l) => l.type).sort());
  });

  it('records the same layers, parameters and connections as each graph', () => {
    for (const graphs of Object.values(CASES)) {
      for (const graph of graphs)
        expectRecordedEqualsGraph(record(graph, DEFAULT_TRAINING_CONFIG), graph);
    }
  }, 120_000);

  it('records the training settings and the distribution strategy', () => {
    const graph = CASES['Dense']![0]!;
    const config = {
      ...DEFAULT_TRAINING_CONFIG,
      optimizer: 'adam' as const,
      learningRate: 0.003,
      batchSize: 16,
      seed: 7,
    };
    const rec = record(graph, config, 'mirrored');
    expect(rec.strategy).toBe('mirrored');
    expect(rec.optimizer).toEqual({
      class: 'Adam',
      config: { learning_rate: 0.003, epsilon: 1e-7 },
    });
    expect(rec.loss).toBe('sparse_categorical_crossentropy');
    expect(rec.config).toMatchObject({
      batchSize: 16,
      seed: 7,
      epochs: config.epochs,
      learningRate: 0.003,
    });
    expect(record(graph, { ...config, optimizer: 'momentum' }, 'multiworker')).toMatchObject({
      strategy: 'multiworker',
      optimizer: { class: 'SGD', config: { learning_rate: 0.003, momentum: 0.9 } },
    });
    expect(rec.model).toMatchObject({ inputs: 'in', outputs: 'd' });
  });
});

describe('Keras script: remedies', () => {
  const graph = CASES['Dense']![0]!;
  const config = (patch: Partial<TrainingConfig>): TrainingConfig => ({
    ...DEFAULT_TRAINING_CONFIG,
    optimizer: 'sgd',
    learningRate: 0.1,
    ...patch,
  });

  it('decays the learning rate per step with Keras schedules, warm-up included', () => {
    const cases: [Partial<TrainingConfig>, string][] = [
      [{ lrSchedule: 'step', lrDecayEpochs: 1.5, lrDecayFactor: 0.5 }, 'ExponentialDecay'],
      [{ lrSchedule: 'exponential', lrDecayEpochs: 2, lrDecayFactor: 0.3 }, 'ExponentialDecay'],
      [{ lrSchedule: 'cosine', lrDecayEpochs: 2 }, 'CosineDecay'],
      [{ lrSchedule: 'step', lrDecayEpochs: 1, lrDecayFactor: 0.3, lrWarmupEpochs: 1 }, 'WarmUp'],
      [{ lrSchedule: 'exponential', lrDecayEpochs: 1, lrWarmupEpochs: 0.25 }, 'WarmUp'],
      [{ lrSchedule: 'cosine', lrDecayEpochs: 2, lrWarmupEpochs: 1 }, 'WarmUp'],
    ];
    for (const [patch, cls] of cases) {
      const c = config(patch);
      const rec = record(graph, c);
      expect(rec.optimizer.config['learning_rate']).toMatchObject({ class: cls });
      const want = rec.lrs!.map((_, s) => referenceLr(c, s, STEPS_PER_EPOCH));
      expect(rec.lrs).toHaveLength(24);
      rec.lrs!.forEach((lr, s) =>
        expect(lr, `${cls} ${c.lrSchedule} step ${s}`).toBeCloseTo(want[s]!, 9),
      );
    }
    // Step decay is ExponentialDecay with staircase, its decay steps 1.5 epochs × 4 batches.
    expect(record(graph, config(cases[0]![0])).optimizer.config['learning_rate']).toEqual({
      class: 'ExponentialDecay',
      config: { initial_learning_rate: 0.1, decay_steps: 6, decay_rate: 0.5, staircase: true },
    });
  });

  it('adds early stopping and reduce-on-plateau callbacks watching the chosen metric', () => {
    const remedies = {
      earlyStopping: true,
      earlyStoppingMinDelta: 0.01,
      earlyStoppingPatience: 6,
      restoreBestWeights: false,
      lrSchedule: 'plateau' as const,
      plateauFactor: 0.2,
      plateauPatience: 3,
    };
    const regression: PreprocessingInfo = { ...pre, task: 'regression', classNames: [] };
    const cases = [
      ['valLoss', pre, 'val_loss', 'min'],
      ['valMetric', pre, 'val_accuracy', 'max'],
      ['valMetric', regression, 'val_mae', 'min'],
    ] as const;
    for (const [monitor, preprocessing, key, mode] of cases) {
      const c = config({ ...remedies, earlyStoppingMonitor: monitor });
      const rec = record(graph, c, 'none', preprocessing);
      expect(rec.optimizer.config['learning_rate']).toBe(0.1);
      expect(rec.callbacks).toEqual([
        {
          class: 'EarlyStopping',
          config: { monitor: key, mode, min_delta: 0.01, patience: 6, restore_best_weights: false },
        },
        {
          class: 'ReduceLROnPlateau',
          config: {
            monitor: key,
            mode,
            factor: 0.2,
            patience: 3,
            min_delta: 0.01,
            cooldown: 0,
            min_lr: 0,
          },
        },
      ]);
    }
    expect(record(graph, config({})).callbacks).toEqual([]);
  });

  it('clips gradients by their global norm only when asked', () => {
    expect(record(graph, config({ clipNorm: 1.5 })).optimizer).toEqual({
      class: 'SGD',
      config: { learning_rate: 0.1, global_clipnorm: 1.5 },
    });
    expect(record(graph, config({})).optimizer.config).not.toHaveProperty('global_clipnorm');
  });
});
