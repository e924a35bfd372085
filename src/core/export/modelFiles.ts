/**
 * A trained model as files: TF.js's model.json and weights.bin, plus preprocessing.json
 * saying how raw rows become model inputs. Saving and loading take `tf` as a parameter;
 * only the worker calls them, so the main thread never loads TF.js.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { buildModel } from '../graph/build';
import type { ModelGraph } from '../graph/types';
import type { FittedPipeline } from '../data/pipeline/spec';
import { topologyToGraph } from './kerasTopology';

export interface ModelFile {
  name: string;
  data: ArrayBuffer;
}

/** How the app turned raw data into model inputs; saved next to the weights. */
export interface PreprocessingInfo {
  format: 'train-smarter-preprocessing';
  version: 1;
  datasetName: string;
  kind: 'points2d' | 'tabular' | 'image';
  task: 'binary' | 'multiclass' | 'regression';
  featureShape: number[];
  featureNames: string[];
  /** Label index → class name; empty for regression. */
  classNames: string[];
  /** Raw values are multiplied by this first (1/255 for image bytes). */
  inputScale: number;
  /** Then standardised with training-split statistics (tabular data), else null. */
  standardization: { mean: number[]; std: number[] } | null;
  /** For an uploaded CSV, the fitted column pipeline (imputing, encoding, scaling) of the run. */
  fittedPipeline?: FittedPipeline | null;
  /**
   * A binary model's decision, chosen on the validation split in the app: predict class
   * `positive` when its probability is at least `threshold`. Absent: class 1 at 0.5.
   */
  decision?: { positive: number; positiveClass: string; threshold: number } | null;
}

const encoder = new TextEncoder();

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** model.json and weights.bin of a model, via `tf.io.withSaveHandler` (no document needed). */
export async function saveModelFiles(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
): Promise<ModelFile[]> {
  let files: ModelFile[] = [];
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weightData = artifacts.weightData;
      const weights =
        weightData === undefined
          ? new ArrayBuffer(0)
          : Array.isArray(weightData)
            ? tf.io.concatenateArrayBuffers(weightData)
            : (weightData as ArrayBuffer);
      const json = {
        format: 'layers-model',
        generatedBy: 'Train Smarter (TensorFlow.js 4.22)',
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
      };
      files = [
        { name: 'model.json', data: toArrayBuffer(encoder.encode(JSON.stringify(json))) },
        { name: 'weights.bin', data: weights.slice(0) },
      ];
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return files;
}

export type LoadOutcome =
  | { ok: true; graph: ModelGraph; model: tfjs.LayersModel; preprocessing: unknown }
  | { ok: false; message: string; unsupported: string[] };

const basename = (path: string) => path.split('/').pop() ?? path;

/**
 * Loads model.json and its weight files into a model built from the registry, so the
 * editor graph and the weights agree; lists unsupported layers instead when there are any.
 */
export async function loadModelFiles(
  tf: typeof tfjs,
  files: readonly ModelFile[],
): Promise<LoadOutcome> {
  const fail = (message: string, unsupported: string[] = []): LoadOutcome => ({
    ok: false,
    message,
    unsupported,
  });
  const byName = new Map(files.map((f) => [basename(f.name), f.data]));
  const modelJsonData = byName.get('model.json');
  if (!modelJsonData)
    return fail('No model.json was found: choose the zip, or model.json with its .bin files.');
  let modelJson: Record<string, unknown>;
  try {
    modelJson = JSON.parse(new TextDecoder().decode(modelJsonData)) as Record<string, unknown>;
  } catch {
    return fail('model.json is not valid JSON.');
  }
  const graphOutcome = topologyToGraph(modelJson['modelTopology']);
  if (!graphOutcome.ok) return fail(graphOutcome.message, graphOutcome.unsupported);
  const manifest = modelJson['weightsManifest'];
  if (!Array.isArray(manifest)) return fail('model.json has no weightsManifest.');
  const specs: tfjs.io.WeightsManifestEntry[] = [];
  const buffers: ArrayBuffer[] = [];
  for (const group of manifest as tfjs.io.WeightsManifestConfig) {
    for (const path of group.paths) {
      const data = byName.get(basename(path));
      if (!data) return fail(`The weights file ${basename(path)} named in model.json is missing.`);
      buffers.push(data);
    }
    specs.push(...group.weights);
  }
  let loaded: tfjs.LayersModel;
  try {
    loaded = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: modelJson['modelTopology'] as tfjs.io.ModelJSON['modelTopology'],
        weightSpecs: specs,
        weightData: tf.io.concatenateArrayBuffers(buffers),
      }),
    );
  } catch (err) {
    return fail(
      `The model could not be loaded: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  let model: tfjs.LayersModel | null = null;
  try {
    // Rebuilt from the graph, so what the editor shows is exactly what predicts.
    model = buildModel(tf, graphOutcome.graph, 0);
    for (const layer of model.layers) {
      const source = loaded.getLayer(layer.name);
      layer.setWeights(source.getWeights());
    }
  } catch (err) {
    model?.dispose();
    return fail(
      `The model does not match its layers: ${err instanceof Error ? err.message : String(err)}`,
    );
  } finally {
    loaded.dispose();
  }
  let preprocessing: unknown = null;
  const pre = byName.get('preprocessing.json');
  if (pre) {
    try {
      preprocessing = JSON.parse(new TextDecoder().decode(pre));
    } catch {
      preprocessing = null;
    }
  }
  return { ok: true, graph: graphOutcome.graph, model, preprocessing };
}

/** preprocessing.json as bytes. */
export function preprocessingFile(info: PreprocessingInfo): ModelFile {
  return {
    name: 'preprocessing.json',
    data: toArrayBuffer(encoder.encode(JSON.stringify(info, null, 2))),
  };
}

/** split.json: row indices of the train, validation and test splits of the run. */
export function splitFile(split: {
  train: number[];
  validation: number[];
  test: number[];
}): ModelFile {
  return { name: 'split.json', data: toArrayBuffer(encoder.encode(JSON.stringify(split))) };
}
