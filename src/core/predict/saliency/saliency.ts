/**
 * Saliency maps: the gradient of one class's logit with respect to the input, plain
 * ("vanilla", Simonyan et al. 2013) or SmoothGrad (Smilkov et al. 2017: the mean gradient
 * over noisy copies of the input), shown as a heat map of |gradient|, max over channels,
 * clipped at its 99th percentile. The model must output logits (logitModel.ts).
 */
import type * as tfjs from '@tensorflow/tfjs';
import { makeRng, normal } from '../../train/random';

export type SaliencyMethod = 'vanilla' | 'smoothgrad';

/** The methods with the label the UI shows. */
export const SALIENCY_METHODS: readonly { method: SaliencyMethod; label: string }[] = [
  { method: 'vanilla', label: 'Gradient' },
  { method: 'smoothgrad', label: 'SmoothGrad' },
];

/** SmoothGrad's settings (the issue's: 25 samples, σ = 0.15 × the input's range). */
export const SMOOTHGRAD = { samples: 25, noiseFraction: 0.15 } as const;

/**
 * The score to differentiate: one output unit's logit, negated for class 0 of a single
 * sigmoid unit (whose logit z is class 1's log-odds, so class 0's is −z).
 */
export function logitScore(units: number, classIndex: number): { unit: number; sign: 1 | -1 } {
  if (units === 1) return { unit: 0, sign: classIndex === 0 ? -1 : 1 };
  if (!(classIndex >= 0 && classIndex < units)) {
    throw new RangeError(`Class ${classIndex} of a model with ${units} outputs`);
  }
  return { unit: classIndex, sign: 1 };
}

/**
 * The gradient of the score with respect to one input `x` (shape `featureShape`, no batch
 * axis), in the input's layout. SmoothGrad draws its noise from `seed`.
 */
export async function saliencyGradient(
  tf: typeof tfjs,
  logits: tfjs.LayersModel,
  x: Float32Array,
  featureShape: readonly number[],
  classIndex: number,
  method: SaliencyMethod,
  seed = 0,
): Promise<Float32Array> {
  const units = logits.outputs[0]!.shape.at(-1) ?? 1;
  const { unit, sign } = logitScore(units, classIndex);
  const batch = method === 'vanilla' ? x : noisyCopies(x, SMOOTHGRAD.samples, seed);
  const n = batch.length / x.length;
  const mean = tf.tidy(() => {
    const inputs = tf.tensor(batch, [n, ...featureShape]);
    // Each copy's score depends on its own row only (inference mode), so the gradient of
    // the sum holds every copy's own gradient.
    const score = (input: tfjs.Tensor) => {
      const out = logits.apply(input, { training: false }) as tfjs.Tensor2D;
      return tf.mul(tf.sum(tf.slice(out, [0, unit], [-1, 1])), sign);
    };
    return tf.mean(tf.grad(score)(inputs), 0);
  });
  try {
    return new Float32Array(await mean.data());
  } finally {
    mean.dispose();
  }
}

/** `samples` copies of x with Gaussian noise of σ = 0.15 × (max − min of x), one after another. */
export function noisyCopies(x: Float32Array, samples: number, seed: number): Float32Array {
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const sigma = SMOOTHGRAD.noiseFraction * (max - min);
  const rng = makeRng(seed);
  const out = new Float32Array(x.length * samples);
  for (let s = 0; s < samples; s++) {
    for (let j = 0; j < x.length; j++) out[s * x.length + j] = x[j]! + sigma * normal(rng);
  }
  return out;
}

/** The q-th percentile (0–100) with linear interpolation between ranks, as numpy's default. */
export function percentile(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return NaN;
  const rank = (q / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (rank - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The heat map of a gradient of an h × w × c input: |gradient|, max over channels,
 * clipped at its 99th percentile and scaled to [0, 1] (row-major h × w).
 */
export function saliencyHeatMap(
  gradient: Float32Array,
  height: number,
  width: number,
  channels: number,
): Float32Array {
  if (gradient.length !== height * width * channels) {
    throw new RangeError(
      `A gradient of ${gradient.length} values for ${height}×${width}×${channels}`,
    );
  }
  const map = new Float32Array(height * width);
  let max = 0;
  for (let p = 0; p < map.length; p++) {
    let m = 0;
    for (let c = 0; c < channels; c++) m = Math.max(m, Math.abs(gradient[p * channels + c]!));
    map[p] = m;
    max = Math.max(max, m);
  }
  // A map with fewer than 1% non-zero pixels has a 99th percentile of 0: scale by its max.
  const top = percentile(map, 99) || max;
  if (!(top > 0)) return map;
  return map.map((v) => Math.min(v, top) / top);
}
