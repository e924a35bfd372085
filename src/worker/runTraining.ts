/**
 * One training run in the worker: prepares it in core, picks the backend, trains with
 * pause/resume/stop, stores checkpoints in IndexedDB and reports run events.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { explainError } from '../core/train/explainError';
import type { Dataset } from '../core/data/types';
import { executeRun, prepareRun } from '../core/train/run';
import { READ_EVERY_MS } from '../core/train/stepReadback';
import type { BackendName } from '../core/train/types';
import type { Checkpoint } from '../core/train/checkpoint';
import { getCheckpoint } from '../core/runs/runsDb';
import { dataPathLimits } from './dataPathTestHooks';
import { selectBackend, webglContextLost, type MachineFacts } from './backendSetup';
import type { FromWorker, ToWorker } from './protocol';
import { ProgressBatcher, RunControl } from './runControl';
import { CheckpointWriter } from './checkpointWriter';
import { rememberCheckpoint, rememberRunStart } from './export/exportHandler';
import { csvDatasetForRun } from './ingest/csvIngest';
import { outputBuffers } from '../core/evaluation/runOutputs';

type TrainMessage = Extract<ToWorker, { type: 'train' }>;

export interface RunContext {
  tf: typeof tfjs;
  machine: MachineFacts;
  dataset: Dataset | null;
  post: (msg: FromWorker, transfer?: Transferable[]) => void;
  /** Called with the run's control once it starts (pause, resume and stop go there). */
  onControl: (control: RunControl) => void;
}

/**
 * The final checkpoint a continued run starts from, read from IndexedDB, and with early
 * stopping its best one (whose weights it may restore); or why it cannot continue.
 */
async function resumeCheckpoints(
  msg: TrainMessage,
): Promise<{ from?: Checkpoint; best?: Checkpoint } | string> {
  if (!msg.resume) return {};
  const read = (epoch: number) => getCheckpoint(msg.runId, epoch).catch(() => null);
  const from = await read(msg.resume.fromEpoch);
  if (!from) return 'The weights of this run are no longer stored; it cannot continue.';
  const bestEpoch = msg.resume.best?.epoch;
  const wanted = msg.config.earlyStopping && bestEpoch !== undefined && bestEpoch !== from.epoch;
  // Without them early stopping keeps the last weights (and says so in the run's record).
  const best = wanted ? ((await read(bestEpoch)) ?? undefined) : undefined;
  return { from, ...(best ? { best } : {}) };
}

