/** Plain-JSON settings of an uploaded image dataset: decoding, scaling, augmentation. */

/** How images are decoded into pixels (changing these decodes again). */
export interface ImageDecodeOptions {
  /** Target size; 'auto' = the most common size, capped at 64×64 (32×32 without a real GPU). */
  size: 'auto' | { height: number; width: number };
  color: 'rgb' | 'grayscale';
  /** Crop the largest centred square before resizing (keeps the aspect ratio). */
  centerCrop: boolean;
}

/** Per-channel normalisation applied when a batch is made float. */
export type ImageScaling = 'unit' | 'imagenet';

/** On-the-fly augmentation per training batch; 0 turns a transform off. */
export interface AugmentationSpec {
  /** Probability of a horizontal flip, 0–1. */
  flipHorizontal: number;
  /** Probability of a vertical flip, 0–1. */
  flipVertical: number;
  /** Maximum rotation in degrees, either way (0–180). */
  rotation: number;
  /** Maximum shift as a fraction of width/height (0–0.5). */
  shift: number;
  /** Maximum zoom in or out as a fraction (0–0.5). */
  zoom: number;
  /** Maximum brightness change, added to [0,1] pixels (0–1). */
  brightness: number;
  /** Maximum contrast change as a fraction (0–1). */
  contrast: number;
}

export const NO_AUGMENTATION: AugmentationSpec = {
  flipHorizontal: 0,
  flipVertical: 0,
  rotation: 0,
  shift: 0,
  zoom: 0,
  brightness: 0,
  contrast: 0,
};

export const DEFAULT_DECODE: ImageDecodeOptions = { size: 'auto', color: 'rgb', centerCrop: false };

/** What the training worker applies when it makes image batches. */
export interface ImagePipeline {
  /** Per-channel mean and std of [0,1] pixels, or null for plain [0,1]. */
  normalize: { mean: number[]; std: number[] } | null;
  augmentation: AugmentationSpec | null;
}

export const IMAGENET_NORMALIZE = { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] };

/** Samples and reports the main thread shows for an image dataset. */
export interface ImageDatasetInfo {
  /** A few decoded samples per class, Uint8 pixels h×w×c. */
  samples: { classIndex: number; pixels: Uint8Array }[];
  height: number;
  width: number;
  channels: number;
  /** Files left out, with the reason (non-images, undecodable, outside class folders). */
  skipped: { path: string; reason: string }[];
  /** System/hidden files ignored silently. */
  ignored: number;
  predefinedSplit: boolean;
  /** The size chosen when decoding (auto picks it), and why. */
  sizeNote: string;
}
