/**
 * The training loop core owns (not model.fit): seeded batches over the split, one
 * optimizer step per batch, validation each epoch, CPU checkpoints, NaN detection and
 * honest speed figures. The caller builds the model and owns its weights.
 */
import { explainError } from './explainError';
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset, SplitIndices } from '../data/types';
import { batchCount, trainingBatches } from './batches';
import { captureCheckpoint, restoreCheckpoint, type Checkpoint } from './checkpoint';
import { headlineMetric, outputUnits, predictRows, type EvalSpec } from './evaluate';
import { classWeightsFor, lossProblem, resolveLoss } from './losses';
import { makeOptimizer } from './optimizers';
import {
  disposeOptimizer,
  dropoutLayersOf,
  releaseFailedTape,
  setDropoutSeeds,
  unlessInterrupted,
} from './tfjsWorkarounds';
import { trainStep } from './trainStep';
import type { BatchPoint, EpochMetrics, Progress, TrainingConfig } from './types';

/** Batches at the start of a run that compile shaders: left out of speed and ETA. */
export const WARMUP_BATCHES = 3;

export interface TrainHooks {
  onBatch?(point: BatchPoint): void;
  /** After each epoch, with the CPU copy of the weights and optimizer state at that point. */
  onEpoch?(metrics: EpochMetrics, checkpoint: Checkpoint): void;
  onProgress?(progress: Progress): void;
  /** Checked before every batch; true ends the run as 'stopped'. */
  shouldStop?(): boolean;
  /**
   * Awaited between batches: resolves at once, or after a pause ends. The worker also
   * yields to its event loop here so pause/stop messages get through.
   */
  waitIfPaused?(): Promise<void>;
  /** A reason to abandon the run now (e.g. "the WebGL context was lost"), else null. */
  interruption?(): string | null;
}

export interface TrainOptions {
  tf: typeof tfjs;
  model: tfjs.LayersModel;
  /** Features ready for the model (see data/standardize.ts prepareFeatures). */
  dataset: Dataset;
  split: SplitIndices;
  config: TrainingConfig;
  hooks?: TrainHooks;
  /**
   * Continue from this checkpoint: its weights are loaded into the model and its state
   * into the optimizer, so the run goes on exactly as the one that took it would have.
   */
  resumeFrom?: Checkpoint;
  /** Clock in ms; injectable for tests. */
  now?: () => number;
}

interface RunPosition {
  epochsDone: number;
  step: number;
  /** CPU copy of the run's state after the last completed epoch (or the one resumed from). */
  checkpoint: Checkpoint | null;
}

export type TrainResult =
  | ({ status: 'completed' | 'stopped' } & RunPosition)
  /** A problem the user can act on (NaN loss, wrong loss, missing kernel). */
  | ({ status: 'failed'; message: string } & RunPosition)
  /** The backend went away (lost WebGL context): continue from the checkpoint elsewhere. */
  | ({ status: 'interrupted'; message: string } & RunPosition);

