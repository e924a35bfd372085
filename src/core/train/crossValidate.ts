/**
 * Cross-validation of a run, before its final model: one fresh model per fold of the
 * non-test rows, trained for the configured epochs on the fold's training part with the
 * preprocessing refitted on that part only, and evaluated on the fold's held-out part.
 * The test split is no fold's rows. Pause, stop and backend recovery work as in the run.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { analyzeGraph } from '../graph/analyze';
import { buildModel } from '../graph/build';
import { updateParams } from '../graph/ops';
import type { ModelGraph } from '../graph/types';
import { CROSS_VALIDATION_FOLDS, stratifiedKFold, type KFold } from '../data/kfold';
import { targetForDataset } from '../data/target';
import type { Dataset, SplitIndices } from '../data/types';
import type { PreprocessingInfo } from '../export/modelFiles';
import type { FoldEvaluation } from '../runs/record';
import type { Checkpoint } from './checkpoint';
import { trainModel, type TrainHooks } from './loop';
import { disposeModel, type BackendTracker } from './recovery';
import type { EpochMetrics, TrainingConfig } from './types';

/** A fold's data: every row's features under preprocessing fitted on its training part. */
export interface FoldFeatures {
  dataset: Dataset;
  /** The preprocessing as fitted on the fold's training rows (statistics, CSV pipeline). */
  preprocessing: PreprocessingInfo;
}

/** What a cross-validated run needs besides its split: the folds and how to refit. */
export interface CrossValidationPlan {
  folds: KFold[];
  /** Fits the run's preprocessing on these rows only and applies it to every row. */
  refit(trainRows: Int32Array): FoldFeatures;
}

export interface FoldHooks {
  /** A fold starts: its rows and its refitted features. */
  onFoldStart?(fold: { fold: number; of: number; rows: KFold; features: FoldFeatures }): void;
  onFoldEpoch?(fold: number, metrics: EpochMetrics): void;
  onFoldEnd?(fold: number, evaluation: FoldEvaluation): void;
}

/**
 * The folds of a run over its training and validation rows, or the human reason there
 * cannot be any. `refit` is the run's own preprocessing (see prepareRun).
 */
export function crossValidationPlan(
  ds: Dataset,
  split: SplitIndices,
  seed: number,
  refit: CrossValidationPlan['refit'],
): { ok: true; plan: CrossValidationPlan } | { ok: false; message: string } {
  const k = CROSS_VALIDATION_FOLDS;
  const rows = Int32Array.from([...split.train, ...split.validation]).sort();
  if (rows.length < k) {
    return {
      ok: false,
      message: `Cross-validation needs at least ${k} training and validation rows (there are ${rows.length}).`,
    };
  }
  return { ok: true, plan: { folds: stratifiedKFold(ds.y, ds.task, rows, k, seed), refit } };
}

/** A fold's held-out metrics: those of its last epoch (or early stopping's kept one). */
export function foldEvaluation(last: EpochMetrics): FoldEvaluation {
  const out: FoldEvaluation = { valLoss: last.valLoss };
  if (last.valAccuracy !== undefined) out.valAccuracy = last.valAccuracy;
  if (last.valMae !== undefined) out.valMae = last.valMae;
  return out;
}

/**
 * The graph for a fold's features. A refit can change the feature count (a category
 * missing from a fold's training part is "Other" there): the fold's model then takes that
 * many inputs, or the run fails with the reason when the graph cannot.
 */
function foldGraph(graph: ModelGraph, ds: Dataset, fold: number): ModelGraph | string {
  const inputs = graph.nodes.filter((n) => n.type === 'Input');
  const same = inputs.every((n) => {
    const shape = n.params['shape'];
    return Array.isArray(shape) && shape.join() === ds.featureShape.join();
  });
  if (same) return graph;
  let g = graph;
  for (const n of inputs) g = updateParams(g, n.id, { shape: [...ds.featureShape] });
  const issue = analyzeGraph(g, targetForDataset(ds)).issues[0];
  if (!issue) return g;
  return `Fold ${fold}'s training rows give ${ds.featureShape.join('×')} features, which the model cannot take (${issue.message}): a category is missing from that fold. Turn off cross-validation or merge rare categories.`;
}

export type FoldsOutcome =
  { status: 'completed' | 'stopped' } | { status: 'failed'; message: string };

/** Trains and evaluates every fold in turn; never throws for user errors. */
export async function trainFolds(opts: {
  tf: typeof tfjs;
  graph: ModelGraph;
  config: TrainingConfig;
  plan: CrossValidationPlan;
  backends: BackendTracker;
  hooks?: TrainHooks & FoldHooks;
  now: () => number;
  /** loop.ts TrainOptions.readEveryMs. */
  readEveryMs?: number;
}): Promise<FoldsOutcome> {
  const { tf, config, plan, backends, hooks = {} } = opts;
  const of = plan.folds.length;
  for (let i = 0; i < of; i++) {
    const fold = i + 1;
    const rows = plan.folds[i]!;
    const features = plan.refit(rows.train);
    const graph = foldGraph(opts.graph, features.dataset, fold);
    if (typeof graph === 'string') return { status: 'failed', message: graph };
    hooks.onFoldStart?.({ fold, of, rows, features });
    const split = { train: rows.train, validation: rows.heldOut, test: new Int32Array(0) };
    let checkpoint: Checkpoint | null = null;
    let best: Checkpoint | null = null;
    let keptEpoch: number | null = null;
    const epochs: EpochMetrics[] = [];
    for (;;) {
      await backends.use();
      const model = buildModel(tf, graph, config.seed);
      let backendLost = false;
      try {
        const result = await trainModel({
          tf,
          model,
          dataset: features.dataset,
          split,
          config,
          now: opts.now,
          readEveryMs: opts.readEveryMs,
          resumeFrom: checkpoint ?? undefined,
          resumeBest: best ?? undefined,
          hooks: {
            shouldStop: hooks.shouldStop,
            waitIfPaused: hooks.waitIfPaused,
            interruption: hooks.interruption,
            onProgress: (p) => hooks.onProgress?.({ ...p, fold: { fold, of } }),
            onEpoch: (metrics) => {
              epochs.push(metrics);
              hooks.onFoldEpoch?.(fold, metrics);
            },
          },
        });
        checkpoint = result.checkpoint;
        best = result.best;
        if (result.status === 'interrupted') {
          backendLost = true;
          if (!backends.lose(result.message, checkpoint?.epoch ?? 0, fold)) {
            return { status: 'failed', message: result.message };
          }
          continue;
        }
        if (result.status === 'failed') {
          return { status: 'failed', message: `Fold ${fold}/${of}: ${result.message}` };
        }
        if (result.status === 'stopped') return { status: 'stopped' };
        keptEpoch = result.earlyStop?.keptEpoch ?? null;
        break;
      } finally {
        disposeModel(model, backendLost);
      }
    }
    // Early stopping that restored its best epoch: that epoch's model is the fold's.
    const kept = epochs.find((e) => e.epoch === keptEpoch) ?? epochs.at(-1);
    if (kept) hooks.onFoldEnd?.(fold, foldEvaluation(kept));
  }
  return { status: 'completed' };
}
