import type { TaskKind } from '../graph/types';
import type {
  ImageDatasetInfo,
  ImageDecodeOptions,
  ImagePipeline,
  ImageScaling,
  AugmentationSpec,
} from './images/types';
import type { CsvDatasetReport } from './csv/types';
import type { PipelineSpec } from './pipeline/spec';
import type { DataFingerprint } from '../runs/fingerprint';
import type { ImageChoiceFingerprint } from './images/reupload';
import type { SyntheticId } from './synthetic';

/** The built-in synthetic 2-D point sets, generated in code from a seed (synthetic.ts). */
export type { SyntheticId };
/** Real datasets shipped under public/datasets. */
export type BundledId = 'wine' | 'fashion-mnist';

/** Which dataset the workspace uses: plain JSON, persisted and put in run records. */
export type DatasetChoice =
  | { kind: 'synthetic'; id: SyntheticId; size: number; noise: number }
  /**
   * `limit`: use a seeded, stratified sample of at most this many rows (quick experiments).
   * `augmentation`: image sets only, applied to training batches (the image template sets it).
   */
  | { kind: 'bundled'; id: BundledId; limit?: number; augmentation?: AugmentationSpec }
  /** An uploaded image folder or zip; the files live in the worker under `uploadId`. */
  | {
      kind: 'upload';
      format: 'images';
      uploadId: string;
      name: string;
      decode: ImageDecodeOptions;
      scaling: ImageScaling;
      augmentation: AugmentationSpec;
      /** The files' fingerprint once loaded: a folder uploaded again after a reload must match it. */
      fingerprint?: ImageChoiceFingerprint;
    }
  /**
   * An uploaded CSV: `uploadId` is the file's fingerprint (the worker keeps the parsed
   * table; files up to 200 MB are also stored in IndexedDB), `spec` the pipeline.
   */
  | {
      kind: 'upload';
      format: 'csv';
      uploadId: string;
      name: string;
      size: number;
      hasHeader: boolean;
      spec: PipelineSpec;
      /** A separate test file (same columns): its rows are the test split. */
      test?: { uploadId: string; name: string; size: number };
    };

/** The choice of an uploaded CSV. */
export type CsvDatasetChoice = Extract<DatasetChoice, { kind: 'upload'; format: 'csv' }>;

/**
 * A dataset in memory, owned by the training worker. Features are row-major:
 * row i occupies x[i*featureSize .. (i+1)*featureSize).
 */
export interface Dataset {
  name: string;
  kind: 'points2d' | 'tabular' | 'image';
  task: TaskKind;
  /** Shape of one example, without batch dimension: [2], [13], [28, 28, 1]. */
  featureShape: number[];
  /** Image pixels are stored as bytes and made float per batch. */
  x: Float32Array | Uint8Array;
  /** Multiplier applied when a batch is made float (1/255 for image bytes). */
  xScale: number;
  /** Class index (classification) or value (regression) per row. */
  y: Float32Array;
  n: number;
  /** Class names in label-index order; empty for regression. */
  classNames: string[];
  featureNames: string[];
  /** Image datasets: augmentation and normalisation applied per batch. */
  imagePipeline?: ImagePipeline;
  /** 1 for rows of a predefined test split (an upload's test/ folder): they form the test split. */
  predefinedTest?: Uint8Array;
  /** Features already went through a fitted pipeline (uploaded CSV): do not standardise again. */
  preprocessed?: boolean;
  /**
   * Regression with a standardized target: y holds (value - mean) / std; metrics in
   * original units multiply errors by std (see train/evaluate.ts).
   */
  targetScale?: { mean: number; std: number };
}

/** What the main thread knows of a dataset: small, serialisable. */
export interface DatasetSummary {
  name: string;
  kind: Dataset['kind'];
  task: TaskKind;
  featureShape: number[];
  n: number;
  classNames: string[];
  classCounts: number[];
  featureNames: string[];
  /** The dataset's xScale: raw values are multiplied by it (1/255 for image bytes). */
  inputScale: number;
  /** For 2-D point sets: the points, for the scatter/decision-boundary plot. */
  points?: { x: number[]; y: number[]; label: number[] };
  /** Uploaded image datasets: samples per class and the skipped-file report. */
  imageInfo?: ImageDatasetInfo;
  /** Uploaded CSV datasets: the pipeline as the model sees it, and what was skipped. */
  csv?: CsvDatasetReport;
  /** What identifies the data (hash computed in the worker), kept in run records. */
  fingerprint?: DataFingerprint;
}

/** Fractions of rows for each split; they sum to 1. */
export interface SplitRatios {
  train: number;
  validation: number;
  test: number;
}

/** Row indices per split, from a seeded stratified permutation. */
export interface SplitIndices {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}
