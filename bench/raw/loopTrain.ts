/**
 * Diagnostic reference: the app's own training loop (`trainModel`, src/core/train/loop.ts)
 * on the same model, backend, data and split as the app, with no UI, worker protocol or
 * store around it (with the per-layer statistics on). Between the app and plain
 * `model.fit` it tells the loop's cost from the rest of the app's, and it counts the WebGL
 * programs the loop compiles.
 */
import * as tf from '@tensorflow/tfjs';
import { parseBundled } from '../../src/core/data/bundled';
import { stratifiedSplit } from '../../src/core/data/split';
import { prepareFeatures } from '../../src/core/data/standardize';
import { trainModel } from '../../src/core/train/loop';
import { DEFAULT_TRAINING_CONFIG } from '../../src/core/train/settings';
import { buildModel, setUpBackend, timedRate, type RawRequest } from './rawTrain';
import { configureCpu, configureWebgl } from '../../src/worker/backendSetup';
import { epochWindow } from '../stats.mjs';

export interface LoopResult {
  backend: string;
  samplesPerSec: number;
  /** Wall time at each batch's end (ms). */
  batchEndTimes: number[];
  /** WebGL programs compiled so far at each batch's end; null elsewhere. */
  programs: (number | null)[];
  /** The epoch of each batch. */
  epochs: number[];
}

/** Compiled WebGL programs so far (the backend's binary cache), or null on other backends. */
export function compiledPrograms(): number | null {
  const cache = (tf.backend() as unknown as { binaryCache?: object }).binaryCache;
  return cache ? Object.keys(cache).length : null;
}

/** Trains with the app's loop until the timed window (as rawTrain's) and returns its samples/s. */
export async function loopTrain(req: RawRequest, datasetUrl: string): Promise<LoopResult> {
  // The app's CPU and WebGL kernels (the plain reference keeps TF.js's own).
  configureCpu();
  configureWebgl();
  await setUpBackend(req.backend);
  const raw = parseBundled('fashion-mnist', await (await fetch(datasetUrl)).arrayBuffer());
  // Layer statistics on unless asked (the app's default is off): the program count covers
  // their passes too.
  const config = {
    ...DEFAULT_TRAINING_CONFIG,
    batchSize: req.batchSize,
    epochs: 100,
    layerStats: req.layerStats ?? true,
  };
  const split = stratifiedSplit(raw.y, raw.task, config.split, config.seed);
  const { dataset } = prepareFeatures(raw, split.train);
  const model = buildModel(req.model);
  const need = req.warmupBatches + req.timedBatches;
  const batchEndTimes: number[] = [];
  const programs: (number | null)[] = [];
  const epochs: number[] = [];
  const window = () =>
    req.minWindowMs === undefined
      ? null
      : epochWindow(batchEndTimes, split.train.length, req.batchSize, req.minWindowMs);
  const timedDone = () =>
    req.minWindowMs === undefined ? batchEndTimes.length >= need : window() !== null;
  try {
    await trainModel({
      tf,
      model,
      dataset,
      split,
      config,
      hooks: {
        onBatch: (point) => {
          batchEndTimes.push(performance.now());
          programs.push(compiledPrograms());
          epochs.push(point.epoch);
        },
        // Past the timed batches, and with throughEpoch2 until a batch of epoch 2 has
        // ended after its epoch 1's validation and statistics, plus 2 more.
        shouldStop: () =>
          timedDone() && (!req.throughEpoch2 || epochs.filter((e) => e >= 2).length >= 3),
        // Listened to, as the app does, so the per-layer statistics are measured.
        onLayerStats: () => {},
      },
    });
  } finally {
    model.dispose();
  }
  return {
    backend: tf.getBackend(),
    samplesPerSec: timedRate(req, batchEndTimes, window()),
    batchEndTimes,
    programs,
    epochs,
  };
}
