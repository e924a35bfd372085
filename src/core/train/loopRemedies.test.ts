/** The loop's remedies: schedules, early stopping, the divergence stop. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic } from '../data/synthetic';
import { stratifiedSplit } from '../data/split';
import type { Dataset, SplitIndices } from '../data/types';
import type { Checkpoint } from './checkpoint';
import { trainModel, type TrainResult } from './loop';
import { learningRateAt, scheduleSteps } from './schedules';
import { testMlp } from './testModels';
import { DEFAULT_TRAINING_CONFIG, type EpochMetrics, type TrainingConfig } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const circles = makeSynthetic('circles', 200, 0.1, 7);
const base: TrainingConfig = {
  ...DEFAULT_TRAINING_CONFIG,
  learningRate: 0.03,
  batchSize: 32,
  epochs: 8,
  seed: 3,
};

/** One linear unit: what a regression fit that diverges needs, no activation to bound it. */
function linearModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(
    tf.layers.dense({
      units: 1,
      inputShape: [1],
      kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }),
    }),
  );
  return model;
}

const weightsOf = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));
const checkpointWeights = (cp: Checkpoint) => cp.weights.map((w) => Array.from(w.values));

async function train(config: TrainingConfig, ds: Dataset = circles, split?: SplitIndices) {
  const model = ds.task === 'regression' ? linearModel() : testMlp(tf, 2, [8], 1, 5);
  const epochs: EpochMetrics[] = [];
  const checkpoints: Checkpoint[] = [];
  const best: (boolean | undefined)[] = [];
  const start = tf.memory().numTensors;
  const result: TrainResult = await trainModel({
    tf,
    model,
    dataset: ds,
    split: split ?? stratifiedSplit(ds.y, ds.task, config.split, config.seed),
    config,
    hooks: {
      onEpoch: (m, cp, isBest) => {
        epochs.push(m);
        checkpoints.push(cp);
        best.push(isBest);
      },
    },
  });
  expect(tf.memory().numTensors).toBe(start);
  const weights = weightsOf(model);
  model.dispose();
  return { result, epochs, checkpoints, best, weights };
}

describe('early stopping', () => {
  // Nothing improves on the first epoch by 100: it stops after 1 + patience epochs.
  const early = {
    ...base,
    earlyStopping: true,
    earlyStoppingPatience: 2,
    earlyStoppingMinDelta: 100,
  };

  it('stops after `patience` epochs without improvement and restores the best weights', async () => {
    const run = await train(early);
    expect(run.result).toMatchObject({
      status: 'completed',
      epochsDone: 3,
      earlyStop: { stoppedEpoch: 3, keptEpoch: 1 },
    });
    expect(run.best).toEqual([true, false, false]);
    expect(run.result.best).toBe(run.checkpoints[0]);
    // The model ends with epoch 1's weights; the final checkpoint stays epoch 3's.
    expect(run.weights).toEqual(checkpointWeights(run.checkpoints[0]!));
    expect(run.result.checkpoint).toBe(run.checkpoints[2]);
    expect(run.weights).not.toEqual(checkpointWeights(run.checkpoints[2]!));
  });

  it('keeps the last weights when it does not restore, and is off by default', async () => {
    const kept = await train({ ...early, restoreBestWeights: false });
    expect(kept.result).toMatchObject({ earlyStop: { stoppedEpoch: 3, keptEpoch: 3 } });
    expect(kept.weights).toEqual(checkpointWeights(kept.checkpoints[2]!));
    const off = await train({ ...early, earlyStopping: false });
    expect(off.result).toMatchObject({ status: 'completed', epochsDone: 8 });
    expect('earlyStop' in off.result).toBe(false);
    expect(off.best.every((b) => b === undefined)).toBe(true);
  });

  it('watches validation accuracy upwards when asked', async () => {
    const run = await train({
      ...early,
      earlyStoppingMonitor: 'valMetric',
      earlyStoppingMinDelta: 0,
      earlyStoppingPatience: 1,
      epochs: 30,
    });
    const acc = run.epochs.map((e) => e.valAccuracy!);
    const stop = run.result.status === 'completed' ? run.result.earlyStop : undefined;
    if (!stop) throw new Error('It did not stop early');
    // It stopped at the first epoch that did not beat the best accuracy before it.
    const bestBefore = Math.max(...acc.slice(0, stop.stoppedEpoch - 1));
    expect(acc[stop.stoppedEpoch - 1]).toBeLessThanOrEqual(bestBefore);
    expect(acc[stop.keptEpoch - 1]).toBe(bestBefore);
  });
});

