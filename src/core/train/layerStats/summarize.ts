import { deadUnitFraction } from './deadUnits';
import { histogram } from './histogram';
import type { LayerStatsEpoch } from './types';

/** Where one layer's numbers sit in the probe's single read-back. */
export interface LayerLayout {
  layer: string;
  /** Values of the histogrammed weight (the kernel). */
  weightSize: number;
  /** Output values per probe row. */
  activationSize: number;
  /** Trainable parameters, the RMS gradient's denominator. */
  params: number;
  units: number;
  /** The layer's activation is ReLU: its dead units are counted. */
  relu: boolean;
}

/**
 * Turns the probe's read-back into an epoch's statistics. The layout of `values`: one
 * gradient sum of squares per layer, then per layer its weights and its activations chunk
 * by chunk, each chunk `padded` rows of which the first `size` are real.
 */
export function summarizeProbe(
  values: Float32Array,
  layouts: readonly LayerLayout[],
  chunks: readonly { size: number; padded: number }[],
  epoch: number,
): LayerStatsEpoch {
  let at = layouts.length;
  const take = (n: number) => values.subarray(at, (at += n));
  const realRows = chunks.reduce((a, c) => a + c.size, 0);
  const layers = layouts.map((l, i) => {
    const weights = take(l.weightSize);
    const activations = new Float32Array(realRows * l.activationSize);
    let filled = 0;
    for (const chunk of chunks) {
      const all = take(chunk.padded * l.activationSize);
      activations.set(all.subarray(0, chunk.size * l.activationSize), filled);
      filled += chunk.size * l.activationSize;
    }
    return {
      layer: l.layer,
      weights: histogram(weights),
      activations: histogram(activations),
      gradRms: l.params > 0 ? Math.sqrt(values[i]!) / Math.sqrt(l.params) : 0,
      ...(l.relu ? { deadFraction: deadUnitFraction(activations, l.units) } : {}),
      units: l.units,
    };
  });
  if (at !== values.length)
    throw new Error(`Probe read-back has ${values.length} values, expected ${at}.`);
  return { epoch, layers };
}