/** Trains the model in place; never throws for user-caused problems (see TrainResult). */
export async function trainModel(opts: TrainOptions): Promise<TrainResult> {
  const { tf, model, dataset: ds, split, config, hooks = {} } = opts;
  const now = opts.now ?? (() => performance.now());
  const lossName = resolveLoss(ds.task, config.loss);
  const pos: RunPosition = {
    epochsDone: opts.resumeFrom?.epoch ?? 0,
    step: opts.resumeFrom?.step ?? 0,
    checkpoint: opts.resumeFrom ?? null,
  };
  const problem =
    lossProblem(ds.task, lossName) ??
    (split.train.length === 0 ? 'The training split has no rows: use a larger dataset.' : null);
  if (problem) return { status: 'failed', message: problem, ...pos };

  const spec: EvalSpec = {
    task: ds.task,
    loss: lossName,
    numClasses: ds.classNames.length,
    batchSize: config.batchSize,
  };
  const units = outputUnits(model);
  const batchesPerEpoch = batchCount(split.train.length, config.batchSize);
  const varList = model.trainableWeights.map((w) => w.read() as tfjs.Variable);
  const dropoutLayers = dropoutLayersOf(model);
  const optimizer = makeOptimizer(tf, config.optimizer, config.learningRate);
  const classWeights =
    config.classWeights && ds.task !== 'regression'
      ? tf.tensor1d(classWeightsFor(gatherLabels(ds, split.train), spec.numClasses))
      : null;
  const speed = { batches: 0, samples: 0, ms: 0 };
  const runStart = now();

  try {
    // Before the first step: TF.js creates an optimizer slot only for a variable that has
    // none at its first update, so the restored slots are the ones used.
    if (opts.resumeFrom) await restoreCheckpoint(tf, model, optimizer, opts.resumeFrom);
    for (let epoch = pos.epochsDone + 1; epoch <= config.epochs; epoch++) {
      const epochStart = now();
      let lossSum = 0;
      let metricSum = 0;
      let seen = 0;
      let batchIndex = 0;
      for (const batch of trainingBatches(ds, split.train, config.batchSize, config.seed, epoch)) {
        await hooks.waitIfPaused?.();
        if (hooks.shouldStop?.()) return { status: 'stopped', ...pos };
        const interruption = hooks.interruption?.();
        if (interruption) return { status: 'interrupted', message: interruption, ...pos };
        batchIndex += 1;

        setDropoutSeeds(dropoutLayers, config.seed, pos.step);
        const t0 = now();
        let step: Awaited<ReturnType<typeof unlessInterrupted<[number, number]>>>;
        try {
          const context = { ds, spec, units, classWeights };
          step = await unlessInterrupted(
            trainStep(tf, model, optimizer, varList, batch, context),
            hooks.interruption,
          );
        } catch (err) {
          releaseFailedTape(tf);
          const lost = hooks.interruption?.();
          if (lost) return { status: 'interrupted', message: lost, ...pos };
          const reason = explainError(err);
          return {
            status: 'failed',
            message: `Training step failed at epoch ${epoch}, batch ${batchIndex}: ${reason}`,
            ...pos,
          };
        }
        if ('interrupted' in step)
          return { status: 'interrupted', message: step.interrupted, ...pos };
        const [lossValue, metricValue] = step.value;
        const elapsed = now() - t0;
        if (!Number.isFinite(lossValue)) {
          const lost = hooks.interruption?.();
          if (lost) return { status: 'interrupted', message: lost, ...pos };
          const what = Number.isNaN(lossValue) ? 'NaN' : 'infinite';
          return {
            status: 'failed',
            message: `Loss became ${what} at epoch ${epoch}, batch ${batchIndex}: try a lower learning rate.`,
            ...pos,
          };
        }
        speed.batches += 1;
        if (speed.batches > WARMUP_BATCHES) {
          speed.samples += batch.size;
          speed.ms += elapsed;
        }
        lossSum += lossValue * batch.size;
        metricSum += metricValue;
        seen += batch.size;
        hooks.onBatch?.({ step: pos.step, epoch, loss: lossValue, t: now() - runStart });
        pos.step += 1;
        hooks.onProgress?.(
          progressOf(speed, {
            epoch,
            epochs: config.epochs,
            batch: batchIndex,
            batches: batchesPerEpoch,
            samplesLeft: (config.epochs - epoch) * split.train.length + split.train.length - seen,
          }),
        );
      }

      const validated = await unlessInterrupted(
        predictRows(tf, model, ds, split.validation, spec),
        hooks.interruption,
      );
      if ('interrupted' in validated) {
        return { status: 'interrupted', message: validated.interrupted, ...pos };
      }
      const val = validated.value;
      const train = metricSum / seen;
      const valMetric = headlineMetric(val, ds.task);
      const metrics: EpochMetrics = {
        epoch,
        loss: lossSum / seen,
        valLoss: val.loss,
        ...(ds.task === 'regression'
          ? // The batch metric is in standardized units when the target is; MAE scales by std.
            { mae: train * (ds.targetScale?.std ?? 1), valMae: valMetric.mae }
          : { accuracy: train, valAccuracy: valMetric.accuracy }),
        durationMs: now() - epochStart,
      };
      const captured = await unlessInterrupted(
        captureCheckpoint(model, optimizer, epoch, pos.step),
        hooks.interruption,
      );
      if ('interrupted' in captured) {
        return { status: 'interrupted', message: captured.interrupted, ...pos };
      }
      // A context lost during the copy reads back garbage: keep the previous checkpoint.
      const lost = hooks.interruption?.();
      if (lost) return { status: 'interrupted', message: lost, ...pos };
      const checkpoint = captured.value;
      pos.epochsDone = epoch;
      pos.checkpoint = checkpoint;
      hooks.onEpoch?.(metrics, checkpoint);
    }
    return { status: 'completed', ...pos };
  } finally {
    disposeOptimizer(optimizer);
    classWeights?.dispose();
  }
}

function gatherLabels(ds: Dataset, rows: Int32Array): Float32Array {
  return Float32Array.from(rows, (r) => ds.y[r]!);
}

function progressOf(
  speed: { batches: number; samples: number; ms: number },
  at: { epoch: number; epochs: number; batch: number; batches: number; samplesLeft: number },
): Progress {
  const warmingUp = speed.batches <= WARMUP_BATCHES;
  const samplesPerSec = !warmingUp && speed.ms > 0 ? (speed.samples * 1000) / speed.ms : null;
  return {
    epoch: at.epoch,
    epochs: at.epochs,
    batch: at.batch,
    batches: at.batches,
    samplesPerSec,
    etaSec: samplesPerSec ? at.samplesLeft / samplesPerSec : null,
    warmingUp,
  };
}
