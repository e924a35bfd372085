/**
 * Evaluation messages of the training worker protocol (joined into ToWorker and
 * FromWorker in ../protocol.ts): the examples behind the report's rows, read from the
 * loaded dataset by row index, and "Try the model" predictions on one new input.
 * Pixels cross as transferred buffers.
 */
import type { ModelGraph } from '../../core/graph/types';
import type { Pixels } from '../../core/data/images/pixels';
import type { RawTable } from '../../core/data/pipeline/raw';
import type { DataFingerprint } from '../../core/runs/fingerprint';
import type { PreprocessingInfo } from '../../core/export/modelFiles';
import type { ImageInputSpec } from '../../core/predict/input';
import type { Prediction } from '../../core/predict/prediction';
import type { SaliencyMethod } from '../../core/predict/saliency/saliency';

/** Examples of dataset rows: images as the dataset stores them, or rows of original values. */
export type ExampleData =
  | { kind: 'images'; width: number; height: number; channels: number; pixels: Uint8Array[] }
  | { kind: 'table'; table: RawTable };

/** A run's model as the page knows it from the run record. */
export interface TryModelRef {
  runId: string;
  graph: ModelGraph;
  seed: number;
  /**
   * The epoch of the run's final checkpoint in IndexedDB, or null when none is stored:
   * then only the worker's own last trained run (in memory) can answer.
   */
  checkpointEpoch: number | null;
  preprocessing: PreprocessingInfo;
  /** Image runs: the size, crop and scaling of their images. */
  image: ImageInputSpec | null;
}

export type TryInput =
  /** A drawing or an uploaded image file, decoded as image ingest decodes a file. */
  | { kind: 'image'; image: ImageBitmap | Blob }
  /** Raw values of a table row by column (or feature) name. */
  | { kind: 'values'; values: Record<string, string> };

export type EvaluationToWorker =
  /**
   * Examples of these dataset rows; `fingerprint` is the run's data: the worker answers
   * only if its loaded dataset is that one.
   */
  | { type: 'examples'; requestId: number; rows: Int32Array; fingerprint: DataFingerprint | null }
  | { type: 'tryModel'; requestId: number; model: TryModelRef; input: TryInput }
  /**
   * The saliency map of one image (dataset bytes at the model's size) for one class, on the
   * run's model: the map's buffer comes back transferred.
   */
  | {
      type: 'saliency';
      requestId: number;
      model: TryModelRef;
      image: Pixels;
      classIndex: number;
      method: SaliencyMethod;
    };

export type EvaluationFromWorker =
  | { type: 'examplesResult'; requestId: number; examples: ExampleData }
  /** `seen`: for images, the pixels the model was given (the drawing at the dataset's size). */
  | { type: 'tryResult'; requestId: number; prediction: Prediction; seen: Pixels | null }
  /** `map`: height × width values on [0, 1], row-major (core/predict/saliency/saliency.ts). */
  | { type: 'saliencyResult'; requestId: number; width: number; height: number; map: Float32Array }
  /**
   * `datasetNotLoaded`: the worker's dataset is not the run's (the page offers to load it);
   * `error`: anything else, said in `message`.
   */
  | {
      type: 'evaluationFailed';
      requestId: number;
      reason: 'datasetNotLoaded' | 'error';
      message: string;
    };
