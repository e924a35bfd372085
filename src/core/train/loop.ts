/**
 * The training loop core owns (not model.fit): seeded batches over the split, one
 * optimizer step per batch at the schedule's learning rate, a divergence check per batch,
 * validation, reduce-on-plateau, early stopping and a CPU checkpoint per epoch
 * (epochEnd.ts), and honest speed figures. The caller builds the model and owns its weights.
 */
import { explainError } from './explainError';
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset, SplitIndices } from '../data/types';
import { augmentRngOf, batchCount, epochOrder } from './batches';
import { canPadTraining, disposeBatch } from './dataPath/deviceBatch';
import {
  openDataSource,
  type DataPathInfo,
  type DataPathLimits,
  type DataSource,
} from './dataPath/source';
import { restoreCheckpoint, restoreWeights, type Checkpoint } from './checkpoint';
import { createDivergenceMonitor } from './diagnostics/divergence';
import { divergedMessage, nonFiniteLossMessage } from './divergenceStop';
import { endEpoch } from './epochEnd';
import { outputUnits, type EvalSpec } from './evaluate';
import { learningRateOf, loopRules, startLoopState } from './loopState';
import { classWeightsFor, lossProblem, resolveLoss } from './losses';
import { makeOptimizer } from './optimizers';
import {
  disposeOptimizer,
  dropoutLayersOf,
  releaseFailedTape,
  setDropoutSeeds,
  setLearningRate,
  unlessInterrupted,
} from './tfjsWorkarounds';
import { stepAndRead } from './trainStep';
import { layerStatsReporter } from './layerStats/reporter';
import type { LayerStatsEpoch } from './layerStats/types';
import type { BatchPoint, EarlyStop, EpochMetrics, Progress, TrainingConfig } from './types';

/** Batches at the start of a run that compile shaders: left out of speed and ETA. */
export const WARMUP_BATCHES = 3;

export interface TrainHooks {
  onBatch?(point: BatchPoint): void;
  /**
   * After each epoch, with the CPU copy of the weights and optimizer state at that point.
   * `isBest` (set only with early stopping on): these are early stopping's best weights so
   * far, the ones "restore best weights" would keep.
   */
  onEpoch?(metrics: EpochMetrics, checkpoint: Checkpoint, isBest?: boolean): void;
  onProgress?(progress: Progress): void;
  /** After each epoch's onEpoch, with the statistics when the "Layer statistics" setting is on. */
  onLayerStats?(stats: LayerStatsEpoch): void;
  /** Checked before every batch; true ends the run as 'stopped'. */
  shouldStop?(): boolean;
  /**
   * Awaited between batches: resolves at once, or after a pause ends. The worker also
   * yields to its event loop here so pause/stop messages get through.
   */
  waitIfPaused?(): Promise<void>;
  /** A reason to abandon the run now (e.g. "the WebGL context was lost"), else null. */
  interruption?(): string | null;
  /** Once, before the first step: the path the run's batches take (dataPath/source.ts). */
  onDataPath?(path: DataPathInfo): void;
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
   * into the optimizer (and the schedule and early stopping), so the run goes on exactly
   * as the one that took it would have.
   */
  resumeFrom?: Checkpoint;
  /**
   * With early stopping, the checkpoint of its best epoch so far when that is not
   * `resumeFrom` (its weights are restored if it stops); ignored if it is not that epoch's.
   */
  resumeBest?: Checkpoint;
  /** Clock in ms; injectable for tests. */
  now?: () => number;
  /** The data path's limits (dataPath/source.ts); tests lower them to stream small data. */
  dataLimits?: DataPathLimits;
}

interface RunPosition {
  epochsDone: number;
  step: number;
  /** CPU copy of the run's state after the last completed epoch (or the one resumed from). */
  checkpoint: Checkpoint | null;
  /** Early stopping's best epoch so far, whose weights it restores; null without. */
  best: Checkpoint | null;
}

