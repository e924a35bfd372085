import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic } from '../data/synthetic';
import { stratifiedSplit } from '../data/split';
import type { Dataset, SplitIndices } from '../data/types';
import { restoreWeights, type Checkpoint } from './checkpoint';
import { predictRows } from './evaluate';
import { trainModel, WARMUP_BATCHES } from './loop';
import type { TrainOptions } from './loopTypes';
import { testMlp } from './testModels';
import { DEFAULT_TRAINING_CONFIG, type Progress, type TrainingConfig } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config = (patch: Partial<TrainingConfig>): TrainingConfig => ({
  ...DEFAULT_TRAINING_CONFIG,
  ...patch,
});

/** trainModel on `model`, `ds` and `split` with `cfg`, plus the test's other options. */
const train = (
  model: tf.LayersModel,
  ds: Dataset,
  split: SplitIndices,
  cfg: TrainingConfig,
  rest: Omit<TrainOptions, 'tf' | 'model' | 'dataset' | 'split' | 'config'> = {},
) => trainModel({ tf, model, dataset: ds, split, config: cfg, ...rest });

function allRows(n: number): SplitIndices {
  return {
    train: Int32Array.from({ length: n }, (_, i) => i),
    validation: new Int32Array(0),
    test: new Int32Array(0),
  };
}

const spec = {
  task: 'binary' as const,
  loss: 'binaryCrossentropy' as const,
  numClasses: 2,
  batchSize: 64,
};

