import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultGraph, presetGraph } from '../graph/presets';
import { makeSynthetic } from '../data/synthetic';
import type { DecisionGrid } from './evaluate';
import { executeRun, prepareRun } from './run';
import { DEFAULT_TRAINING_CONFIG, type EpochMetrics, type TrainingConfig } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config: TrainingConfig = {
  ...DEFAULT_TRAINING_CONFIG,
  epochs: 4,
  batchSize: 32,
  learningRate: 0.03,
};

describe('prepareRun', () => {
  it('splits and accepts a graph that fits the dataset', () => {
    const ds = makeSynthetic('circles', 200, 0.1, 1);
    const run = prepareRun(ds, defaultGraph(), config);
    expect(run.ok).toBe(true);
    if (run.ok)
      expect(run.split.train.length + run.split.validation.length + run.split.test.length).toBe(
        200,
      );
  });

  it('explains why a run cannot start', () => {
    const ds = makeSynthetic('circles', 200, 0.1, 1);
    const wrongInput = prepareRun(ds, presetGraph('mlp'), config);
    expect(wrongInput.ok).toBe(false);
    const badSplit = prepareRun(ds, defaultGraph(), {
      ...config,
      split: { train: 0.5, validation: 0.1, test: 0.1 },
    });
    expect(badSplit).toEqual({ ok: false, message: expect.stringMatching(/add up to 1/) });
    expect(prepareRun(ds, defaultGraph(), { ...config, batchSize: 0 })).toEqual({
      ok: false,
      message: 'Batch size must be from 1 to 65,536.',
    });
  });

  it('refuses settings outside the form’s ranges with the form’s words, and trains inside them', () => {
    const ds = makeSynthetic('circles', 200, 0.1, 1);
    // A file may carry these (it opens with a warning); a run must not start with them.
    expect(prepareRun(ds, defaultGraph(), { ...config, epochs: 200_000 })).toEqual({
      ok: false,
      message: 'Epochs must be from 1 to 100,000.',
    });
    expect(prepareRun(ds, defaultGraph(), { ...config, learningRate: 0 })).toEqual({
      ok: false,
      message: 'Learning rate must be above 0 and at most 10.',
    });
    expect(prepareRun(ds, defaultGraph(), { ...config, seed: 1.5 })).toMatchObject({
      ok: false,
      message: 'Seed must be a whole number from 0 to 4,294,967,295.',
    });
    // Wider than the old form (1,000 epochs, batch 4,096), as wide as project files were.
    const wide = { ...config, epochs: 5000, batchSize: 65536, seed: 2 ** 32 - 1 };
    expect(prepareRun(ds, defaultGraph(), wide).ok).toBe(true);
  });
});

describe('executeRun', () => {
  it('continues from the checkpoint on another backend when one is lost', async () => {
    const ds = makeSynthetic('circles', 200, 0.1, 1);
    const prepared = prepareRun(ds, defaultGraph(), config);
    if (!prepared.ok) throw new Error(prepared.message);
    const start = tf.memory().numTensors;
    const epochs: EpochMetrics[] = [];
    const grids: DecisionGrid[] = [];
    const recoveries: [string, number][] = [];
    const selected: string[][] = [];
    let batches = 0;
    let clock = 0;
    const outcome = await executeRun({
      tf,
      graph: defaultGraph(),
      dataset: prepared.dataset,
      split: prepared.split,
      config,
      hooks: {
        onBatch: () => (batches += 1),
        onEpoch: (m) => epochs.push(m),
        // Lost once, in the middle of epoch 3 (5 batches per epoch).
        interruption: () =>
          batches === 12 && recoveries.length === 0 ? 'The WebGL context was lost.' : null,
      },
      env: {
        selectBackend: async (exclude) => {
          selected.push([...exclude]);
          return exclude.includes('webgl') ? 'cpu' : 'webgl';
        },
        onRecover: (backend, _message, fromEpoch) => recoveries.push([backend, fromEpoch]),
        onBoundary: (g) => grids.push(g),
        now: () => (clock += 100),
      },
    });
    expect(outcome.status).toBe('completed');
    expect(selected).toEqual([[], ['webgl']]);
    expect(recoveries).toEqual([['webgl', 2]]);
    expect(epochs.map((m) => m.epoch)).toEqual([1, 2, 3, 4]);
    expect(outcome.status === 'completed' && outcome.evaluation?.confusion).toHaveLength(2);
    expect(grids.length).toBeGreaterThan(4);
    expect(grids[0]!.values).toHaveLength(40 * 40);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('reports a failure of the loop as a failed outcome', async () => {
    const ds = makeSynthetic('xor', 100, 0.1, 1);
    const prepared = prepareRun(ds, defaultGraph(), config);
    if (!prepared.ok) throw new Error(prepared.message);
    const outcome = await executeRun({
      tf,
      graph: defaultGraph(),
      dataset: prepared.dataset,
      split: prepared.split,
      config: { ...config, loss: 'categoricalCrossentropy' },
      env: { selectBackend: async () => 'cpu' },
    });
    expect(outcome).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/binary cross-entropy/),
    });
  });
});
