/**
 * The end of a training epoch: validation, the epoch's metrics, reduce-on-plateau and
 * early stopping, and the CPU checkpoint, whose read-back also shows whether any weight
 * overflowed. The loop (loop.ts) acts on the outcome.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset, SplitIndices } from '../data/types';
import type { DataSource } from './dataPath/source';
import { captureCheckpoint, type Checkpoint } from './checkpoint';
import { nonFiniteWeightsMessage, type BatchAt } from './divergenceStop';
import { headlineMetric, predictRows, type EvalSpec } from './evaluate';
import { afterEpoch, type LoopRules, type LoopState } from './loopState';
import { unlessInterrupted } from './tfjsWorkarounds';
import type { EpochMetrics } from './types';

export interface EpochEndContext {
  tf: typeof tfjs;
  model: tfjs.LayersModel;
  optimizer: tfjs.Optimizer;
  ds: Dataset;
  split: SplitIndices;
  spec: EvalSpec;
  rules: LoopRules;
  now: () => number;
  interruption?: () => string | null;
  /** The run's data path, which validation reads too. */
  source?: DataSource;
}

/** What the epoch's batches added up to. */
export interface EpochTotals {
  lossSum: number;
  metricSum: number;
  seen: number;
  startedAt: number;
  /** The learning rate of the epoch's last step. */
  lr: number;
  /** The last batch trained (epoch, batch, global step). */
  last: BatchAt;
}

export type EpochEnd =
  | { kind: 'interrupted'; message: string }
  | { kind: 'failed'; message: string }
  | {
      kind: 'done';
      metrics: EpochMetrics;
      /** Taken after the state update, so a run continued from it goes on from `state`. */
      checkpoint: Checkpoint;
      state: LoopState;
      /** Early stopping's best weights so far are this epoch's. */
      isBest: boolean;
      /** Early stopping ends the run here. */
      stop: boolean;
    };

/**
 * Validates, updates the schedule and early stopping, and checkpoints epoch `epoch` after
 * `step` steps of the run.
 */
export async function endEpoch(
  ctx: EpochEndContext,
  at: { epoch: number; step: number },
  totals: EpochTotals,
  state: LoopState,
  firstEpoch: boolean,
): Promise<EpochEnd> {
  const { tf, model, ds, spec } = ctx;
  const { epoch, step } = at;
  const validated = await unlessInterrupted(
    predictRows(tf, model, ds, ctx.split.validation, spec, { source: ctx.source }),
    ctx.interruption,
  );
  if ('interrupted' in validated) return { kind: 'interrupted', message: validated.interrupted };
  const val = validated.value;
  const train = totals.metricSum / totals.seen;
  const valMetric = headlineMetric(val, ds.task);
  const metrics: EpochMetrics = {
    epoch,
    loss: totals.lossSum / totals.seen,
    valLoss: val.loss,
    ...(ds.task === 'regression'
      ? // The batch metric is in standardized units when the target is; MAE scales by std.
        { mae: train * (ds.targetScale?.std ?? 1), valMae: valMetric.mae }
      : { accuracy: train, valAccuracy: valMetric.accuracy }),
    durationMs: ctx.now() - totals.startedAt,
    lr: totals.lr,
  };
  const next = afterEpoch(ctx.rules, state, metrics, firstEpoch);
  const captured = await unlessInterrupted(
    captureCheckpoint(model, ctx.optimizer, epoch, step, next.state),
    ctx.interruption,
  );
  if ('interrupted' in captured) return { kind: 'interrupted', message: captured.interrupted };
  // A context lost during the copy reads back garbage: keep the previous checkpoint.
  const lost = ctx.interruption?.();
  if (lost) return { kind: 'interrupted', message: lost };
  const checkpoint = captured.value;
  if (!checkpoint.weights.every((w) => w.values.every(Number.isFinite))) {
    return { kind: 'failed', message: nonFiniteWeightsMessage(totals.last) };
  }
  return { kind: 'done', metrics, checkpoint, ...next };
}
