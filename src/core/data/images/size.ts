/** Choosing the size images are resized to, and what that costs in memory. */
import type { ImageDecodeOptions } from './types';

export interface ImageSize {
  height: number;
  width: number;
}

/** The most common size among `sizes` (first seen wins ties), or null if none. */
export function mostCommonSize(sizes: readonly ImageSize[]): ImageSize | null {
  const counts = new Map<string, { size: ImageSize; count: number }>();
  let best: { size: ImageSize; count: number } | null = null;
  for (const size of sizes) {
    const key = `${size.width}x${size.height}`;
    const entry = counts.get(key) ?? { size, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
    if (!best || entry.count > best.count) best = entry;
  }
  return best ? { ...best.size } : null;
}

/** Scales a size down (keeping its aspect ratio) so neither side exceeds `cap`. */
export function capSize(size: ImageSize, cap: number): ImageSize {
  const longest = Math.max(size.height, size.width);
  if (longest <= cap) return { ...size };
  const f = cap / longest;
  return {
    height: Math.max(1, Math.round(size.height * f)),
    width: Math.max(1, Math.round(size.width * f)),
  };
}

/** The largest size 'auto' picks: 64×64 on a real GPU, 32×32 on a software renderer or none. */
export function autoSizeCap(realGpu: boolean): number {
  return realGpu ? 64 : 32;
}

/** The decoded size for the options, given the sizes seen in a sample of the images. */
export function chooseImageSize(
  options: ImageDecodeOptions,
  sampleSizes: readonly ImageSize[],
  realGpu: boolean,
): { size: ImageSize; note: string } {
  if (options.size !== 'auto') {
    return {
      size: { ...options.size },
      note: `${options.size.width}×${options.size.height} (chosen)`,
    };
  }
  const common = mostCommonSize(
    options.centerCrop
      ? sampleSizes.map((s) => ({
          height: Math.min(s.height, s.width),
          width: Math.min(s.height, s.width),
        }))
      : sampleSizes,
  ) ?? { height: 32, width: 32 };
  const cap = autoSizeCap(realGpu);
  const size = capSize(common, cap);
  const capped = size.height !== common.height || size.width !== common.width;
  const note = capped
    ? `${size.width}×${size.height} (most common size ${common.width}×${common.height}, capped at ${cap}×${cap}${realGpu ? '' : ' without a real GPU'})`
    : `${size.width}×${size.height} (most common size)`;
  return { size, note };
}

/** Bytes the decoded pixels take (Uint8 per channel). */
export function imageMemoryBytes(count: number, size: ImageSize, channels: number): number {
  return count * size.height * size.width * channels;
}
