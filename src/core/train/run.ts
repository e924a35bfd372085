/**
 * One training run from graph, dataset and config to an evaluation: checks, split,
 * features, model, loop, test evaluation, the decision boundary of 2-D sets, and
 * recovery from a lost backend (a new backend continues from the last checkpoint, with
 * the optimizer's state, so the recovered run ends with the weights it would have had).
 * The worker supplies the environment (backend switching, messages); logic stays here.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { analyzeGraph } from '../graph/analyze';
import { buildModel } from '../graph/build';
import type { ModelGraph } from '../graph/types';
import { stratifiedSplit } from '../data/split';
import { prepareFeatures } from '../data/standardize';
import type { FittedPipeline } from '../data/pipeline/spec';
import { runPreprocessing } from '../export/preprocessing';
import type { PreprocessingInfo } from '../export/modelFiles';
import { predefinedSplit } from '../data/images/split';
import { targetForDataset } from '../data/target';
import type { Dataset, SplitIndices } from '../data/types';
import { boundaryReporter } from './boundary';
import { restoreWeights, type Checkpoint } from './checkpoint';
import { validationProblem } from './configRules';
import { resolveLoss } from './losses';
import { trainingConfigProblems, unavailableSettings } from './settingsSchema';
import type { DataPathLimits } from './dataPath/source';
import { trainModel, type TrainHooks } from './loop';
import { finalOutputs } from './finalOutputs';
import type { RunOutputs } from '../evaluation/runOutputs';
import { unlessInterrupted } from './tfjsWorkarounds';
import {
  crossValidationPlan,
  trainFolds,
  type CrossValidationPlan,
  type FoldFeatures,
  type FoldHooks,
} from './crossValidate';
import { BackendTracker, disposeModel, type RunEnvironment } from './recovery';
import type { EarlyStop, Evaluation, TrainingConfig } from './types';

export type { RunEnvironment };

/**
 * A run ready to train, or the human reason it cannot start. `preprocessing` says how
 * the raw rows became `dataset`'s features, with the statistics fitted here;
 * `crossValidation` is set when the run cross-validates first.
 */
export type PreparedRun =
  | {
      ok: true;
      dataset: Dataset;
      split: SplitIndices;
      preprocessing: PreprocessingInfo;
      crossValidation: CrossValidationPlan | null;
    }
  | { ok: false; message: string };

/** An uploaded CSV's pipeline fitted on other training rows: every row's features under it. */
export type CsvRefit = (trainRows: Int32Array) => { dataset: Dataset; fitted: FittedPipeline };

/**
 * Checks graph and settings against the dataset, splits it and prepares its features.
 * `fittedPipeline`: an uploaded CSV's pipeline, already applied to `ds`; `refitCsv` fits
 * that pipeline again on a fold's rows (needed only to cross-validate a CSV).
 */
export function prepareRun(
  ds: Dataset,
  graph: ModelGraph,
  config: TrainingConfig,
  fittedPipeline: FittedPipeline | null = null,
  refitCsv: CsvRefit | null = null,
): PreparedRun {
  const issue = analyzeGraph(graph, targetForDataset(ds)).issues[0];
  if (issue) return { ok: false, message: `${issue.message}${issue.fix ? ` ${issue.fix}` : ''}` };
  // The same ranges as the form: a file that opened with a warning trains once fixed.
  const setting = trainingConfigProblems(config)[0] ?? unavailableSettings(config, ds)[0];
  if (setting) return { ok: false, message: setting.message };
  const split = ds.predefinedTest
    ? predefinedSplit(ds.y, ds.task, ds.predefinedTest, config.split, config.seed)
    : stratifiedSplit(ds.y, ds.task, config.split, config.seed);
  if (split.train.length === 0) {
    return {
      ok: false,
      message: 'The training split has no rows: use a larger dataset or training share.',
    };
  }
  const noValidation = validationProblem(config, split.validation.length);
  if (noValidation) return { ok: false, message: noValidation };
  const { dataset, standardization } = prepareFeatures(ds, split.train);
  let crossValidation: CrossValidationPlan | null = null;
  if (config.crossValidate) {
    // Features fitted elsewhere (a CSV's pipeline) must be refitted there, never reused.
    if (ds.preprocessed && !refitCsv) throw new Error('Cross-validating a CSV needs its refit');
    const cv = crossValidationPlan(ds, split, config.seed, (rows) => refit(ds, rows, refitCsv));
    if (!cv.ok) return cv;
    crossValidation = cv.plan;
  }
  return {
    ok: true,
    dataset,
    split,
    preprocessing: runPreprocessing(ds, standardization, fittedPipeline),
    crossValidation,
  };
}

/** The run's preprocessing fitted again, on `trainRows` only: a fold's features. */
function refit(ds: Dataset, trainRows: Int32Array, refitCsv: CsvRefit | null): FoldFeatures {
  if (refitCsv) {
    const { dataset, fitted } = refitCsv(trainRows);
    return { dataset, preprocessing: runPreprocessing(dataset, null, fitted) };
  }
  const { dataset, standardization } = prepareFeatures(ds, trainRows);
  return { dataset, preprocessing: runPreprocessing(ds, standardization, null) };
}

/** How a run's training ended, before its final evaluation. */
interface Trained {
  status: 'completed' | 'stopped';
  epochsDone: number;
  /** Set when early stopping ended the run. */
  earlyStop?: EarlyStop;
  /**
   * The checkpoint of the weights the run keeps and was evaluated with: early stopping's
   * restored best, else the last epoch's; null if it finished none.
   */
  kept: Checkpoint | null;
}

