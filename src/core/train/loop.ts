/**
 * The training loop core owns (not model.fit): seeded batches over the split, one
 * optimizer step per batch at the schedule's learning rate, read back in batches
 * (stepDriver.ts) with the NaN and divergence checks per step,
 * validation, reduce-on-plateau, early stopping and a CPU checkpoint per epoch
 * (epochEnd.ts), and honest speed figures. The caller builds the model and owns its weights.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset } from '../data/types';
import { augmentRngOf, batchCount, epochOrder } from './batches';
import { restoreCheckpoint, restoreWeights } from './checkpoint';
import { disposeBatch, padsTraining } from './dataPath/deviceBatch';
import { openDataSource, type DataSource } from './dataPath/source';
import { createDivergenceMonitor } from './diagnostics/divergence';
import type { BatchAt } from './divergenceStop';
import { endEpoch } from './epochEnd';
import { outputUnits, type EvalSpec } from './evaluate';
import { layerStatsReporter } from './layerStats/reporter';
import { learningRateOf, loopRules, startLoopState } from './loopState';
import type { RunPosition, TrainOptions, TrainResult } from './loopTypes';
import { classWeightsFor, lossProblem, resolveLoss } from './losses';
import { makeOptimizer } from './optimizers';
import { StepDriver } from './stepDriver';
import { progressOf, WARMUP_BATCHES } from './stepResults';
import {
  disposeOptimizer,
  dropoutLayersOf,
  setDropoutSeeds,
  setLearningRate,
} from './tfjsWorkarounds';
import { stepOnDevice } from './trainStep';
import type { EarlyStop, TrainingConfig } from './types';

export { WARMUP_BATCHES };
export type { RunPosition, TrainHooks, TrainOptions, TrainResult } from './loopTypes';

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
  const pad = padsTraining(tf, model);
  const optimizer = makeOptimizer(tf, config.optimizer, config.learningRate);
  let optimizerLr = config.learningRate;
  const classWeights =
    config.classWeights && ds.task !== 'regression'
      ? tf.tensor1d(classWeightsFor(gatherLabels(ds, split.train), spec.numClasses))
      : null;
  const context = { ds, spec, units, classWeights, clipNorm: config.clipNorm };
  const runStart = now();
  const firstEpoch = pos.epochsDone + 1;
  let dispatched = pos.step;
  const steps = new StepDriver({
    tf,
    model,
    hooks,
    pos,
    now,
    readEveryMs: opts.readEveryMs ?? 0,
    diverged: createDivergenceMonitor(lossName),
    elapsed: () => now() - runStart,
    progressAt: (at, speed, totals) =>
      progressOf(speed, {
        epoch: at.epoch,
        epochs: config.epochs,
        batch: at.batch,
        batches: batchesPerEpoch,
        samplesLeft:
          (config.epochs - at.epoch) * split.train.length + split.train.length - totals.seen,
      }),
  });
  const reportLayerStats = layerStatsReporter(tf, model, ds, split, config, spec, hooks);
  let source: DataSource | null = null;

  try {
    source = openDataSource(tf, ds, spec, opts.dataLimits);
    hooks.onDataPath?.({ kind: source.kind, notice: source.notice });
    // Before the first step: TF.js creates an optimizer slot only for a variable that has
    // none at its first update, so the restored slots are the ones used.
    if (opts.resumeFrom) await restoreCheckpoint(tf, model, optimizer, opts.resumeFrom);
    // What a failed step restores when no epoch has ended yet.
    await steps.keepInitialWeights(optimizer);
    for (let epoch = firstEpoch; epoch <= config.epochs; epoch++) {
      const startedAt = now();
      steps.newEpoch();
      let at: BatchAt = { epoch, batch: 0, step: pos.step };
      const order = epochOrder(split.train, config.seed, epoch);
      const augmentRng = augmentRngOf(ds, config.seed, epoch);
      for (const batch of source.batches(order, { pad, augmentRng })) {
        let ended: TrainResult | null = null;
        const waitStart = now();
        // Before a pause, the steps so far are read so the chart shows them.
        await hooks.waitIfPaused?.(async () => {
          ended = await steps.settle();
        });
        steps.leaveOut(now() - waitStart);
        if (ended) {
          disposeBatch(batch);
          return ended;
        }
        const stopped = hooks.shouldStop?.() === true;
        const interruption = stopped ? null : hooks.interruption?.();
        if (stopped || interruption) {
          disposeBatch(batch);
          if (interruption) return { status: 'interrupted', message: interruption, ...pos };
          return (await steps.settle()) ?? { status: 'stopped', ...pos };
        }
        at = { epoch, batch: at.batch + 1, step: dispatched };

        setDropoutSeeds(dropoutLayers, config.seed, dispatched);
        const lr = learningRateOf(rules, state, dispatched);
        if (lr !== optimizerLr) setLearningRate(optimizer, (optimizerLr = lr));
        try {
          const values = stepOnDevice(tf, model, optimizer, varList, batch, context);
          steps.add({ values, at, size: batch.size });
        } catch (err) {
          return steps.failedStep(err, at);
        } finally {
          disposeBatch(batch);
        }
        dispatched += 1;
        if (steps.due()) {
          const problem = await steps.readDue();
          if (problem) return problem;
        }
      }
      const problem = await steps.settle();
      if (problem) return problem;

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
        { ...steps.totals, startedAt, lr: optimizerLr, last: at },
        state,
        epoch === 1,
      );
      if (end.kind === 'interrupted')
        return { status: 'interrupted', message: end.message, ...pos };
      if (end.kind === 'failed') return steps.fail(end.message);
      state = end.state;
      pos.epochsDone = epoch;
      pos.checkpoint = end.checkpoint;
      steps.lastGood = end.checkpoint;
      if (end.isBest) pos.best = end.checkpoint;
      hooks.onEpoch?.(end.metrics, end.checkpoint, state.earlyStopping ? end.isBest : undefined);
      // Per-layer statistics (layerStats/): one probe pass and read-back per epoch.
      await reportLayerStats?.(epoch);
      // The epoch's end is not training time.
      steps.leaveOutSinceLastRead();
      if (end.stop)
        return { status: 'completed', earlyStop: stopEarly(tf, model, config, pos), ...pos };
    }
    return { status: 'completed', ...pos };
  } finally {
    steps.discard();
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
