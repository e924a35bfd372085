/**
 * CPU copies of a training run's state. TF.js does not survive a lost WebGL context (the
 * weights live in GPU textures), so the loop keeps a copy after every epoch and a run
 * can continue from it on another backend, or later from a stored run.
 *
 * A checkpoint is the model's weights, the optimizer's state and the position (epoch,
 * step). Nothing else is needed to continue bit for bit: every random stream of a run
 * is a function of (seed, epoch, step), not a generator advanced by earlier calls —
 * batch order and image augmentation are seeded per epoch (batches.ts), dropout masks
 * per layer and global step (tfjsWorkarounds.ts setDropoutSeeds) — and checkpoints are
 * taken at epoch boundaries, so epoch and step restore every stream. The learning-rate
 * schedule is a function of the step too, except reduce-on-plateau, whose state is kept
 * with early stopping's in `loop`.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { LoopState } from './loopState';
import { privateOptimizerState } from './tfjsWorkarounds';

/** One tensor's values, copied to CPU memory. */
export interface StoredTensor {
  name: string;
  shape: number[];
  values: Float32Array;
}

export interface Checkpoint {
  /** Epochs completed when the copy was taken (1-based count). */
  epoch: number;
  /** Global batch steps completed at that point. */
  step: number;
  /** Every weight of the model (trainable and not), in `model.weights` order. */
  weights: StoredTensor[];
  /**
   * The optimizer's `getWeights()`: its iteration count ('iter') first, then its slots
   * (e.g. Adam's first moments, then its second moments). Empty: the optimizer restarts.
   */
  optimizer: StoredTensor[];
  /** Optimizer state TF.js's setWeights cannot restore exactly (Adam's accBeta1/accBeta2). */
  optimizerPrivate: StoredTensor[];
  /**
   * Reduce-on-plateau's and early stopping's state after this epoch; absent in
   * checkpoints taken before they existed (a run continued from one starts them afresh).
   */
  loop?: LoopState;
}

/** Copies the model's weights and the optimizer's state to CPU memory, in one read-back. */
export async function captureCheckpoint(
  model: tfjs.LayersModel,
  optimizer: tfjs.Optimizer,
  epoch: number,
  step: number,
  loop?: LoopState,
): Promise<Checkpoint> {
  const optimizerWeights = await optimizer.getWeights();
  // getWeights returns the optimizer's live slot variables plus a new 'iter' scalar
  // (Optimizer.saveIterations): only that scalar is ours to dispose.
  const created = optimizerWeights.filter((w) => w.name === 'iter').map((w) => w.tensor);
  try {
    const groups = [
      model.weights.map((w) => ({ name: w.name, tensor: w.read() })),
      optimizerWeights,
      privateOptimizerState(optimizer).map((s) => ({ name: s.name, tensor: s.variable })),
    ];
    const values = await Promise.all(groups.flat().map((t) => t.tensor.data()));
    let next = 0;
    const [weights, optimizerState, optimizerPrivate] = groups.map((group) =>
      group.map((t) => ({
        name: t.name,
        shape: [...t.tensor.shape],
        values: new Float32Array(values[next++]!),
      })),
    );
    return {
      epoch,
      step,
      weights: weights!,
      optimizer: optimizerState!,
      optimizerPrivate: optimizerPrivate!,
      ...(loop ? { loop } : {}),
    };
  } finally {
    created.forEach((t) => t.dispose());
  }
}

/**
 * Loads a checkpoint's weights into a model built from the same graph. Enough to predict
 * or export; to train on, use restoreCheckpoint.
 */
export function restoreWeights(
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

/**
 * Loads weights and optimizer state, so training goes on exactly as the run that took
 * the checkpoint did. The optimizer must be fresh (no step yet) and minimize over the
 * model's trainable weights in `model.trainableWeights` order: TF.js matches its slots
 * to variables by position, and creates them only for variables that have none.
 */
export async function restoreCheckpoint(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  optimizer: tfjs.Optimizer,
  checkpoint: Checkpoint,
): Promise<void> {
  if (optimizer.iterations !== 0) {
    throw new Error('restoreCheckpoint needs a fresh optimizer: this one has stepped.');
  }
  restoreWeights(tf, model, checkpoint);
  if (checkpoint.optimizer.length === 0) return;
  const tensors = checkpoint.optimizer.map((w) => ({
    name: w.name,
    tensor: tf.tensor(w.values, w.shape),
  }));
  try {
    // setWeights makes its variables share the tensors' data, so ours can go.
    await optimizer.setWeights(tensors);
  } finally {
    tensors.forEach((t) => t.tensor.dispose());
  }
  const stored = new Map(checkpoint.optimizerPrivate.map((s) => [s.name, s]));
  for (const { name, variable } of privateOptimizerState(optimizer)) {
    const saved = stored.get(name);
    if (!saved) throw new Error(`The checkpoint lacks the optimizer's ${name}.`);
    tf.tidy(() => variable.assign(tf.tensor(saved.values, saved.shape, variable.dtype)));
  }
}
