/**
 * "Try the model" in the worker: one input (a drawing, an image file, a table row of raw
 * values) made into the model's input as training made its rows, and the run's model's
 * prediction. The model is the last trained run's (in memory, between batches while it
 * trains) or a stored run's final checkpoint from IndexedDB, kept until another is asked.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { buildModel } from '../../core/graph/build';
import type { Pixels } from '../../core/data/images/pixels';
import { imageInput, tableInput } from '../../core/predict/input';
import { readPrediction, type Prediction } from '../../core/predict/prediction';
import { getCheckpoint } from '../../core/runs/runsDb';
import { restoreWeights } from '../../core/train/checkpoint';
import { trainedModelFor } from '../export/exportHandler';
import {
  bitmapOptions,
  drawBitmapPixels,
  drawingContext,
  type DrawTarget,
} from '../images/drawPixels';
import type { EvaluationFromWorker, TryInput, TryModelRef } from './messages';

type TryAnswer = Extract<EvaluationFromWorker, { type: 'tryResult' | 'evaluationFailed' }>;

let stored: { key: string; model: Promise<tfjs.LayersModel> } | null = null;

async function storedModel(tf: typeof tfjs, ref: TryModelRef, epoch: number) {
  const key = `${ref.runId}@${epoch}`;
  if (stored?.key === key) return stored.model;
  const previous = stored;
  const model = (async () => {
    const checkpoint = await getCheckpoint(ref.runId, epoch).catch(() => null);
    if (!checkpoint) throw new Error('The weights of this run are no longer stored.');
    const m = buildModel(tf, ref.graph, ref.seed);
    try {
      restoreWeights(tf, m, checkpoint);
    } catch (err) {
      m.dispose();
      throw err;
    }
    return m;
  })();
  stored = { key, model };
  // Only one stored run's model is kept: the one asked for last.
  previous?.model.then((m) => m.dispose()).catch(() => {});
  model.catch(() => {
    if (stored?.model === model) stored = null;
  });
  return model;
}

/** The run's model: the last trained run's in memory, or a stored run's final checkpoint. */
export async function modelFor(tf: typeof tfjs, ref: TryModelRef): Promise<tfjs.LayersModel> {
  const live = trainedModelFor(tf, ref.runId);
  if (live) return live;
  if (ref.checkpointEpoch === null) {
    throw new Error(
      'The weights of this run were not stored, and it is not the run last trained in this tab.',
    );
  }
  return storedModel(tf, ref, ref.checkpointEpoch);
}

/** An image (drawing or file) as the dataset's pixels, decoded as image ingest decodes. */
export async function pixelsOfImage(image: ImageBitmap | Blob, ref: TryModelRef): Promise<Pixels> {
  const spec = ref.image;
  if (!spec) throw new Error('This run did not train on images.');
  const target: DrawTarget = {
    size: { width: spec.width, height: spec.height },
    channels: spec.channels,
    centerCrop: spec.centerCrop,
  };
  const bitmap = await createImageBitmap(image, bitmapOptions(target)).catch(() => null);
  // The drawing's bitmap was transferred here: this copy is the worker's to close.
  if (!(image instanceof Blob)) image.close();
  if (!bitmap) throw new Error('This file could not be decoded as an image.');
  try {
    const pixels = drawBitmapPixels(drawingContext(target.size), bitmap, target);
    return { width: spec.width, height: spec.height, channels: spec.channels, pixels };
  } finally {
    bitmap.close();
  }
}

async function predictOne(
  tf: typeof tfjs,
  ref: TryModelRef,
  input: TryInput,
): Promise<{ prediction: Prediction; seen: Pixels | null }> {
  const pre = ref.preprocessing;
  let x: Float32Array;
  let seen: Pixels | null = null;
  if (input.kind === 'image') {
    seen = await pixelsOfImage(input.image, ref);
    x = imageInput(seen, pre, ref.image!.normalize);
  } else {
    x = tableInput(pre, input.values);
  }
  await tf.ready();
  const model = await modelFor(tf, ref);
  const out = tf.tidy(() => model.predict(tf.tensor(x, [1, ...pre.featureShape])) as tfjs.Tensor);
  try {
    return { prediction: readPrediction(await out.data(), pre), seen };
  } finally {
    out.dispose();
  }
}

/** Answers one "Try the model" request; never throws. */
export async function answerTryModel(
  tf: typeof tfjs,
  msg: { requestId: number; model: TryModelRef; input: TryInput },
): Promise<TryAnswer> {
  const { requestId } = msg;
  try {
    const { prediction, seen } = await predictOne(tf, msg.model, msg.input);
    return { type: 'tryResult', requestId, prediction, seen };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { type: 'evaluationFailed', requestId, reason: 'error', message };
  }
}
