/**
 * The learning-rate finder in the worker: prepares the loaded dataset as a run would (an
 * uploaded CSV's pipeline fitted on the run's split, features fitted on its training
 * rows), picks the backend a run would, and runs the range test on a copy of the model,
 * posting its points, yielding so cancel messages and heartbeats get through.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset } from '../../core/data/types';
import { explainError } from '../../core/train/explainError';
import { findLearningRate } from '../../core/train/lrFinder/findLearningRate';
import { LR_FINDER_DEFAULTS, type FinderPoint } from '../../core/train/lrFinder/rangeTest';
import { prepareRun } from '../../core/train/run';
import { selectBackend, type MachineFacts } from '../backendSetup';
import { csvDatasetForRun } from '../ingest/csvIngest';
import { yieldToEventLoop } from '../yieldToEventLoop';
import type { LrFinderFromWorker, LrFinderToWorker } from './messages';

type FindMessage = Extract<LrFinderToWorker, { type: 'findLearningRate' }>;

const YIELD_EVERY_MS = 15;
const PROGRESS_EVERY_MS = 100;

export interface LrFinderContext {
  tf: typeof tfjs;
  machine: MachineFacts;
  dataset: Dataset | null;
  post: (msg: LrFinderFromWorker) => void;
  signal: AbortSignal;
  now?: () => number;
}

/** Runs one range test to its end; every outcome is posted, never thrown. */
export async function runLrFinder(msg: FindMessage, ctx: LrFinderContext): Promise<void> {
  const { requestId, graph } = msg;
  const { tf, post, signal } = ctx;
  const now = ctx.now ?? (() => performance.now());
  const fail = (message: string) => post({ type: 'lrFinderFailed', requestId, message });
  if (!ctx.dataset) return fail('No dataset is loaded: choose one first.');
  // The test needs the final model's data only: never the folds of a cross-validation.
  const config = { ...msg.config, crossValidate: false };
  const csvRun = csvDatasetForRun(ctx.dataset, config);
  if (csvRun && !csvRun.ok) return fail(csvRun.message);
  const prepared = prepareRun(csvRun ? csvRun.dataset : ctx.dataset, graph, config);
  if (!prepared.ok) return fail(prepared.message);
  const { dataset, split } = prepared;
  try {
    const backend = await selectBackend(ctx.machine, { graph, dataset, config }, []);
    post({ type: 'lrFinderStarted', requestId, backend, numIt: LR_FINDER_DEFAULTS.numIt });
    let pending: FinderPoint[] = [];
    let lastYield = now();
    let lastPost = now();
    const flush = () => {
      if (pending.length > 0) post({ type: 'lrFinderProgress', requestId, points: pending });
      pending = [];
      lastPost = now();
    };
    const result = await findLearningRate({
      tf,
      graph,
      dataset,
      split,
      config,
      hooks: {
        onPoint: (point) => {
          pending.push(point);
          if (now() - lastPost >= PROGRESS_EVERY_MS) flush();
        },
        shouldStop: () => signal.aborted,
        beforeBatch: async () => {
          if (now() - lastYield < YIELD_EVERY_MS) return;
          await yieldToEventLoop();
          lastYield = now();
        },
      },
    });
    flush();
    if (result.status === 'failed') return fail(result.message);
    post({
      type: 'lrFinderFinished',
      requestId,
      points: result.points,
      result:
        result.status === 'completed'
          ? { status: 'completed', end: result.end, suggestions: result.suggestions }
          : { status: 'cancelled' },
    });
  } catch (err) {
    fail(explainError(err));
  }
}
