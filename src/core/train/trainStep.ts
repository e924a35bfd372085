/** One optimizer step of the training loop, on one batch. */
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset } from '../data/types';
import { clipByGlobalNorm } from './clipGradients';
import type { EvalSpec } from './evaluate';
import { batchLoss, makeTargets } from './losses';
import { withLayerPenalties } from './regularization';

export interface StepContext {
  ds: Dataset;
  spec: EvalSpec;
  units: number;
  classWeights: tfjs.Tensor1D | null;
  /** Clip the gradients to this global norm before the update; 0 = off. */
  clipNorm: number;
}

/**
 * One optimizer step: gradients, clipping by global norm when asked, the update (the same
 * ops as optimizer.minimize when clipping is off). Returns the batch loss and the batch's
 * metric sum (correct predictions, or summed absolute error for regression), read back in
 * one transfer.
 */
export async function trainStep(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  optimizer: tfjs.Optimizer,
  varList: tfjs.Variable[],
  batch: { x: Float32Array; y: Float32Array; size: number },
  ctx: StepContext,
): Promise<[number, number]> {
  const kept: tfjs.Tensor[] = [];
  try {
    const both = tf.tidy(() => {
      const x = tf.tensor(batch.x, [batch.size, ...ctx.ds.featureShape]);
      const labels = tf.tensor1d(batch.y);
      const targets = makeTargets(tf, labels, ctx.spec.task, ctx.spec.numClasses);
      const rowWeights = ctx.classWeights
        ? (tf.gather(ctx.classWeights, tf.cast(labels, 'int32')) as tfjs.Tensor1D)
        : null;
      let metric: tfjs.Tensor | null = null;
      const { value: cost, grads } = optimizer.computeGradients(() => {
        const outputs = model.apply(x, { training: true }) as tfjs.Tensor;
        // Kept out of the tape's cleanup so the metric needs no second forward pass.
        metric = tf.keep(batchMetricSum(tf, outputs, labels, targets, ctx));
        kept.push(metric);
        const data = batchLoss(tf, ctx.spec.loss, targets, outputs, rowWeights);
        return withLayerPenalties(tf, model, data);
      }, varList);
      if (!metric) throw new Error('The loss was computed without its metric.');
      const applied = ctx.clipNorm > 0 ? clipByGlobalNorm(tf, grads, ctx.clipNorm) : grads;
      // In varList order, as minimize passes them: optimizer slots are matched by position.
      optimizer.applyGradients(varList.map((v) => ({ name: v.name, tensor: applied[v.name]! })));
      return tf.stack([tf.reshape(cost, []), tf.reshape(metric, [])]);
    });
    try {
      const values = await both.data();
      return [values[0]!, values[1]!];
    } finally {
      both.dispose();
    }
  } finally {
    kept.forEach((t) => t.dispose());
  }
}

function batchMetricSum(
  tf: typeof tfjs,
  outputs: tfjs.Tensor,
  labels: tfjs.Tensor1D,
  targets: tfjs.Tensor2D,
  ctx: StepContext,
): tfjs.Scalar {
  return tf.tidy(() => {
    if (ctx.spec.task === 'regression') return tf.sum(tf.abs(tf.sub(outputs, targets)));
    const predicted =
      ctx.units === 1
        ? tf.reshape(tf.cast(tf.greaterEqual(outputs, 0.5), 'int32'), [-1])
        : tf.argMax(outputs, -1);
    return tf.sum(tf.cast(tf.equal(predicted, tf.cast(labels, 'int32')), 'float32'));
  });
}