/** Trains one run to its end; every outcome is reported as run events, never thrown. */
export async function runTraining(msg: TrainMessage, ctx: RunContext): Promise<void> {
  const { runId, graph, config } = msg;
  const { tf, post, machine } = ctx;
  const fail = (message: string) => post({ type: 'failed', runId, message });
  if (!ctx.dataset) return fail('No dataset is loaded: choose one first.');
  // An uploaded CSV's pipeline is fitted again on this run's own training split.
  const csvRun = csvDatasetForRun(ctx.dataset, config);
  if (csvRun && !csvRun.ok) return fail(csvRun.message);
  if (csvRun) post({ type: 'pipelineFitted', runId, fitted: csvRun.fitted });
  const raw = csvRun ? csvRun.dataset : ctx.dataset;
  const prepared = prepareRun(raw, graph, config, csvRun?.fitted ?? null, csvRun?.refit ?? null);
  if (!prepared.ok) return fail(prepared.message);
  const resumed = await resumeCheckpoints(msg);
  if (typeof resumed === 'string') return fail(resumed);

  const checkpoints = new CheckpointWriter(runId, msg.resume?.best ?? null, post);
  // Checkpoint writes go faster when the loop yields often (RunControl's `urgent`).
  const control = new RunControl(
    runId,
    post,
    undefined,
    undefined,
    undefined,
    () => checkpoints.isWriting,
  );
  const progress = new ProgressBatcher(runId, post);
  ctx.onControl(control);
  const { split } = prepared;
  rememberRunStart(runId, graph, config, split, prepared.preprocessing);
  let backend: BackendName | null = null;
  let recovery: { message: string; fromEpoch: number } | null = null;
  try {
    const outcome = await executeRun({
      tf,
      graph,
      dataset: prepared.dataset,
      split,
      config,
      startFrom: resumed.from,
      startBest: resumed.best,
      crossValidation: prepared.crossValidation,
      dataLimits: dataPathLimits(),
      // Steps are read back in batches at the rate progress is posted (stepReadback.ts).
      readEveryMs: READ_EVERY_MS,
      hooks: {
        onFoldStart: ({ fold, of, rows }) => {
          progress.flush();
          post({
            type: 'foldStarted',
            runId,
            fold,
            of,
            trainRows: rows.train.length,
            heldOutRows: rows.heldOut.length,
          });
        },
        onFoldEpoch: (fold, metrics) => {
          progress.flush();
          post({ type: 'foldEpoch', runId, fold, metrics });
        },
        onFoldEnd: (fold, evaluation) => post({ type: 'foldFinished', runId, fold, evaluation }),
        onBatch: (point) => progress.addPoint(point),
        onProgress: (p) => progress.setProgress(p),
        onDataPath: (path) => post({ type: 'dataPath', runId, path }),
        onEpoch: (metrics, checkpoint, isBest) => {
          rememberCheckpoint(checkpoint);
          progress.flush();
          post({ type: 'epoch', runId, metrics });
          checkpoints.take(checkpoint, metrics.valLoss, isBest);
        },
        onLayerStats: (stats) => post({ type: 'layerStats', runId, stats }),
        shouldStop: () => control.isStopped,
        waitIfPaused: async (readPending) => {
          // Show the last points before the pause instead of holding them back.
          if (control.isPaused) {
            await readPending();
            progress.flush();
          }
          await control.waitIfPaused();
        },
        interruption: () =>
          backend === 'webgl' && webglContextLost()
            ? 'The WebGL context was lost (the GPU was reset or reclaimed).'
            : null,
      },
      env: {
        selectBackend: async (exclude) => {
          const info = await selectBackend(
            machine,
            { graph, dataset: prepared.dataset, config },
            exclude,
          );
          backend = info.name;
          if (recovery) post({ type: 'runRecovered', runId, backend: info, ...recovery });
          else {
            post({
              type: 'runStarted',
              runId,
              backend: info,
              trainRows: split.train.length,
              validationRows: split.validation.length,
              testRows: split.test.length,
              preprocessing: prepared.preprocessing,
            });
          }
          return info.name;
        },
        onRecover: (_lost, message, fromEpoch, fold) => {
          const from = fromEpoch > 0 ? `from the epoch ${fromEpoch} checkpoint` : 'from the start';
          const what = fold === undefined ? '' : ` fold ${fold}`;
          // The event's epoch is the final model's, which a fold has not reached.
          const kept = fold === undefined ? fromEpoch : 0;
          recovery = { message: `${message} Continuing${what} ${from}.`, fromEpoch: kept };
          // Wait for the user: they choose to continue on the fallback backend (or stop).
          control.pause();
        },
        onBoundary: (grid) => post({ type: 'boundary', runId, grid }),
      },
    });
    progress.flush();
    // The record claims only weights that were stored: report them before the end.
    await checkpoints.flush();
    if (outcome.status === 'failed') fail(outcome.message);
    else {
      const { status, evaluation, outputs, earlyStop } = outcome;
      // Export and "Try the model" use the weights the run keeps (early stopping's best).
      if (outcome.kept) rememberCheckpoint(outcome.kept);
      post(
        {
          type: 'finished',
          runId,
          status,
          evaluation,
          outputs,
          ...(earlyStop ? { earlyStop } : {}),
        },
        outputs ? outputBuffers(outputs) : [],
      );
    }
  } catch (err) {
    progress.flush();
    await checkpoints.flush();
    fail(explainError(err));
  } finally {
    const memory = tf.memory();
    post({ type: 'memory', runId, numTensors: memory.numTensors, numBytes: memory.numBytes });
  }
}