export type RunOutcome =
  | (Trained & {
      evaluation: Evaluation | null;
      /** The final model's outputs on the validation and test rows; null if it never trained. */
      outputs: RunOutputs | null;
    })
  | { status: 'failed'; message: string; epochsDone: number };

/**
 * Trains a prepared run to the end, recovering from lost backends; never throws for user
 * errors. With `crossValidation`, its folds train first (not when continuing a run: they
 * were done before its first epoch); the final model, its checkpoints and its test
 * evaluation are those of a run without.
 */
export async function executeRun(opts: {
  tf: typeof tfjs;
  graph: ModelGraph;
  dataset: Dataset;
  split: SplitIndices;
  config: TrainingConfig;
  hooks?: TrainHooks & FoldHooks;
  env: RunEnvironment;
  /** Continue a stored run from this checkpoint (its weights and optimizer state). */
  startFrom?: Checkpoint;
  /** With early stopping: the stored run's best checkpoint, whose weights it may restore. */
  startBest?: Checkpoint;
  crossValidation?: CrossValidationPlan | null;
  /** The data path's limits (dataPath/source.ts); test hooks lower them. */
  dataLimits?: DataPathLimits;
  /** Read training steps back about this often (loop.ts TrainOptions.readEveryMs). */
  readEveryMs?: number;
}): Promise<RunOutcome> {
  const { tf, graph, dataset: ds, split, config, env } = opts;
  const now = env.now ?? (() => performance.now());
  const backends = new BackendTracker(env);
  let checkpoint: Checkpoint | null = opts.startFrom ?? null;
  let best: Checkpoint | null = opts.startBest ?? null;
  if (opts.crossValidation && !opts.startFrom) {
    const plan = opts.crossValidation;
    const folds = await trainFolds({
      tf,
      graph,
      config,
      plan,
      backends,
      hooks: opts.hooks,
      now,
      readEveryMs: opts.readEveryMs,
    });
    if (folds.status === 'failed') return { ...folds, epochsDone: 0 };
    if (folds.status === 'stopped') {
      return { status: 'stopped', evaluation: null, outputs: null, epochsDone: 0, kept: null };
    }
  }
  // Set once the loop has ended: a backend lost after that only restores and evaluates.
  let trained: Trained | null = null;
  for (;;) {
    await backends.use();
    const model = buildModel(tf, graph, config.seed);
    let backendLost = false;
    try {
      const boundary = boundaryReporter(tf, model, ds, env, now, opts.hooks?.interruption);
      if (trained?.kept) restoreWeights(tf, model, trained.kept);
      if (!trained) {
        const result = await trainModel({
          tf,
          model,
          dataset: ds,
          split,
          config,
          now,
          resumeFrom: checkpoint ?? undefined,
          resumeBest: best ?? undefined,
          dataLimits: opts.dataLimits,
          readEveryMs: opts.readEveryMs,
          hooks: {
            ...opts.hooks,
            onBatch: (p) => {
              opts.hooks?.onBatch?.(p);
              boundary?.maybe();
            },
            onEpoch: (m, cp, isBest) => {
              opts.hooks?.onEpoch?.(m, cp, isBest);
              boundary?.maybe();
            },
          },
        });
        checkpoint = result.checkpoint;
        best = result.best;
        if (result.status === 'interrupted') {
          backendLost = true;
          if (!backends.lose(result.message, checkpoint?.epoch ?? 0)) {
            return { status: 'failed', message: result.message, epochsDone: result.epochsDone };
          }
          continue;
        }
        if (result.status === 'failed') {
          return { status: 'failed', message: result.message, epochsDone: result.epochsDone };
        }
        const earlyStop = result.status === 'completed' ? result.earlyStop : undefined;
        const restored = earlyStop && earlyStop.keptEpoch !== earlyStop.stoppedEpoch;
        trained = {
          status: result.status,
          epochsDone: result.epochsDone,
          ...(earlyStop ? { earlyStop } : {}),
          kept: restored ? best : checkpoint,
        };
      }
      await boundary?.now();
      const spec = {
        task: ds.task,
        loss: resolveLoss(ds.task, config.loss),
        numClasses: ds.classNames.length,
        batchSize: config.batchSize,
      };
      const evaluated = await unlessInterrupted(
        finalOutputs(tf, model, ds, split, spec, config.seed),
        opts.hooks?.interruption,
      );
      if ('interrupted' in evaluated) {
        // Lost after the last epoch: the next backend restores the kept weights and evaluates.
        backendLost = true;
        if (!backends.lose(evaluated.interrupted, checkpoint?.epoch ?? 0)) {
          return {
            status: 'failed',
            message: evaluated.interrupted,
            epochsDone: trained.epochsDone,
          };
        }
        continue;
      }
      return { ...trained, ...evaluated.value };
    } finally {
      disposeModel(model, backendLost);
    }
  }
}

/**
 * Whether the active backend can train this model: one optimizer step on two real rows
 * with a throwaway model (e.g. WASM lacks some gradient kernels). Null when it can, else
 * the error. Everything it creates is disposed.
 */
export async function probeTraining(
  tf: typeof tfjs,
  graph: ModelGraph,
  ds: Dataset,
  config: TrainingConfig,
): Promise<string | null> {
  const rows = Int32Array.from({ length: Math.min(2, ds.n) }, (_, i) => i);
  let model: tfjs.LayersModel | null = null;
  try {
    model = buildModel(tf, graph, config.seed);
    const result = await trainModel({
      tf,
      model,
      dataset: ds,
      split: { train: rows, validation: new Int32Array(0), test: new Int32Array(0) },
      config: {
        ...config,
        epochs: 1,
        batchSize: rows.length,
        classWeights: false,
        earlyStopping: false,
      },
    });
    return result.status === 'failed' ? result.message : null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    model?.dispose();
  }
}
