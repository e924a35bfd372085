/**
 * The tensor part of the per-layer statistics: on a fixed probe batch, a forward and
 * backward pass (no update) in one tidy, every number packed into one flat tensor and
 * read back once per epoch; summarize.ts turns it into histograms and RMS gradients.
 *
 * The probe rows go through in chunks of the training batch size, padded with masked rows
 * like validation batches, so the passes reuse the programs validation and training have
 * compiled. A pass at the probe's own 256 rows compiled a second set of WebGL programs
 * after epoch 1: 1.1 s of that epoch's end on SwiftShader (bench MLP, batch 128).
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset } from '../../data/types';
import { batchSlices, gatherBatch, type Batch } from '../batches';
import { rowMask } from '../dataPath/deviceBatch';
import type { EvalSpec } from '../evaluate';
import { batchLoss, makeTargets } from '../losses';
import { deriveSeed, makeRng, shuffleInPlace } from '../random';
import { summarizeProbe, type LayerLayout } from './summarize';
import { PROBE_ROWS, type LayerStatsEpoch } from './types';

// Its own stream: the probe rows do not move the split's or the batches' draws.
const PROBE_SALT = 11;

/** The probe batch and the layers it measures, fixed for a run. */
export interface LayerProbe {
  /** The probe rows in chunks of the batch size, each padded to it. */
  chunks: Batch[];
  /** Probe rows (real ones, over all chunks). */
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

/**
 * Dead units are counted for a layer's own ReLU only. A LeakyReLU layer (the dead-units
 * remedy) has no weights, so it is not measured, and it never outputs zero for a unit
 * whose inputs are not zero: units behind it never count as dead.
 */
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
  const probeRows = rows.subarray(0, Math.min(PROBE_ROWS, rows.length));
  const chunks = [...batchSlices(probeRows, spec.batchSize)].map((slice) =>
    gatherBatch(ds, slice, undefined, spec.batchSize),
  );
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
      activationSize: size(shape.slice(1)),
      params: l.trainableWeights.reduce((a, w) => a + size(w.shape), 0),
      units: shape[shape.length - 1] ?? 1,
      relu: isRelu(l),
    };
  });
  return {
    chunks,
    size: probeRows.length,
    featureShape: [...ds.featureShape],
    spec,
    layers,
    probeModel: tf.model({ inputs: model.inputs, outputs }),
    outputIndex,
    layouts,
  };
}

/** The statistics after `epoch`: passes over the probe's chunks, one read-back. */
export async function measureLayerStats(
  tf: typeof tfjs,
  probe: LayerProbe,
  epoch: number,
): Promise<LayerStatsEpoch> {
  const kept: tfjs.Tensor[] = [];
  try {
    const flat = tf.tidy(() => {
      const varList = probe.layers.flatMap((l) =>
        l.trainableWeights.map((w) => w.read() as tfjs.Variable),
      );
      // Per chunk, the gradient of its share of the probe's mean loss: summed, the gradient
      // of the mean over every probe row.
      const chunkGrads = probe.chunks.map((chunk) => {
        const x = tf.tensor(chunk.x, [chunk.padded, ...probe.featureShape]);
        const labels = tf.tensor1d(chunk.y);
        const targets = makeTargets(tf, labels, probe.spec.task, probe.spec.numClasses);
        const mask = tf.tensor1d(rowMask(chunk.size, chunk.padded));
        return tf.variableGrads(() => {
          const out = probe.probeModel.apply(x, { training: false }) as tfjs.Tensor | tfjs.Tensor[];
          const outs = Array.isArray(out) ? out : [out];
          // Kept out of the tape's cleanup: the activations need no second forward pass.
          kept.push(...outs.map((t) => tf.keep(t)));
          const mean = batchLoss(
            tf,
            probe.spec.loss,
            targets,
            outs[probe.outputIndex]!,
            mask,
            mask,
          );
          return tf.mul(mean, chunk.size / probe.size);
        }, varList).grads;
      });
      const gradOf = (w: tfjs.LayerVariable) => {
        const name = (w.read() as tfjs.Variable).name;
        return tf.addN(chunkGrads.map((g) => g[name]!));
      };
      const sumsOfSquares = probe.layers.map((l) =>
        tf.addN(l.trainableWeights.map((w) => tf.sum(tf.square(gradOf(w))))),
      );
      const outputsPerChunk = kept.length / probe.chunks.length;
      const parts = probe.layers.flatMap((l, i) => [
        tf.reshape(kernelOf(l).read(), [-1]),
        ...probe.chunks.map((_, c) => tf.reshape(kept[c * outputsPerChunk + i]!, [-1])),
      ]);
      return tf.concat([tf.stack(sumsOfSquares), ...parts]);
    });
    try {
      const values = (await flat.data()) as Float32Array;
      return summarizeProbe(values, probe.layouts, probe.chunks, epoch);
    } finally {
      flat.dispose();
    }
  } finally {
    kept.forEach((t) => t.dispose());
  }
}