describe('trainModel', () => {
  it('lowers the loss with one step on a fixed batch', async () => {
    const ds = makeSynthetic('gaussians', 16, 0.1, 1);
    const model = testMlp(tf, 2, [8], 1, 1);
    const split = allRows(16);
    const before = (await predictRows(tf, model, ds, split.train, spec)).loss;
    const result = await train(
      model,
      ds,
      split,
      config({ optimizer: 'sgd', learningRate: 0.1, batchSize: 16, epochs: 1 }),
    );
    expect(result.status).toBe('completed');
    expect(result.step).toBe(1);
    const after = (await predictRows(tf, model, ds, split.train, spec)).loss;
    expect(after).toBeLessThan(before);
    model.dispose();
  });

  it('learns circles to > 90 % validation accuracy and frees every tensor', async () => {
    const ds = makeSynthetic('circles', 400, 0.1, 42);
    const cfg = config({ learningRate: 0.03, batchSize: 32, epochs: 25, seed: 42 });
    const split = stratifiedSplit(ds.y, ds.task, cfg.split, cfg.seed);
    const model = testMlp(tf, 2, [16, 8], 1, 42);
    const start = tf.memory().numTensors;
    const epochs: number[] = [];
    const result = await train(model, ds, split, cfg, {
      hooks: { onEpoch: (m) => epochs.push(m.valAccuracy ?? NaN) },
    });
    expect(result.status).toBe('completed');
    expect(epochs).toHaveLength(25);
    expect(epochs.at(-1)).toBeGreaterThan(0.9);
    expect(tf.memory().numTensors).toBe(start);
    model.dispose();
  });

  it('reports a NaN loss as a failure with advice', async () => {
    const ds = makeSynthetic('xor', 40, 0.1, 1);
    ds.x[0] = NaN;
    const model = testMlp(tf, 2, [4], 1, 1);
    const start = tf.memory().numTensors;
    const result = await train(model, ds, allRows(40), config({ batchSize: 40, epochs: 2 }));
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.message).toBe(
      'Loss became NaN at epoch 1, batch 1 (step 0): try learning rate ÷ 10 or clip gradients.' +
        ' The model keeps its weights from before training.',
    );
    expect(tf.memory().numTensors).toBe(start);
    model.dispose();
  });

  it('is reproducible with dropout, and stops when asked', async () => {
    const ds = makeSynthetic('spiral', 64, 0.1, 3);
    const run = async (stopAfter: number | null) => {
      const model = testMlp(tf, 2, [16], 1, 5, 0.5);
      let batches = 0;
      let asked = 0;
      const result = await train(
        model,
        ds,
        allRows(64),
        config({ batchSize: 16, epochs: 3, seed: 9 }),
        {
          hooks: {
            onBatch: () => (batches += 1),
            // Asked before each step: stop instead of the (stopAfter + 1)th.
            shouldStop: () => stopAfter !== null && ++asked > stopAfter,
          },
        },
      );
      const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
      model.dispose();
      return { result, weights, batches };
    };
    const a = await run(null);
    const b = await run(null);
    expect(a.weights).toEqual(b.weights);
    const stopped = await run(5);
    expect(stopped.result.status).toBe('stopped');
    expect(stopped.batches).toBe(5);
    expect(stopped.result.epochsDone).toBe(1);
  });

  it('leaves warm-up batches out of the speed and ETA', async () => {
    const ds = makeSynthetic('xor', 80, 0.1, 1);
    const progress: Progress[] = [];
    let clock = 0;
    const model = testMlp(tf, 2, [4], 1, 1);
    await train(model, ds, allRows(80), config({ batchSize: 10, epochs: 2 }), {
      // The clock moves 10 ms per batch (shouldStop is asked once before each).
      now: () => clock,
      hooks: {
        onProgress: (p) => progress.push(p),
        shouldStop: () => ((clock += 10), false),
      },
    });
    model.dispose();
    expect(progress).toHaveLength(16);
    expect(
      progress.slice(0, WARMUP_BATCHES).every((p) => p.warmingUp && p.samplesPerSec === null),
    ).toBe(true);
    const last = progress[WARMUP_BATCHES]!;
    expect(last.warmingUp).toBe(false);
    expect(last.samplesPerSec).toBeCloseTo(1000);
    expect(last.etaSec).toBeCloseTo(120 / 1000);
    expect(progress.at(-1)).toMatchObject({ epoch: 2, batch: 8, batches: 8, etaSec: 0 });
  });

  it('reads steps back in batches: every step reported, in order, and timed between reads', async () => {
    const ds = makeSynthetic('xor', 80, 0.1, 1);
    const progress: Progress[] = [];
    const steps: number[] = [];
    let clock = 0;
    let dispatched = 0;
    const reportedBefore: number[] = [];
    const model = testMlp(tf, 2, [4], 1, 1);
    const result = await train(model, ds, allRows(80), config({ batchSize: 10, epochs: 2 }), {
      // 10 ms per batch and a read every 25 ms: three steps per read.
      readEveryMs: 25,
      now: () => clock,
      hooks: {
        onBatch: (p) => steps.push(p.step),
        onProgress: (p) => progress.push(p),
        shouldStop: () => {
          reportedBefore.push(steps.length);
          dispatched += 1;
          clock += 10;
          return false;
        },
      },
    });
    model.dispose();
    expect(result.status).toBe('completed');
    expect(steps).toEqual(Array.from({ length: 16 }, (_, i) => i));
    // The first read (steps 1–3, started after the 3rd dispatch) is handled at the next due
    // point, after the 6th: the loop never waited on each step, nor on the read it started.
    expect(reportedBefore.slice(0, 8)).toEqual([0, 0, 0, 0, 0, 0, 3, 3]);
    expect(dispatched).toBe(16);
    const timed = progress.find((p) => p.samplesPerSec !== null)!;
    expect(timed.samplesPerSec).toBeCloseTo(1000);
  });

  // Infinity: never due by time, epoch 2's steps are all read at its end. 0: a read is due
  // after every step and handled at the next due point, when the step after it is queued.
  it.each([Infinity, 0])(
    'stops at the first NaN step read late, names it, and restores the last good weights (reads every %s ms)',
    async (readEveryMs) => {
      const ds = makeSynthetic('circles', 60, 0.1, 2);
      const model = testMlp(tf, 2, [8], 1, 2);
      const weightsOf = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));
      const checkpoints: Checkpoint[] = [];
      const steps: number[] = [];
      let asked = 0;
      const before = tf.memory().numTensors;
      const result = await train(model, ds, allRows(60), config({ batchSize: 10, epochs: 3 }), {
        readEveryMs,
        hooks: {
          onBatch: (p) => steps.push(p.step),
          onEpoch: (_m, cp) => checkpoints.push(cp),
          shouldStop: () => {
            // Before step 8 (epoch 2, batch 3), a weight turns NaN: that step's loss is NaN,
            // and so is every later one.
            if (asked++ === 8) {
              tf.tidy(() => {
                const [kernel, bias] = model.layers[0]!.getWeights();
                model.layers[0]!.setWeights([kernel!, tf.fill(bias!.shape, NaN)]);
              });
            }
            return false;
          },
        },
      });
      expect(result).toMatchObject({ status: 'failed', epochsDone: 1 });
      expect(result.status === 'failed' && result.message).toBe(
        'Loss became NaN at epoch 2, batch 3 (step 8): try learning rate ÷ 10 or clip gradients.' +
          ' The model keeps its weights from the end of epoch 1.',
      );
      // Later steps ran too, but count nowhere; the model holds epoch 1's weights.
      expect(steps).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(checkpoints).toHaveLength(1);
      const restored = weightsOf(model);
      expect(restored).toEqual(checkpoints[0]!.weights.map((w) => Array.from(w.values)));
      // Nothing of the run stays behind, the steps never read included.
      expect(tf.memory().numTensors).toBe(before);
      model.dispose();
    },
  );

  it('keeps a checkpoint per epoch and stops on an interruption', async () => {
    const ds = makeSynthetic('circles', 60, 0.1, 2);
    const model = testMlp(tf, 2, [8], 1, 2);
    const weightsOf = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));
    const checkpoints: Checkpoint[] = [];
    const liveWeights: number[][][] = [];
    let batches = 0;
    const result = await train(model, ds, allRows(60), config({ batchSize: 20, epochs: 5 }), {
      hooks: {
        onBatch: () => (batches += 1),
        onEpoch: (_m, cp) => {
          checkpoints.push(cp);
          liveWeights.push(weightsOf(model));
        },
        interruption: () => (batches >= 7 ? 'The WebGL context was lost.' : null),
      },
    });
    // Seven steps ran; the checkpoint is from the end of epoch 2 (three steps per epoch).
    expect(result).toMatchObject({ status: 'interrupted', epochsDone: 2, step: 7 });
    expect(result.checkpoint).toBe(checkpoints[1]);
    expect(result.checkpoint?.step).toBe(6);
    // The checkpoint restores the exact weights of the end of epoch 2 into a fresh model.
    const fresh = testMlp(tf, 2, [8], 1, 99);
    expect(weightsOf(fresh)).not.toEqual(liveWeights[1]);
    restoreWeights(tf, fresh, checkpoints[1]!);
    expect(weightsOf(fresh)).toEqual(liveWeights[1]);
    fresh.dispose();
    model.dispose();
  });

  it('weights rows by class when asked', async () => {
    // 30 rows of class 0, 6 of class 1: balanced weights change every update.
    const ds = makeSynthetic('gaussians', 36, 0.2, 4);
    ds.y.fill(0, 0, 30);
    ds.y.fill(1, 30);
    const run = async (classWeights: boolean) => {
      const model = testMlp(tf, 2, [4], 1, 6);
      const start = tf.memory().numTensors;
      const result = await train(
        model,
        ds,
        allRows(36),
        config({ batchSize: 12, epochs: 2, classWeights }),
      );
      expect(result.status).toBe('completed');
      expect(tf.memory().numTensors).toBe(start);
      const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
      model.dispose();
      return weights;
    };
    expect(await run(true)).not.toEqual(await run(false));
  });

  it('fails with a message when a multiclass set meets binary cross-entropy', async () => {
    const ds: Dataset = {
      ...makeSynthetic('xor', 20, 0, 1),
      task: 'multiclass',
      classNames: ['a', 'b', 'c'],
    };
    const model = testMlp(tf, 2, [4], 3, 1);
    const result = await train(model, ds, allRows(20), config({ loss: 'binaryCrossentropy' }));
    expect(result.status === 'failed' && result.message).toMatch(/categorical cross-entropy/);
    model.dispose();
  });
});
