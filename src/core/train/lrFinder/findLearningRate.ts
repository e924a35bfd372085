/**
 * The learning-rate range test on a copy of the model: a fresh model built from the graph
 * with the run seed (the weights a run would start from), the configured optimizer and
 * loss, and the app's own batches and training step, with the rate changed before every
 * batch (tfjsWorkarounds.ts setLearningRate, which the loop's schedules use too). Its batch order and dropout masks come from their own seed, derived from the run
 * seed, and no random stream of the app is a generator it could advance (random.ts), so
 * a run started afterwards with the same seed trains exactly as without it.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset, SplitIndices } from '../../data/types';
import { buildModel } from '../../graph/build';
import type { ModelGraph } from '../../graph/types';
import { trainingBatches } from '../batches';
import type { EvalSpec } from '../evaluate';
import { outputUnits } from '../evaluate';
import { explainError } from '../explainError';
import { classWeightsFor, lossProblem, resolveLoss } from '../losses';
import { makeOptimizer } from '../optimizers';
import { deriveSeed } from '../random';
import {
  disposeOptimizer,
  dropoutLayersOf,
  releaseFailedTape,
  setDropoutSeeds,
  setLearningRate,
} from '../tfjsWorkarounds';
import { trainStep } from '../trainStep';
import type { TrainingConfig } from '../types';
import {
  LR_FINDER_DEFAULTS,
  RangeTest,
  type FinderPoint,
  type RangeTestEnd,
  type RangeTestOptions,
} from './rangeTest';
import { suggestLearningRates, type Suggestions } from './suggestions';

// Keeps the finder's batch order and dropout masks apart from every stream of the run.
const LR_FINDER_SALT = 11;

export interface LrFinderHooks {
  /** After each batch, with its point (and its index in the test). */
  onPoint?(point: FinderPoint, index: number): void;
  /** Checked before every batch; true cancels the test. */
  shouldStop?(): boolean;
  /** Awaited before every batch: the worker yields to its event loop here. */
  beforeBatch?(): Promise<void>;
}

export type LrFinderResult =
  | { status: 'completed'; points: FinderPoint[]; end: RangeTestEnd; suggestions: Suggestions }
  | { status: 'cancelled'; points: FinderPoint[] }
  /** A problem the user can act on (a loss the task cannot use, a kernel the backend lacks). */
  | { status: 'failed'; points: FinderPoint[]; message: string };

/** Runs the range test on a copy of the model; never throws for user-caused problems. */
export async function findLearningRate(opts: {
  tf: typeof tfjs;
  graph: ModelGraph;
  /** Features ready for the model, as a run prepares them (core/train/run.ts prepareRun). */
  dataset: Dataset;
  split: SplitIndices;
  config: TrainingConfig;
  hooks?: LrFinderHooks;
  options?: RangeTestOptions;
}): Promise<LrFinderResult> {
  const { tf, dataset: ds, split, config, hooks = {} } = opts;
  const options = opts.options ?? LR_FINDER_DEFAULTS;
  const test = new RangeTest(options);
  const lossName = resolveLoss(ds.task, config.loss);
  const problem =
    lossProblem(ds.task, lossName) ??
    (split.train.length === 0 ? 'The training split has no rows: use a larger dataset.' : null);
  if (problem) return { status: 'failed', points: [], message: problem };

  const seed = deriveSeed(config.seed, LR_FINDER_SALT);
  const spec: EvalSpec = {
    task: ds.task,
    loss: lossName,
    numClasses: ds.classNames.length,
    batchSize: config.batchSize,
  };
  const model = buildModel(tf, opts.graph, config.seed);
  const optimizer = makeOptimizer(tf, config.optimizer, options.startLr);
  const classWeights =
    config.classWeights && ds.task !== 'regression'
      ? tf.tensor1d(
          classWeightsFor(
            Float32Array.from(split.train, (r) => ds.y[r]!),
            spec.numClasses,
          ),
        )
      : null;
  try {
    const varList = model.trainableWeights.map((w) => w.read() as tfjs.Variable);
    const dropoutLayers = dropoutLayersOf(model);
    // The run's own step: its class weights, L1/L2 penalties and gradient clipping; only
    // the rate is the test's (a learning-rate schedule does not apply).
    const context = {
      ds,
      spec,
      units: outputUnits(model),
      classWeights,
      clipNorm: config.clipNorm,
    };
    // fast.ai runs num_it // len(train batches) + 1 epochs: as many passes as the test needs.
    for (let epoch = 1; ; epoch++) {
      for (const batch of trainingBatches(ds, split.train, config.batchSize, seed, epoch)) {
        await hooks.beforeBatch?.();
        if (hooks.shouldStop?.()) return { status: 'cancelled', points: test.points };
        const index = test.points.length;
        setLearningRate(optimizer, test.nextRate!);
        setDropoutSeeds(dropoutLayers, seed, index);
        let loss: number;
        try {
          [loss] = await trainStep(tf, model, optimizer, varList, batch, context);
        } catch (err) {
          releaseFailedTape(tf);
          return {
            status: 'failed',
            points: test.points,
            message: `The learning-rate finder failed at batch ${index + 1}: ${explainError(err)}`,
          };
        }
        const end = test.record(loss);
        for (let i = index; i < test.points.length; i++) hooks.onPoint?.(test.points[i]!, i);
        if (end) {
          const suggestions = suggestLearningRates(test.points, options.numIt);
          return { status: 'completed', points: test.points, end, suggestions };
        }
      }
    }
  } finally {
    disposeOptimizer(optimizer);
    classWeights?.dispose();
    model.dispose();
  }
}
