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
import { getLayer, LAYERS } from '../../layers/registry';
import { DEFAULT_TRAINING_CONFIG, type TrainingConfig } from '../../train/types';
import type { PreprocessingInfo } from '../modelFiles';
import { kerasScript } from './kerasScript';
import { CASES } from './testCases';

const PYTHON = '/usr/bin/python3';
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
function record(graph: ModelGraph, config: TrainingConfig, strategy = 'none'): Recorded {
  const script = kerasScript({ graph, config, preprocessing: pre });
  if (!script.ok) throw new Error(script.message);
  const path = join(dir, `model_keras_${n++}.py`);
  writeFileSync(path, script.code);
  const out = execFileSync(PYTHON, [join(ROOT, 'keras_record.py'), path, '--strategy', strategy], {
    encoding: 'utf8',
    // No __pycache__ in the repository's stand-in folder.
    env: { ...process.env, PYTHONPATH: join(ROOT, 'keras_stub'), PYTHONDONTWRITEBYTECODE: '1' },
  });
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
      expect(got, `${node.id}.${spec.name}`).toEqual(want);
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
