/**
 * Layer penalties (the L1/L2 kernel regularizers of Dense and Conv2D) in the loss.
 *
 * TF.js's `model.fit` adds `model.calculateLosses()` to the loss inside its tape, as
 * Keras adds `model.losses`; the app's own loop calls `optimizer.minimize` with its own
 * closure, so it must add them itself. Keras also adds them to the loss it reports for
 * validation and `evaluate` (`compute_loss` includes `self.losses` in `test_step`), so the
 * app reports both losses with the penalty too: train and validation stay comparable.
 */
import type * as tfjs from '@tensorflow/tfjs';

/**
 * The data loss plus the model's layer penalties (λ1·Σ|W| + λ2·ΣW² per regularized kernel),
 * as Keras's training loss; the loss itself when no layer has a penalty. Call it inside
 * the gradient tape so the penalty's gradient reaches the kernels.
 */
export function withLayerPenalties(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  dataLoss: tfjs.Scalar,
): tfjs.Scalar {
  const penalties = model.calculateLosses();
  if (penalties.length === 0) return dataLoss;
  // The penalties are freed with the rest of the step's tape (trainStep's tidy).
  return tf.addN([dataLoss, ...penalties]);
}

/** The model's layer penalties at its current weights, as a number (0 without any). */
export async function layerPenaltyValue(tf: typeof tfjs, model: tfjs.LayersModel): Promise<number> {
  const penalties = model.calculateLosses();
  if (penalties.length === 0) return 0;
  const total = tf.addN(penalties);
  tf.dispose(penalties);
  try {
    return (await total.data())[0]!;
  } finally {
    total.dispose();
  }
}
