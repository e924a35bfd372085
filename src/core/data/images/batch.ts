/**
 * The image part of making a batch: seeded augmentation (training batches only), then
 * per-channel normalisation. Called from core/train/batches on [0,1] float pixels.
 */
import type { Rng } from '../../train/random';
import type { ImagePipeline } from './types';
import { augmentBatchInPlace, isAugmenting } from './augment';

/** Applies augmentation (when `rng` is given) and normalisation to a batch in place. */
export function finishImageBatch(
  x: Float32Array,
  count: number,
  featureShape: readonly number[],
  pipeline: ImagePipeline,
  rng: Rng | null,
): void {
  const [height = 1, width = 1, channels = 1] = featureShape;
  const shape = { height, width, channels };
  if (rng && isAugmenting(pipeline.augmentation)) {
    augmentBatchInPlace(x, count, shape, pipeline.augmentation, rng);
  }
  const norm = pipeline.normalize;
  if (!norm) return;
  // Grayscale images take the mean of the per-channel statistics.
  const mean = channels === 1 ? [average(norm.mean)] : norm.mean;
  const std = channels === 1 ? [average(norm.std)] : norm.std;
  for (let i = 0; i < x.length; i++) {
    const k = i % channels;
    x[i] = (x[i]! - (mean[k] ?? 0)) / (std[k] || 1);
  }
}

function average(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