describe('learning-rate schedules in the loop', () => {
  it('records the rate of each epoch’s last step', async () => {
    const config = { ...base, lrSchedule: 'step', lrDecayEpochs: 2, lrDecayFactor: 0.5 } as const;
    const run = await train({ ...config, epochs: 5 });
    const split = stratifiedSplit(circles.y, circles.task, config.split, config.seed);
    const perEpoch = Math.ceil(split.train.length / config.batchSize);
    const steps = scheduleSteps(config, perEpoch);
    expect(run.epochs.map((e) => e.lr)).toEqual(
      [1, 2, 3, 4, 5].map((e) => learningRateAt(config, steps, e * perEpoch - 1)),
    );
    // Halved every 2 epochs: epoch 3 is the first at the halved rate.
    expect(run.epochs.map((e) => e.lr)).toEqual([0.03, 0.03, 0.015, 0.015, 0.0075]);
  });

  it('cuts the rate on a plateau of the monitored number', async () => {
    const run = await train({
      ...base,
      lrSchedule: 'plateau',
      plateauPatience: 1,
      plateauFactor: 0.5,
      earlyStoppingMinDelta: 100,
      epochs: 4,
    });
    expect(run.epochs.map((e) => e.lr)).toEqual([0.03, 0.03, 0.015, 0.0075]);
  });
});

describe('the divergence stop', () => {
  /** y = 3x on 64 rows: a linear fit that SGD at a large rate blows up. */
  const line: Dataset = {
    name: 'line',
    kind: 'tabular',
    task: 'regression',
    featureShape: [1],
    x: Float32Array.from({ length: 64 }, (_, i) => (i - 32) / 8),
    xScale: 1,
    y: Float32Array.from({ length: 64 }, (_, i) => (3 * (i - 32)) / 8),
    n: 64,
    classNames: [],
    featureNames: ['x'],
  };
  const all = (n: number): SplitIndices => ({
    train: Int32Array.from({ length: n }, (_, i) => i),
    validation: Int32Array.from({ length: n }, (_, i) => i),
    test: new Int32Array(0),
  });

  it('stops an exploding MSE at once, naming where and the rule, with the remedies', async () => {
    const config = { ...base, optimizer: 'sgd', learningRate: 0.5, batchSize: 8 } as const;
    const run = await train(config, line, all(64));
    expect(run.result.status).toBe('failed');
    expect(run.result.status === 'failed' && run.result.message).toMatch(
      /^Training diverged at epoch 1, batch \d+ \(step \d+\)\. The training loss reached .* more than 10 × its first-epoch minimum of .*\. Try learning rate ÷ 10 or clip gradients\. The model keeps its weights from before training\.$/,
    );
    expect(run.epochs).toEqual([]);
    // Clipping the gradients tames the same run.
    const clipped = await train({ ...config, clipNorm: 1 }, line, all(64));
    expect(clipped.result.status).toBe('completed');
  });

  it('stops when a weight becomes non-finite by the end of an epoch', async () => {
    const model = testMlp(tf, 2, [4], 1, 1);
    let batches = 0;
    const result = await trainModel({
      tf,
      model,
      dataset: circles,
      split: all(64),
      config: { ...base, batchSize: 32, epochs: 3 },
      hooks: {
        // After the epoch's last step, as an overflow would leave it.
        onBatch: () => {
          if (++batches === 2)
            (model.weights[0]!.read() as tf.Variable).assign(tf.fill([2, 4], Infinity));
        },
      },
    });
    expect(result).toMatchObject({ status: 'failed', epochsDone: 0 });
    expect(result.status === 'failed' && result.message).toBe(
      'Weights became non-finite at epoch 1 (after batch 2, step 1): try learning rate ÷ 10 or clip gradients.' +
        ' The model keeps its weights from before training.',
    );
    model.dispose();
  });
});
