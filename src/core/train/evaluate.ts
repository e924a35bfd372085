/**
 * Inference-mode passes over a split: validation each epoch, the final test evaluation,
 * and the decision-boundary grid of 2-D datasets.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { TaskKind } from '../graph/types';
import type { Dataset } from '../data/types';
import { cpuSource, type DataSource } from './dataPath/source';
import { disposeBatch, padsBatches, type DeviceBatch } from './dataPath/deviceBatch';
import { perExampleLoss } from './losses';
import { layerPenaltyValue } from './regularization';
import {
  accuracy,
  confusionMatrix,
  meanAbsoluteError,
  predictedClasses,
  rootMeanSquaredError,
} from './metrics';
import type { Evaluation, LossName } from './types';

export interface EvalSpec {
  task: TaskKind;
  loss: LossName;
  numClasses: number;
  batchSize: number;
}

/** Model outputs for some rows, read back to the CPU, with their mean loss. */
export interface Predictions {
  /**
   * Mean per-row loss (unweighted) plus the layer penalties, as Keras's val_loss and
   * `evaluate` (see regularization.ts); NaN for no rows.
   */
  loss: number;
  /** Row-major outputs, `units` values per row. */
  outputs: Float32Array;
  units: number;
  labels: Float32Array;
}

/** How predictRows makes its batches. */
export interface PredictOptions {
  /** The run's data path (default: the CPU's). */
  source?: DataSource;
  /** Pad every batch to the batch size (default: on backends that compile per shape). */
  pad?: boolean;
}

/**
 * Runs the model in inference mode over the rows, batch by batch, and reads every output
 * and loss back in one transfer at the end. On WebGL and WebGPU each batch is padded to the
 * batch size, so it reuses the training batches' programs (deviceBatch.ts padsBatches).
 */
export async function predictRows(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  ds: Dataset,
  rows: Int32Array,
  spec: EvalSpec,
  { source = cpuSource(tf, ds, spec), pad = padsBatches(tf) }: PredictOptions = {},
): Promise<Predictions> {
  const units = outputUnits(model);
  const outputs = new Float32Array(rows.length * units);
  const labels = Float32Array.from(rows, (r) => ds.y[r]!);
  const pending: tfjs.Tensor[] = [];
  // Each batch's rows: `size` real ones in `padded` rows.
  const parts: { size: number; padded: number }[] = [];
  let lossSum = 0;
  try {
    for (const batch of source.batches(rows, { pad })) {
      parts.push({ size: batch.size, padded: batch.x.shape[0] });
      pending.push(predictBatch(tf, model, batch, spec));
    }
    if (pending.length > 0) {
      const all = tf.concat(pending);
      let values: Float32Array;
      try {
        values = (await all.data()) as Float32Array;
      } finally {
        all.dispose();
      }
      // Each batch's part: `padded × units` outputs, then its loss sum.
      let offset = 0;
      let row = 0;
      for (const { size, padded } of parts) {
        outputs.set(values.subarray(offset, offset + size * units), row * units);
        offset += padded * units;
        lossSum += values[offset]!;
        offset += 1;
        row += size;
      }
    }
  } finally {
    pending.forEach((t) => t.dispose());
  }
  if (spec.task === 'regression' && ds.targetScale) {
    toOriginalUnits(outputs, ds.targetScale);
    toOriginalUnits(labels, ds.targetScale);
  }
  const penalty = rows.length > 0 ? await layerPenaltyValue(tf, model) : 0;
  return {
    loss: rows.length > 0 ? lossSum / rows.length + penalty : NaN,
    outputs,
    units,
    labels,
  };
}

/**
 * The outputs of one batch, flat, followed by the summed loss of its real rows: one tensor,
 * so a pass reads everything back at once. Disposes the batch.
 */
function predictBatch(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  batch: DeviceBatch,
  spec: EvalSpec,
): tfjs.Tensor1D {
  try {
    return tf.tidy(() => {
      const y = model.apply(batch.x, { training: false }) as tfjs.Tensor;
      const loss = tf.sum(tf.mul(perExampleLoss(tf, spec.loss, batch.targets, y), batch.mask));
      return tf.concat([tf.reshape(y, [-1]), tf.reshape(loss, [1])]);
    });
  } finally {
    disposeBatch(batch);
  }
}

/**
 * Undoes target standardization in place (value × std + mean), so MAE and RMSE are
 * reported in the target's own units. The loss stays the model's (standardized) loss.
 */