export type TrainResult =
  /** `earlyStop`: early stopping ended the run; the model holds the kept epoch's weights. */
  | ({ status: 'completed'; earlyStop?: EarlyStop } & RunPosition)
  | ({ status: 'stopped' } & RunPosition)
  /** A problem the user can act on (divergence, wrong loss, missing kernel). */
  | ({ status: 'failed'; message: string } & RunPosition)
  /** The backend went away (lost WebGL context): continue from the checkpoint elsewhere. */
  | ({ status: 'interrupted'; message: string } & RunPosition);

/** Trains the model in place; never throws for user-caused problems (see TrainResult). */
export async function trainModel(opts: TrainOptions): Promise<TrainResult> {
  const { tf, model, dataset: ds, split, config, hooks = {} } = opts;
  const now = opts.now ?? (() => performance.now());
  const lossName = resolveLoss(ds.task, config.loss);
  const batchesPerEpoch = batchCount(split.train.length, config.batchSize);
  const rules = loopRules(config, ds.task, batchesPerEpoch);
  let state = startLoopState(rules, opts.resumeFrom?.loop);
  const bestEpoch = state.earlyStopping?.bestEpoch;
  const pos: RunPosition = {
    epochsDone: opts.resumeFrom?.epoch ?? 0,
    step: opts.resumeFrom?.step ?? 0,
    checkpoint: opts.resumeFrom ?? null,
    best: [opts.resumeBest, opts.resumeFrom].find((cp) => cp && cp.epoch === bestEpoch) ?? null,
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
  const varList = model.trainableWeights.map((w) => w.read() as tfjs.Variable);
  const dropoutLayers = dropoutLayersOf(model);
  const pad = canPadTraining(model);
  const optimizer = makeOptimizer(tf, config.optimizer, config.learningRate);
  let optimizerLr = config.learningRate;
  const classWeights =
    config.classWeights && ds.task !== 'regression'
      ? tf.tensor1d(classWeightsFor(gatherLabels(ds, split.train), spec.numClasses))
      : null;
  const context = { ds, spec, units, classWeights, clipNorm: config.clipNorm };
  const diverged = createDivergenceMonitor(lossName);
  const speed = { batches: 0, samples: 0, ms: 0 };
  const runStart = now();
  const firstEpoch = pos.epochsDone + 1;
  const reportLayerStats = layerStatsReporter(tf, model, ds, split, config, spec, hooks);
  let source: DataSource | null = null;

  try {
    source = openDataSource(tf, ds, spec, opts.dataLimits);
    hooks.onDataPath?.({ kind: source.kind, notice: source.notice });
    // Before the first step: TF.js creates an optimizer slot only for a variable that has
    // none at its first update, so the restored slots are the ones used.
    if (opts.resumeFrom) await restoreCheckpoint(tf, model, optimizer, opts.resumeFrom);
    for (let epoch = firstEpoch; epoch <= config.epochs; epoch++) {
      const totals = { lossSum: 0, metricSum: 0, seen: 0, startedAt: now() };
      let at = { epoch, batch: 0, step: pos.step };
      const order = epochOrder(split.train, config.seed, epoch);
      const augmentRng = augmentRngOf(ds, config.seed, epoch);
      for (const batch of source.batches(order, { pad, augmentRng })) {
        await hooks.waitIfPaused?.();
        const stopped = hooks.shouldStop?.() === true;
        const interruption = stopped ? null : hooks.interruption?.();
        if (stopped || interruption) {
          disposeBatch(batch);
          if (!interruption) return { status: 'stopped', ...pos };
          return { status: 'interrupted', message: interruption, ...pos };
        }
        at = { epoch, batch: at.batch + 1, step: pos.step };

        setDropoutSeeds(dropoutLayers, config.seed, pos.step);
        const lr = learningRateOf(rules, state, pos.step);
        if (lr !== optimizerLr) setLearningRate(optimizer, (optimizerLr = lr));
        const t0 = now();
        let step: Awaited<ReturnType<typeof unlessInterrupted<[number, number]>>>;
        try {
          step = await unlessInterrupted(
            stepAndRead(tf, model, optimizer, varList, batch, context),
            hooks.interruption,
          );
        } catch (err) {
          releaseFailedTape(tf);
          const lost = hooks.interruption?.();
          if (lost) return { status: 'interrupted', message: lost, ...pos };
          const reason = explainError(err);
          return {
            status: 'failed',
            message: `Training step failed at epoch ${epoch}, batch ${at.batch}: ${reason}`,
            ...pos,
          };
        }
        if ('interrupted' in step)
          return { status: 'interrupted', message: step.interrupted, ...pos };
        const [lossValue, metricValue] = step.value;
        const elapsed = now() - t0;
        const point = { step: pos.step, epoch, loss: lossValue, t: now() - runStart };
        // A lost context reads back garbage: that is an interruption, not a divergence.
        const divergence = Number.isFinite(lossValue) ? diverged(point) : null;
        if (!Number.isFinite(lossValue) || divergence) {
          const lost = hooks.interruption?.();
          if (lost) return { status: 'interrupted', message: lost, ...pos };
          // The batches that show a divergence are its evidence: they stay on the chart.
          if (divergence) hooks.onBatch?.(point);
          const message = divergence
            ? divergedMessage(divergence, at)
            : nonFiniteLossMessage(lossValue, at);
          return { status: 'failed', message, ...pos };
        }
        speed.batches += 1;
        if (speed.batches > WARMUP_BATCHES) {
          speed.samples += batch.size;
          speed.ms += elapsed;
        }
        totals.lossSum += lossValue * batch.size;
        totals.metricSum += metricValue;
        totals.seen += batch.size;
        hooks.onBatch?.(point);
        pos.step += 1;
        hooks.onProgress?.(
          progressOf(speed, {
            epoch,
            epochs: config.epochs,
            batch: at.batch,
            batches: batchesPerEpoch,
            samplesLeft:
              (config.epochs - epoch) * split.train.length + split.train.length - totals.seen,
          }),
        );
      }

      const end = await endEpoch(
        {
          tf,
          model,
          optimizer,
          ds,
          split,
          spec,
          rules,
          now,
          interruption: hooks.interruption,
          source,
        },
        { epoch, step: pos.step },
        { ...totals, lr: optimizerLr, last: at },
        state,
        epoch === 1,
      );
      if (end.kind === 'interrupted')
        return { status: 'interrupted', message: end.message, ...pos };
      if (end.kind === 'failed') return { status: 'failed', message: end.message, ...pos };
      state = end.state;
      pos.epochsDone = epoch;
      pos.checkpoint = end.checkpoint;
      if (end.isBest) pos.best = end.checkpoint;
      hooks.onEpoch?.(end.metrics, end.checkpoint, state.earlyStopping ? end.isBest : undefined);
      // Per-layer statistics (layerStats/): one probe pass and read-back per epoch.
      await reportLayerStats?.(epoch);
      if (end.stop)
        return { status: 'completed', earlyStop: stopEarly(tf, model, config, pos), ...pos };
    }
    return { status: 'completed', ...pos };
  } finally {
    disposeOptimizer(optimizer);
    classWeights?.dispose();
    // At the end, on stop, failure and a lost context alike: the resident data goes.
    source?.dispose();
  }
}

/** Early stopping ends the run: the model takes its best epoch's weights when it restores them. */
function stopEarly(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  config: TrainingConfig,
  pos: RunPosition,
): EarlyStop {
  const stoppedEpoch = pos.epochsDone;
  if (!config.restoreBestWeights || !pos.best || pos.best.epoch === stoppedEpoch) {
    return { stoppedEpoch, keptEpoch: stoppedEpoch };
  }
  restoreWeights(tf, model, pos.best);
  return { stoppedEpoch, keptEpoch: pos.best.epoch };
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
