/**
 * CPU copies of a model's weights. TF.js does not survive a lost WebGL context (the
 * weights live in GPU textures), so the loop keeps a copy after every epoch and a run
 * can continue from it on another backend.
 */
import type * as tfjs from '@tensorflow/tfjs';

export interface Checkpoint {
  /** Epochs completed when the copy was taken (1-based count). */
  epoch: number;
  /** Global batch steps completed at that point. */
  step: number;
  weights: { name: string; shape: number[]; values: Float32Array }[];
}

/** Copies every weight (trainable and not) of the model to CPU memory. */
export function captureCheckpoint(
  model: tfjs.LayersModel,
  epoch: number,
  step: number,
): Checkpoint {
  const weights = model.weights.map((w) => {
    const value = w.read();
    return { name: w.name, shape: [...value.shape], values: Float32Array.from(value.dataSync()) };
  });
  return { epoch, step, weights };
}

/** Loads a checkpoint into a model built from the same graph. */
export function restoreCheckpoint(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  checkpoint: Checkpoint,
): void {
  if (checkpoint.weights.length !== model.weights.length) {
    throw new Error(
      `Checkpoint has ${checkpoint.weights.length} weights, the model ${model.weights.length}.`,
    );
  }
  const tensors = checkpoint.weights.map((w) => tf.tensor(w.values, w.shape));
  try {
    model.setWeights(tensors);
  } finally {
    tensors.forEach((t) => t.dispose());
  }
}