export function toOriginalUnits(values: Float32Array, scale: { mean: number; std: number }): void {
  for (let i = 0; i < values.length; i++) values[i] = values[i]! * scale.std + scale.mean;
}

/** Accuracy for classification, MAE otherwise, from predictions. */
export function headlineMetric(
  p: Predictions,
  task: TaskKind,
): { accuracy?: number; mae?: number } {
  if (task === 'regression') return { mae: meanAbsoluteError(firstColumn(p), p.labels) };
  return { accuracy: accuracy(predictedClasses(p.outputs, p.units), p.labels) };
}

/** The Evaluation record of predictions: loss with accuracy and confusion, or MAE and RMSE. */
export function evaluationFrom(p: Predictions, spec: EvalSpec): Evaluation {
  if (spec.task === 'regression') {
    const predicted = firstColumn(p);
    return {
      loss: p.loss,
      mae: meanAbsoluteError(predicted, p.labels),
      rmse: rootMeanSquaredError(predicted, p.labels),
    };
  }
  const predicted = predictedClasses(p.outputs, p.units);
  return {
    loss: p.loss,
    accuracy: accuracy(predicted, p.labels),
    confusion: confusionMatrix(predicted, p.labels, Math.max(spec.numClasses, 2)),
  };
}

/** Final evaluation on held-out rows (the test split). */
export async function evaluateModel(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  ds: Dataset,
  rows: Int32Array,
  spec: EvalSpec,
): Promise<Evaluation> {
  return evaluationFrom(await predictRows(tf, model, ds, rows, spec), spec);
}

/** Number of values the model outputs per row (last dimension of its output). */
export function outputUnits(model: tfjs.LayersModel): number {
  const shape = model.outputs[0]?.shape ?? [];
  return shape.slice(1).reduce<number>((a, b) => a * (b ?? 1), 1);
}

function firstColumn(p: Predictions): Float32Array {
  if (p.units === 1) return p.outputs;
  return Float32Array.from({ length: p.labels.length }, (_, i) => p.outputs[i * p.units]!);
}

export interface GridBounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Decision-boundary grid of a 2-D set: class-1 probability (or argmax) per cell, row-major from yMin up. */
export interface DecisionGrid extends GridBounds {
  size: number;
  values: number[];
}

export const MAX_GRID_SIZE = 50;

/** Bounds around a 2-D point set with a 10 % margin. */
export function gridBounds(ds: Dataset): GridBounds {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < ds.n; i++) {
    const px = ds.x[2 * i]! * ds.xScale;
    const py = ds.x[2 * i + 1]! * ds.xScale;
    xMin = Math.min(xMin, px);
    xMax = Math.max(xMax, px);
    yMin = Math.min(yMin, py);
    yMax = Math.max(yMax, py);
  }
  if (!(xMax > xMin)) [xMin, xMax] = [-1, 1];
  if (!(yMax > yMin)) [yMin, yMax] = [-1, 1];
  const mx = (xMax - xMin) * 0.1;
  const my = (yMax - yMin) * 0.1;
  return { xMin: xMin - mx, xMax: xMax + mx, yMin: yMin - my, yMax: yMax + my };
}

/**
 * The model's output over a size × size grid of cell centres, row-major from yMin
 * upward: the class-1 probability for one sigmoid unit, the argmax class for several
 * outputs. One batch of at most 2,500 points, so it is cheap to repeat during training;
 * the model runs when this is called, and the values are read back without blocking.
 */
export async function predictGrid(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  bounds: GridBounds,
  size: number,
): Promise<DecisionGrid> {
  if (!Number.isInteger(size) || size < 2 || size > MAX_GRID_SIZE) {
    throw new RangeError(`Grid size must be a whole number from 2 to ${MAX_GRID_SIZE}.`);
  }
  const points = new Float32Array(size * size * 2);
  const dx = (bounds.xMax - bounds.xMin) / size;
  const dy = (bounds.yMax - bounds.yMin) / size;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      points[2 * (r * size + c)] = bounds.xMin + (c + 0.5) * dx;
      points[2 * (r * size + c) + 1] = bounds.yMin + (r + 0.5) * dy;
    }
  }
  const units = outputUnits(model);
  const out = tf.tidy(() => {
    const y = model.apply(tf.tensor2d(points, [size * size, 2]), {
      training: false,
    }) as tfjs.Tensor;
    return units === 1 ? tf.reshape(y, [-1]) : tf.argMax(y, -1);
  });
  try {
    return { ...bounds, size, values: Array.from(await out.data()) };
  } finally {
    out.dispose();
  }
}
