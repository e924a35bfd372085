/** One optimizer step of the training loop, on one batch. */
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset } from '../data/types';
import { clipByGlobalNorm } from './clipGradients';
import { disposeBatch, uploadBatch, type DeviceBatch } from './dataPath/deviceBatch';
import type { EvalSpec } from './evaluate';
import { batchLoss } from './losses';
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
 * ops as optimizer.minimize when clipping is off). Returns, on the device and not read
 * back, `[loss, metric sum]`: the batch loss over its real rows and their metric sum
 * (correct predictions, or summed absolute error for regression). Padded rows add nothing.
 */
export function stepOnDevice(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  optimizer: tfjs.Optimizer,
  varList: tfjs.Variable[],
  batch: DeviceBatch,
  ctx: StepContext,
): tfjs.Tensor1D {
  const kept: tfjs.Tensor[] = [];
  try {
    return tf.tidy(() => {
      const { x, labels, targets } = batch;
      // A batch without padded rows skips the mask's ops (most batches of a run).
      const mask = batch.size < x.shape[0] ? batch.mask : null;
      const classWeights = ctx.classWeights
        ? tf.gather(ctx.classWeights, tf.cast(labels, 'int32'))
        : null;
      const rowWeights = classWeights && mask ? tf.mul(classWeights, mask) : (classWeights ?? mask);
      let metric: tfjs.Tensor | null = null;
      const { value: cost, grads } = optimizer.computeGradients(() => {
        const outputs = model.apply(x, { training: true }) as tfjs.Tensor;
        // Kept out of the tape's cleanup so the metric needs no second forward pass.
        metric = tf.keep(batchMetricSum(tf, outputs, batch, ctx, mask));
        kept.push(metric);
        const data = batchLoss(
          tf,
          ctx.spec.loss,
          targets,
          outputs,
          rowWeights as tfjs.Tensor1D | null,
          mask ?? undefined,
        );
        return withLayerPenalties(tf, model, data);
      }, varList);
      if (!metric) throw new Error('The loss was computed without its metric.');
      const applied = ctx.clipNorm > 0 ? clipByGlobalNorm(tf, grads, ctx.clipNorm) : grads;
      // In varList order, as minimize passes them: optimizer slots are matched by position.
      optimizer.applyGradients(varList.map((v) => ({ name: v.name, tensor: applied[v.name]! })));
      return tf.stack([tf.reshape(cost, []), tf.reshape(metric, [])]) as tfjs.Tensor1D;
    });
  } finally {
    kept.forEach((t) => t.dispose());
  }
}

/** One optimizer step on a batch of tensors, which it disposes, read back: `[loss, metric sum]`. */
export async function stepAndRead(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  optimizer: tfjs.Optimizer,
  varList: tfjs.Variable[],
  batch: DeviceBatch,
  ctx: StepContext,
): Promise<[number, number]> {
  let both: tfjs.Tensor1D;
  try {
    both = stepOnDevice(tf, model, optimizer, varList, batch, ctx);
  } finally {
    disposeBatch(batch);
  }
  try {
    const values = await both.data();
    return [values[0]!, values[1]!];
  } finally {
    both.dispose();
  }
}

/** One optimizer step on a CPU batch (padded or not), read back as stepAndRead does. */
export function trainStep(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  optimizer: tfjs.Optimizer,
  varList: tfjs.Variable[],
  batch: { x: Float32Array; y: Float32Array; size: number; padded?: number },
  ctx: StepContext,
): Promise<[number, number]> {
  return stepAndRead(tf, model, optimizer, varList, uploadBatch(tf, batch, ctx.ds, ctx.spec), ctx);
}

function batchMetricSum(
  tf: typeof tfjs,
  outputs: tfjs.Tensor,
  batch: DeviceBatch,
  ctx: StepContext,
  mask: tfjs.Tensor1D | null,
): tfjs.Scalar {
  const { labels, targets } = batch;
  const real = (perRow: tfjs.Tensor) => tf.sum<tfjs.Scalar>(mask ? tf.mul(perRow, mask) : perRow);
  return tf.tidy(() => {
    if (ctx.spec.task === 'regression') return real(tf.sum(tf.abs(tf.sub(outputs, targets)), -1));
    const predicted =
      ctx.units === 1
        ? tf.reshape(tf.cast(tf.greaterEqual(outputs, 0.5), 'int32'), [-1])
        : tf.argMax(outputs, -1);
    return real(tf.cast(tf.equal(predicted, tf.cast(labels, 'int32')), 'float32'));
  });
}
