/**
 * A configuration pinned to diverge within epoch 1, for the unit test of the divergence
 * stop (pinned.test.ts, CPU and WASM backends) and the end-to-end test (WASM): the app's
 * default dataset and model with the default Adam and seed, at a learning rate of 1
 * (100 × the default) and a batch size of 1. On the balanced circles a batch of 32 never
 * gets confidently wrong enough for the cross-entropy rule (a saturated model is wrong on
 * about half of it: a loss near 8, not 16); one row per batch is all right or all wrong,
 * and the saturated model flips its answer after each row, so three wrong batches in a
 * row come soon (step 23 here).
 */
import type { DatasetChoice } from '../../data/types';
import { DEFAULT_TRAINING_CONFIG, type TrainingConfig } from '../types';

export const PINNED_DIVERGENT_CONFIG = {
  /** The workspace's default dataset (state/dataSlice.ts) with the app's default model. */
  dataset: { kind: 'synthetic', id: 'circles', size: 400, noise: 0.1 },
  graph: 'default',
  config: {
    ...DEFAULT_TRAINING_CONFIG,
    optimizer: 'adam',
    learningRate: 1,
    batchSize: 1,
    seed: 42,
  },
  /** Where it stops on the CPU and WASM backends. */
  stopsAt: { epoch: 1, batch: 24, step: 23 },
} as const satisfies {
  dataset: DatasetChoice;
  graph: 'default';
  config: TrainingConfig;
  stopsAt: { epoch: number; batch: number; step: number };
};
