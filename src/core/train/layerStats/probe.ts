/**
 * The tensor part of the per-layer statistics: on a fixed probe batch, one forward and
 * backward pass (no update) in one tidy, every number packed into one flat tensor and
 * read back once per epoch; summarize.ts turns it into histograms and RMS gradients.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset } from '../../data/types';
import { gatherBatch } from '../batches';
import type { EvalSpec } from '../evaluate';
import { batchLoss, makeTargets } from '../losses';
import { deriveSeed, makeRng, shuffleInPlace } from '../random';
import { summarizeProbe, type LayerLayout } from './summarize';
import { PROBE_ROWS, type LayerStatsEpoch } from './types';

// Its own stream: the probe rows do not move the split's or the batches' draws.
const PROBE_SALT = 11;

/** The probe batch and the layers it measures, fixed for a run. */
export interface LayerProbe {
  x: Float32Array;
  y: Float32Array;
  size: number;
  featureShape: number[];
  spec: EvalSpec;
  layers: tfjs.layers.Layer[];
  probeModel: tfjs.LayersModel;
  /** Index of the model's output among probeModel's outputs. */
  outputIndex: number;
  layouts: LayerLayout[];
}

const size = (shape: readonly (number | null)[]): number =>
  shape.reduce<number>((a, d) => a * (d ?? 1), 1);

function kernelOf(layer: tfjs.layers.Layer): tfjs.LayerVariable {
  return layer.trainableWeights.find((w) => /kernel/.test(w.name)) ?? layer.trainableWeights[0]!;
}

function isRelu(layer: tfjs.layers.Layer): boolean {
  return (layer.getConfig() as { activation?: unknown }).activation === 'relu';
}

/** Draws up to 256 training rows with the run's seed and prepares the layers to measure. */
export function createLayerProbe(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  ds: Dataset,
  trainRows: Int32Array,
  seed: number,
  spec: EvalSpec,
): LayerProbe {
  const rows = shuffleInPlace(trainRows.slice(), makeRng(deriveSeed(seed, PROBE_SALT)));
  const batch = gatherBatch(ds, rows.subarray(0, Math.min(PROBE_ROWS, rows.length)));
  const layers = model.layers.filter((l) => l.trainableWeights.length > 0);
  const outputs = layers.map((l) => l.output as tfjs.SymbolicTensor);
  const modelOutput = model.outputs[0]!;
  let outputIndex = outputs.indexOf(modelOutput);
  if (outputIndex < 0) outputIndex = outputs.push(modelOutput) - 1;
  const layouts = layers.map((l) => {
    const shape = (l.output as tfjs.SymbolicTensor).shape;
    return {
      layer: l.name,
      weightSize: size(kernelOf(l).shape),
      activationSize: batch.size * size(shape.slice(1)),
      params: l.trainableWeights.reduce((a, w) => a + size(w.shape), 0),
      units: shape[shape.length - 1] ?? 1,
      relu: isRelu(l),
    };
  });
  return {
    x: batch.x,
    y: batch.y,
    size: batch.size,
    featureShape: [...ds.featureShape],
    spec,
    layers,
    probeModel: tf.model({ inputs: model.inputs, outputs }),
    outputIndex,
    layouts,
  };
}

/** The statistics after `epoch`: one pass over the probe batch, one read-back. */
export async function measureLayerStats(
  tf: typeof tfjs,
  probe: LayerProbe,
  epoch: number,
): Promise<LayerStatsEpoch> {
  const kept: tfjs.Tensor[] = [];
  try {
    const flat = tf.tidy(() => {
      const x = tf.tensor(probe.x, [probe.size, ...probe.featureShape]);
      const targets = makeTargets(tf, tf.tensor1d(probe.y), probe.spec.task, probe.spec.numClasses);
      const varList = probe.layers.flatMap((l) =>
        l.trainableWeights.map((w) => w.read() as tfjs.Variable),
      );
      const { grads } = tf.variableGrads(() => {
        const out = probe.probeModel.apply(x, { training: false }) as tfjs.Tensor | tfjs.Tensor[];
        const outs = Array.isArray(out) ? out : [out];
        // Kept out of the tape's cleanup: the activations need no second forward pass.
        kept.push(...outs.map((t) => tf.keep(t)));
        return batchLoss(tf, probe.spec.loss, targets, outs[probe.outputIndex]!, null);
      }, varList);
      const sumsOfSquares = probe.layers.map((l) =>
        tf.addN(
          l.trainableWeights.map((w) =>
            tf.sum(tf.square(grads[(w.read() as tfjs.Variable).name]!)),
          ),
        ),
      );
      const parts = probe.layers.flatMap((l, i) => [
        tf.reshape(kernelOf(l).read(), [-1]),
        tf.reshape(kept[i]!, [-1]),
      ]);
      return tf.concat([tf.stack(sumsOfSquares), ...parts]);
    });
    try {
      return summarizeProbe((await flat.data()) as Float32Array, probe.layouts, epoch);
    } finally {
      flat.dispose();
    }
  } finally {
    kept.forEach((t) => t.dispose());
  }
}
