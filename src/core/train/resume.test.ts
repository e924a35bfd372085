/** Same seed, same run: continuing or recovering from a checkpoint changes no bit. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic } from '../data/synthetic';
import { chainOf } from '../graph/testGraphs';
import type { Checkpoint } from './checkpoint';
import { executeRun, prepareRun, type RunOutcome } from './run';
import type { TrainHooks } from './loop';
import { DEFAULT_TRAINING_CONFIG, type OptimizerName, type TrainingConfig } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// Dense → BatchNormalization → Dropout → Dense: trainable weights, moving statistics and
// dropout masks all have to line up for the bits to match.
const graph = chainOf([
  ['input_1', 'Input', { shape: [2] }],
  ['dense_1', 'Dense', { units: 12, activation: 'relu' }],
  ['batchnorm_1', 'BatchNormalization'],
  ['dropout_1', 'Dropout', { rate: 0.3 }],
  ['dense_2', 'Dense', { units: 1, activation: 'sigmoid' }],
]);

const base: TrainingConfig = {
  ...DEFAULT_TRAINING_CONFIG,
  epochs: 2,
  batchSize: 17,
  learningRate: 0.02,
  seed: 11,
};

// 120 rows: 84 train in 5 batches per epoch (the last one partial). After 5 steps
// Adam's pow(0.999, 6) and its accumulated product differ in float32 (see
// tfjsWorkarounds.test.ts), so a checkpoint that lost them would show here.
const prepared = prepareRun(makeSynthetic('circles', 120, 0.1, 5), graph, base);
if (!prepared.ok) throw new Error(prepared.message);
const { dataset, split } = prepared;

interface Trained {
  outcome: RunOutcome;
  checkpoints: Checkpoint[];
  recoveries: number[];
}

async function train(
  config: TrainingConfig,
  opts: { startFrom?: Checkpoint; hooks?: TrainHooks } = {},
): Promise<Trained> {
  const checkpoints: Checkpoint[] = [];
  const recoveries: number[] = [];
  const outcome = await executeRun({
    tf,
    graph,
    dataset,
    split,
    config,
    startFrom: opts.startFrom,
    hooks: { ...opts.hooks, onEpoch: (_m, cp) => checkpoints.push(cp) },
    env: {
      selectBackend: () => Promise.resolve('cpu'),
      onRecover: (_backend, _message, fromEpoch) => recoveries.push(fromEpoch),
    },
  });
  return { outcome, checkpoints, recoveries };
}

/** Shapes and exact bytes of weights and optimizer state (names differ between builds). */
function contents(cp: Checkpoint | undefined) {
  if (!cp) throw new Error('No checkpoint');
  const bytes = (group: Checkpoint['weights']) =>
    group.map((t) => ({ shape: t.shape, bytes: new Uint8Array(t.values.buffer) }));
  return {
    epoch: cp.epoch,
    step: cp.step,
    weights: bytes(cp.weights),
    optimizer: bytes(cp.optimizer),
    optimizerPrivate: bytes(cp.optimizerPrivate),
  };
}

async function continuedEqualsUninterrupted(optimizer: OptimizerName) {
  const config = { ...base, optimizer };
  const whole = await train(config);
  const first = await train({ ...config, epochs: 1 });
  const start = tf.memory().numTensors;
  const continued = await train(config, { startFrom: first.checkpoints[0] });
  expect(tf.memory().numTensors).toBe(start);
  expect(continued.outcome.status).toBe('completed');
  expect(continued.checkpoints.map((cp) => cp.epoch)).toEqual([2]);
  return { whole: contents(whole.checkpoints[1]), continued: contents(continued.checkpoints[0]) };
}

describe('same seed, same run', () => {
  it('continues an Adam run from its epoch-1 checkpoint to the bits of the whole run', async () => {
    const { whole, continued } = await continuedEqualsUninterrupted('adam');
    expect(whole.step).toBe(10);
    expect(whole.optimizerPrivate).toHaveLength(2);
    expect(continued).toEqual(whole);
  });

  it('continues bit for bit with every optimizer', async () => {
    for (const optimizer of ['sgd', 'momentum', 'rmsprop', 'adagrad'] as const) {
      const { whole, continued } = await continuedEqualsUninterrupted(optimizer);
      expect({ with: optimizer, ...continued }).toEqual({ with: optimizer, ...whole });
    }
  });

  it('recovers from a context lost mid epoch 2 to the bits of the uninterrupted run', async () => {
    const whole = await train(base);
    let batches = 0;
    let lost = false;
    const recovered = await train(base, {
      hooks: {
        onBatch: () => (batches += 1),
        // Lost once, before step 8 (the third batch of epoch 2).
        interruption: () => {
          if (lost || batches !== 7) return null;
          lost = true;
          return 'The WebGL context was lost.';
        },
      },
    });
    expect(recovered.outcome.status).toBe('completed');
    expect(recovered.recoveries).toEqual([1]);
    // Epoch 2 ran twice: 5 + 2 lost + 5 replayed batches.
    expect(batches).toBe(12);
    expect(contents(recovered.checkpoints.at(-1))).toEqual(contents(whole.checkpoints.at(-1)));
    expect(recovered.outcome).toEqual(whole.outcome);
  });
});
