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
  /** The learning rate of each epoch's last step. */
  rates: number[];
  recoveries: number[];
}

async function train(
  config: TrainingConfig,
  opts: { startFrom?: Checkpoint; startBest?: Checkpoint; hooks?: TrainHooks } = {},
): Promise<Trained> {
  const checkpoints: Checkpoint[] = [];
  const rates: number[] = [];
  const recoveries: number[] = [];
  const outcome = await executeRun({
    tf,
    graph,
    dataset,
    split,
    config,
    startFrom: opts.startFrom,
    startBest: opts.startBest,
    hooks: {
      ...opts.hooks,
      onEpoch: (m, cp) => {
        checkpoints.push(cp);
        rates.push(m.lr ?? NaN);
      },
    },
    env: {
      selectBackend: () => Promise.resolve('cpu'),
      onRecover: (_backend, _message, fromEpoch) => recoveries.push(fromEpoch),
    },
  });
  return { outcome, checkpoints, rates, recoveries };
}

/** Shapes and exact bytes of weights and optimizer state (names differ between builds). */
function contents(cp: Checkpoint | undefined | null) {
  if (!cp) throw new Error('No checkpoint');
  const bytes = (group: Checkpoint['weights']) =>
    group.map((t) => ({ shape: t.shape, bytes: new Uint8Array(t.values.buffer) }));
  return {
    epoch: cp.epoch,
    step: cp.step,
    weights: bytes(cp.weights),
    optimizer: bytes(cp.optimizer),
    optimizerPrivate: bytes(cp.optimizerPrivate),
    loop: cp.loop,
  };
}

/** An outcome with its kept checkpoint as contents. */
function comparable(outcome: RunOutcome) {
  if (outcome.status === 'failed') return outcome;
  return { ...outcome, kept: outcome.kept && contents(outcome.kept) };
}

/** The last epoch trained on from the one before it, and in one go. */
async function continuedEqualsUninterrupted(optimizer: OptimizerName, patch = {}) {
  const config = { ...base, optimizer, ...patch };
  const whole = await train(config);
  const first = await train({ ...config, epochs: config.epochs - 1 });
  const start = tf.memory().numTensors;
  const continued = await train(config, { startFrom: first.checkpoints.at(-1) });
  expect(tf.memory().numTensors).toBe(start);
  expect(continued.outcome.status).toBe('completed');
  expect(continued.checkpoints.map((cp) => cp.epoch)).toEqual([config.epochs]);
  return {
    whole: contents(whole.checkpoints.at(-1)),
    continued: contents(continued.checkpoints[0]),
    rates: whole.rates,
  };
}

// Every schedule changes the rate within these runs: warm-up over the first epoch's 5
// steps, decays every 3 steps, and a plateau that never improves on the first epoch by 10
// cuts the rate after epoch 2 (its state must come back with the epoch-2 checkpoint).
const PLATEAU = {
  lrSchedule: 'plateau',
  plateauPatience: 1,
  plateauFactor: 0.2,
  earlyStoppingMinDelta: 10,
  epochs: 3,
} as const;
const SCHEDULES: Partial<TrainingConfig>[] = [
  { lrSchedule: 'step', lrDecayEpochs: 0.6, lrDecayFactor: 0.5, lrWarmupEpochs: 1 },
  { lrSchedule: 'exponential', lrDecayEpochs: 0.6, lrDecayFactor: 0.3 },
  { lrSchedule: 'cosine', lrDecayEpochs: 1.2, lrWarmupEpochs: 0.4 },
  PLATEAU,
];

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

  it('continues bit for bit with every learning-rate schedule, and with clipping', async () => {
    for (const schedule of [...SCHEDULES, { clipNorm: 0.05 }]) {
      const { whole, continued, rates } = await continuedEqualsUninterrupted('momentum', schedule);
      expect({ with: schedule, ...continued }).toEqual({ with: schedule, ...whole });
      if (schedule.lrSchedule) expect(new Set([0.02, ...rates]).size).toBeGreaterThan(1);
    }
  });

  it('keeps the plateau-reduced rate in the checkpoint a run continues from', async () => {
    const plateau = { ...base, ...PLATEAU };
    const first = await train({ ...plateau, epochs: 2 });
    expect(first.checkpoints[1]?.loop?.plateau).toMatchObject({ lr: 0.02 * 0.2, wait: 0 });
    // Restarting the schedule instead would train epoch 3 at 0.02, not 0.004.
    const restarted = await train(plateau, {
      startFrom: { ...first.checkpoints[1]!, loop: undefined },
    });
    const whole = await train(plateau);
    const rates = whole.checkpoints.map((cp) => cp.loop?.plateau?.lr ?? NaN);
    [0.02, 0.004, 0.0008].forEach((lr, i) => expect(rates[i]).toBeCloseTo(lr, 12));
    expect(contents(restarted.checkpoints[0]).weights).not.toEqual(
      contents(whole.checkpoints[2]).weights,
    );
  });

  it('continues an early-stopping run to the same stop, kept epoch and evaluation', async () => {
    // Nothing beats the first epoch by 10: the run stops after epoch 3 and keeps epoch 1.
    const early = {
      ...base,
      epochs: 6,
      earlyStopping: true,
      earlyStoppingPatience: 2,
      earlyStoppingMinDelta: 10,
    };
    const whole = await train(early);
    expect(whole.outcome).toMatchObject({
      status: 'completed',
      epochsDone: 3,
      earlyStop: { stoppedEpoch: 3, keptEpoch: 1 },
    });
    const first = whole.checkpoints[0]!;
    const start = tf.memory().numTensors;
    const fromEpoch1 = await train(early, { startFrom: first });
    const fromEpoch2 = await train(early, {
      startFrom: whole.checkpoints[1],
      startBest: first,
    });
    expect(tf.memory().numTensors).toBe(start);
    expect(comparable(fromEpoch1.outcome)).toEqual(comparable(whole.outcome));
    expect(comparable(fromEpoch2.outcome)).toEqual(comparable(whole.outcome));
  });

  it('recovers from a context lost mid epoch 2 to the bits of the uninterrupted run', async () => {
    for (const config of [base, { ...base, ...PLATEAU, clipNorm: 0.05 }]) {
      await recoversBitForBit(config);
    }
  });
});

async function recoversBitForBit(config: TrainingConfig) {
  const whole = await train(config);
  let batches = 0;
  let lost = false;
  const recovered = await train(config, {
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
  // Epoch 2 ran twice: 2 lost batches besides 5 a epoch.
  expect(batches).toBe(5 * config.epochs + 2);
  expect(contents(recovered.checkpoints.at(-1))).toEqual(contents(whole.checkpoints.at(-1)));
  expect(comparable(recovered.outcome)).toEqual(comparable(whole.outcome));
}
