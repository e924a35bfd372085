import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic } from '../../data/synthetic';
import { buildModel } from '../../graph/build';
import { defaultGraph } from '../../graph/presets';
import type { ModelGraph } from '../../graph/types';
import { trainModel } from '../loop';
import { prepareRun } from '../run';
import { DEFAULT_TRAINING_CONFIG, type TrainingConfig } from '../types';
import { findLearningRate } from './findLearningRate';
import { LR_FINDER_DEFAULTS, rangeTestRate } from './rangeTest';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// The workspace's defaults: Circles (400 points, noise 0.1), the default MLP, Adam.
const config: TrainingConfig = { ...DEFAULT_TRAINING_CONFIG, epochs: 3 };

function prepared(cfg: TrainingConfig = config, graph = defaultGraph()) {
  const run = prepareRun(makeSynthetic('circles', 400, 0.1, 7), graph, cfg);
  if (!run.ok) throw new Error(run.message);
  return { graph, dataset: run.dataset, split: run.split, config: cfg };
}

/** The default MLP with Dropout(0.3) after its first Dense layer. */
function withDropout(graph: ModelGraph): ModelGraph {
  const [first, ...rest] = graph.edges;
  const node = {
    id: 'dropout_1',
    type: 'Dropout' as const,
    params: { rate: 0.3 },
    position: { x: 0, y: 0 },
  };
  return {
    ...graph,
    nodes: [...graph.nodes, node],
    edges: [
      { id: 'a', source: first!.source, target: 'dropout_1' },
      { id: 'b', source: 'dropout_1', target: first!.target },
      ...rest,
    ],
  };
}

async function finalWeights(p: ReturnType<typeof prepared>): Promise<Float32Array[]> {
  const model = buildModel(tf, p.graph, p.config.seed);
  const result = await trainModel({ tf, model, ...p });
  expect(result.status).toBe('completed');
  const weights = model.getWeights().map((w) => w.dataSync() as Float32Array);
  model.dispose();
  return weights;
}

describe('findLearningRate', () => {
  it('runs fast.ai’s schedule on the default workspace and suggests a rate in [1e-4, 1]', async () => {
    const start = tf.memory().numTensors;
    const seen: number[] = [];
    const result = await findLearningRate({
      tf,
      ...prepared(),
      hooks: { onPoint: (p, i) => seen.push(i) },
    });
    expect(tf.memory().numTensors).toBe(start);
    if (result.status !== 'completed') throw new Error(result.status);
    const n = result.points.length;
    expect(seen).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(result.points.map((p) => p.lr)).toEqual(seen.map((i) => rangeTestRate(i)));
    // Adam diverges long before 10 on this MLP: the 4× rule ended it.
    // Adam on this MLP never passes 4× its best loss: the whole schedule ran.
    expect(result.end).toBe('end');
    expect(n).toBe(100);
    for (const rule of ['valley', 'steep'] as const) {
      const s = result.suggestions[rule]!;
      expect(s.lr).toBeGreaterThanOrEqual(1e-4);
      expect(s.lr).toBeLessThanOrEqual(1);
      expect(result.points.some((p) => p.lr === s.lr && p.loss === s.loss)).toBe(true);
    }
  });

  it('stops training once the smoothed loss passes the factor × its best', async () => {
    const options = { ...LR_FINDER_DEFAULTS, divergeFactor: 1.05 };
    const result = await findLearningRate({ tf, ...prepared(), options });
    if (result.status !== 'completed') throw new Error(result.status);
    expect(result.end).toBe('diverged');
    // Each point against the best smoothed loss up to it: only the last one is over.
    const losses = result.points.map((p) => p.loss);
    const over = losses.map((l, i) => l > 1.05 * Math.min(...losses.slice(0, i + 1)));
    expect(over.indexOf(true)).toBe(losses.length - 1);
    expect(result.points.length).toBeLessThan(100);
  });

  it('leaves a run started afterwards with the same seed unchanged, bit for bit', async () => {
    const cfg = { ...config, epochs: 2, optimizer: 'momentum' as const };
    const alone = await finalWeights(prepared(cfg));
    const finder = await findLearningRate({ tf, ...prepared(cfg) });
    expect(finder.status).toBe('completed');
    const after = await finalWeights(prepared(cfg));
    expect(after).toEqual(alone);
  });

  it('gives the same curve for the same seed (its own seeded batches and dropout)', async () => {
    const graph = withDropout(defaultGraph());
    const a = await findLearningRate({ tf, ...prepared(config, graph) });
    const b = await findLearningRate({ tf, ...prepared(config, graph) });
    expect(a.points).toEqual(b.points);
    const other = await findLearningRate({ tf, ...prepared({ ...config, seed: 43 }, graph) });
    expect(other.points).not.toEqual(a.points);
  });

  it('can be cancelled between batches and frees every tensor', async () => {
    const start = tf.memory().numTensors;
    let batches = 0;
    const result = await findLearningRate({
      tf,
      ...prepared(),
      hooks: { beforeBatch: async () => void batches++, shouldStop: () => batches > 5 },
    });
    expect(result.status).toBe('cancelled');
    expect(result.points).toHaveLength(5);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('reports a loss the task cannot use, as a run does', async () => {
    const p = prepared();
    const ds = makeSynthetic('circles', 40, 0.1, 1);
    const result = await findLearningRate({
      tf,
      ...p,
      dataset: { ...ds, task: 'regression' },
      config: { ...config, loss: 'binaryCrossentropy' },
    });
    expect(result).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/regression/),
    });
  });
});
