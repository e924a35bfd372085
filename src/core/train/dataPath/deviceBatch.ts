/**
 * A batch as the tensors one training or evaluation step reads. Every data path (the CPU
 * batch path, the device-resident and the streaming path) produces this shape, so a step
 * does not know where its rows came from.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset } from '../../data/types';
import type { TaskKind } from '../../graph/types';
import { makeTargets } from '../losses';

export interface DeviceBatch {
  /** Features, `[padded, ...featureShape]`, ready for the model. */
  x: tfjs.Tensor;
  /** Label per row (class index or value), `[padded]`; 0 in padded rows. */
  labels: tfjs.Tensor1D;
  /** One-hot (multiclass) or a `[padded, 1]` column of the labels. */
  targets: tfjs.Tensor2D;
  /** 1 for a real row, 0 for a padded one: the loss and metrics ignore padded rows. */
  mask: tfjs.Tensor1D;
  /** Real rows (the first `size` of the tensors). */
  size: number;
}

/** What a step needs to know to turn labels into targets. */
export interface TargetSpec {
  task: TaskKind;
  numClasses: number;
}

/** The row mask of a batch of `size` real rows padded to `padded`. */
export function rowMask(size: number, padded: number): Float32Array {
  const mask = new Float32Array(padded);
  mask.fill(1, 0, size);
  return mask;
}

/** Uploads a CPU batch (batches.ts) as the tensors of a step. */
export function uploadBatch(
  tf: typeof tfjs,
  batch: { x: Float32Array; y: Float32Array; size: number; padded?: number },
  ds: Pick<Dataset, 'featureShape'>,
  spec: TargetSpec,
): DeviceBatch {
  const padded = batch.padded ?? batch.size;
  return tf.tidy(() => {
    const labels = tf.tensor1d(batch.y);
    return {
      x: tf.tensor(batch.x, [padded, ...ds.featureShape]),
      labels,
      targets: makeTargets(tf, labels, spec.task, spec.numClasses),
      mask: tf.tensor1d(rowMask(batch.size, padded)),
      size: batch.size,
    };
  });
}

/** Disposes the tensors of a batch. */
export function disposeBatch(batch: DeviceBatch): void {
  batch.x.dispose();
  batch.labels.dispose();
  batch.targets.dispose();
  batch.mask.dispose();
}

/**
 * Backends that compile a program per tensor shape. On them the remainder, validation and
 * test batches are padded to the batch size, so that no program is compiled after epoch 1.
 * The CPU and WASM backends run the same kernels at any shape, so a padded row there is only
 * extra work: at the bench's 2,100 training and 450 validation rows and batch 128, padding
 * trains 3.6% more rows and validates 13.8% more.
 */
export const PADDING_BACKENDS: readonly string[] = ['webgl', 'webgpu'];

/** Whether evaluation (and validation) batches are padded on the active backend. */
export function padsBatches(tf: typeof tfjs): boolean {
  return PADDING_BACKENDS.includes(tf.getBackend());
}

/**
 * Whether training batches may be padded: a layer whose training-mode output depends on
 * the batch's statistics (BatchNormalization) would count the zero rows, so a model with
 * one trains its remainder batch at its own size (one more set of WebGL programs).
 */
function canPadTraining(model: tfjs.LayersModel): boolean {
  return !model.layers.some((l) => l.getClassName() === 'BatchNormalization');
}

/** Whether this run's training batches are padded: on a padding backend, when the model allows. */
export function padsTraining(tf: typeof tfjs, model: tfjs.LayersModel): boolean {
  return padsBatches(tf) && canPadTraining(model);
}
