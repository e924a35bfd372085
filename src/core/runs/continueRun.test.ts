import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultGraph } from '../graph/presets';
import { makeSynthetic } from '../data/synthetic';
import { executeRun, prepareRun } from '../train/run';
import type { Checkpoint } from '../train/checkpoint';
import { DEFAULT_TRAINING_CONFIG, type EpochMetrics, type TrainingConfig } from '../train/types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config: TrainingConfig = {
  ...DEFAULT_TRAINING_CONFIG,
  epochs: 4,
  batchSize: 32,
  learningRate: 0.03,
};

/** Trains `epochs` epochs (from `startFrom` if given); returns epoch metrics and checkpoints. */
async function train(startFrom?: Checkpoint, epochs = config.epochs, patch = {}) {
  const ds = makeSynthetic('circles', 200, 0.1, 1);
  const prepared = prepareRun(ds, defaultGraph(), { ...config, ...patch, epochs });
  if (!prepared.ok) throw new Error(prepared.message);
  const metrics: EpochMetrics[] = [];
  const checkpoints: Checkpoint[] = [];
  const outcome = await executeRun({
    tf,
    graph: defaultGraph(),
    dataset: prepared.dataset,
    split: prepared.split,
    config: { ...config, ...patch, epochs },
    startFrom,
    hooks: {
      onEpoch: (m, cp) => {
        metrics.push(m);
        checkpoints.push(cp);
      },
    },
    env: { selectBackend: () => Promise.resolve('cpu') },
  });
  return { outcome, metrics, checkpoints };
}

describe('continuing a stored run from its checkpoint', () => {
  it('trains only the remaining epochs, starting from the stored weights', async () => {
    const first = await train(undefined, 2);
    const checkpoint = first.checkpoints[1]!;
    expect(checkpoint.epoch).toBe(2);
    const start = tf.memory().numTensors;
    const continued = await train(checkpoint);
    expect(continued.outcome.status).toBe('completed');
    expect(continued.metrics.map((m) => m.epoch)).toEqual([3, 4]);
    // Continuing from trained weights starts well below a fresh model's first epoch.
    expect(continued.metrics[0]!.loss).toBeLessThan(first.metrics[0]!.loss);
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('continuing an early-stopped run', () => {
  it('trains its remaining epochs from its last weights, with a fresh patience', async () => {
    // Nothing beats a run's first epoch by 100: it stops `patience` epochs after it.
    const early = { earlyStopping: true, earlyStoppingPatience: 2, earlyStoppingMinDelta: 100 };
    const first = await train(undefined, 8, early);
    expect(first.outcome).toMatchObject({
      status: 'completed',
      earlyStop: { stoppedEpoch: 3, keptEpoch: 1 },
    });
    // From the final checkpoint (epoch 3's weights, not the restored epoch 1's).
    const continued = await train(first.checkpoints[2], 8, early);
    expect(continued.metrics.map((m) => m.epoch)).toEqual([4, 5, 6]);
    expect(continued.outcome).toMatchObject({ earlyStop: { stoppedEpoch: 6, keptEpoch: 4 } });
  });
});
