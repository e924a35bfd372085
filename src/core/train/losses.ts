/**
 * Loss functions over model outputs and sparse labels. Labels stay one number per row
 * (class index or value) until a batch is made, where they become one-hot (multiclass)
 * or a column (binary, regression) matching the model's output.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { TaskKind } from '../graph/types';
import type { TrainingConfig } from './types';

interface LossEntry {
  label: string;
  /** Per-example loss of probabilities (sigmoid/softmax outputs), not logits. */
  perExample(tf: typeof tfjs, targets: tfjs.Tensor, outputs: tfjs.Tensor): tfjs.Tensor;
  /** The loss name in Keras's `compile`. */
  keras: string;
  /** PyTorch expression of the batch loss over `out` and `y` (and `class_weight`). */
  torch: string;
}

/**
 * The losses a run can train with, one entry each: the form's label, the TF.js loss, and
 * the spellings of the Keras and PyTorch exports. The name type, the settings' options
 * and zod enum and the exporters all read this table.
 */
export const LOSSES = {
  categoricalCrossentropy: {
    label: 'Categorical cross-entropy',
    perExample: (tf, t, o) => tf.metrics.categoricalCrossentropy(t, o),
    // The app's labels are class indices, so the sparse form is the same loss.
    keras: 'sparse_categorical_crossentropy',
    // The model ends in softmax (probabilities), as in Keras: log then NLL, clipped like Keras.
    torch: 'F.nll_loss(torch.log(out.clamp(1e-7, 1 - 1e-7)), y.long(), weight=class_weight)',
  },
  binaryCrossentropy: {
    label: 'Binary cross-entropy',
    perExample: (tf, t, o) => tf.metrics.binaryCrossentropy(t, o),
    keras: 'binary_crossentropy',
    torch: 'F.binary_cross_entropy(out.clamp(1e-7, 1 - 1e-7).reshape(-1), y.float())',
  },
  meanSquaredError: {
    label: 'Mean squared error',
    perExample: (tf, t, o) => tf.metrics.meanSquaredError(t, o),
    keras: 'mean_squared_error',
    torch: 'F.mse_loss(out.reshape(-1), y.float())',
  },
  meanAbsoluteError: {
    label: 'Mean absolute error',
    perExample: (tf, t, o) => tf.metrics.meanAbsoluteError(t, o),
    keras: 'mean_absolute_error',
    torch: 'F.l1_loss(out.reshape(-1), y.float())',
  },
} as const satisfies Record<string, LossEntry>;

export type LossName = keyof typeof LOSSES;

/** The loss a run uses: the override, or the task's natural loss for 'auto'. */
export function resolveLoss(task: TaskKind, loss: TrainingConfig['loss']): LossName {
  if (loss !== 'auto') return loss;
  switch (task) {
    case 'binary':
      return 'binaryCrossentropy';
    case 'multiclass':
      return 'categoricalCrossentropy';
    case 'regression':
      return 'meanSquaredError';
    default: {
      const never: never = task;
      throw new Error(`Unknown task ${String(never)}`);
    }
  }
}

/** Human message when a loss cannot train the task's output, else null. */
export function lossProblem(task: TaskKind, loss: LossName): string | null {
  if (
    task === 'regression' &&
    (loss === 'binaryCrossentropy' || loss === 'categoricalCrossentropy')
  ) {
    return `${loss} needs class labels, but this dataset is a regression task: use mean squared error.`;
  }
  if (task === 'binary' && loss === 'categoricalCrossentropy') {
    return 'Categorical cross-entropy needs one output per class; a binary task has one sigmoid output: use binary cross-entropy.';
  }
  if (task === 'multiclass' && loss === 'binaryCrossentropy') {
    return 'Binary cross-entropy is for two classes; this dataset has more: use categorical cross-entropy.';
  }
  return null;
}

/**
 * Keras-style balanced weights, n_samples / (n_classes × count), from the training
 * labels. A class absent from training gets weight 0 (no row of it is ever weighted).
 */
export function classWeightsFor(labels: Float32Array, numClasses: number): Float32Array {
  const counts = new Float32Array(numClasses);
  for (const label of labels) {
    const k = Math.round(label);
    if (k >= 0 && k < numClasses) counts[k]! += 1;
  }
  return counts.map((c) => (c > 0 ? labels.length / (numClasses * c) : 0));
}

/** The targets tensor for a batch: one-hot for multiclass, a [batch, 1] column otherwise. */
export function makeTargets(
  tf: typeof tfjs,
  labels: tfjs.Tensor1D,
  task: TaskKind,
  numClasses: number,
): tfjs.Tensor2D {
  return tf.tidy(() =>
    task === 'multiclass'
      ? tf.cast(tf.oneHot(tf.cast(labels, 'int32'), numClasses), 'float32')
      : tf.reshape(tf.cast(labels, 'float32'), [-1, 1]),
  ) as tfjs.Tensor2D;
}

/** Per-example loss, shape [batch]; the model outputs probabilities (sigmoid/softmax), not logits. */
export function perExampleLoss(
  tf: typeof tfjs,
  loss: LossName,
  targets: tfjs.Tensor,
  outputs: tfjs.Tensor,
): tfjs.Tensor1D {
  if (!Object.hasOwn(LOSSES, loss)) throw new Error(`Unknown loss ${String(loss)}`);
  return LOSSES[loss].perExample(tf, targets, outputs) as tfjs.Tensor1D;
}

/**
 * Mean loss over the batch; with class weights each row's loss is scaled by its class
 * weight and the sum divided by the batch size, as Keras does. With a row mask (padded
 * batches), `rowWeights` already carry it and the sum is divided by the real rows only.
 */
export function batchLoss(
  tf: typeof tfjs,
  loss: LossName,
  targets: tfjs.Tensor,
  outputs: tfjs.Tensor,
  rowWeights: tfjs.Tensor1D | null,
  mask?: tfjs.Tensor1D,
): tfjs.Scalar {
  return tf.tidy(() => {
    const perRow = perExampleLoss(tf, loss, targets, outputs);
    const weighted = rowWeights ? tf.mul(perRow, rowWeights) : perRow;
    return mask ? tf.div(tf.sum(weighted), tf.sum(mask)) : tf.mean(weighted);
  });
}
