import { deadUnitFraction } from './deadUnits';
import { histogram } from './histogram';
import type { LayerStatsEpoch } from './types';

/** Where one layer's numbers sit in the probe's single read-back. */
export interface LayerLayout {
  layer: string;
  /** Values of the histogrammed weight (the kernel). */
  weightSize: number;
  /** Output values over the probe batch. */
  activationSize: number;
  /** Trainable parameters, the RMS gradient's denominator. */
  params: number;
  units: number;
  /** The layer's activation is ReLU: its dead units are counted. */
  relu: boolean;
}

/**
 * Turns the probe's read-back into an epoch's statistics. The layout of `values`: one
 * gradient sum of squares per layer, then per layer its weights and its activations.
 */
export function summarizeProbe(
  values: Float32Array,
  layouts: readonly LayerLayout[],
  epoch: number,
): LayerStatsEpoch {
  let at = layouts.length;
  const take = (n: number) => values.subarray(at, (at += n));
  const layers = layouts.map((l, i) => {
    const weights = take(l.weightSize);
    const activations = take(l.activationSize);
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
