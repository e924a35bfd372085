/**
 * The worker side of model export and import. It remembers the last trained run (graph,
 * the CPU copy of its final weights, how its data was prepared) until the next run, and
 * the last imported model, and answers export, import and predict requests.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { looksLikeZip, unzipSafely } from '../../core/data/zip';
import { buildModel } from '../../core/graph/build';
import type { ModelGraph } from '../../core/graph/types';
import type { SplitIndices } from '../../core/data/types';
import { restoreWeights, type Checkpoint } from '../../core/train/checkpoint';
import {
  loadModelFiles,
  preprocessingFile,
  splitFile,
  saveModelFiles,
  type ModelFile,
  type PreprocessingInfo,
} from '../../core/export/modelFiles';
import type { TrainingConfig } from '../../core/train/types';
import type { ExportFromWorker, ExportToWorker } from './messages';

interface TrainedRun {
  runId: string;
  graph: ModelGraph;
  /** Row indices of each split, exported so Python trains and tests on the same rows. */
  split: { train: number[]; validation: number[]; test: number[] };
  config: TrainingConfig;
  preprocessing: PreprocessingInfo;
  checkpoint: Checkpoint | null;
}

let trained: TrainedRun | null = null;
let trainedModel: tfjs.LayersModel | null = null;
let imported: tfjs.LayersModel | null = null;

function dropTrainedModel(): void {
  trainedModel?.dispose();
  trainedModel = null;
}

/**
 * Called when a run starts: forgets the previous run's model and keeps how its data was
 * prepared (`prepareRun`'s preprocessing, fitted on this run's training split).
 */
export function rememberRunStart(
  runId: string,
  graph: ModelGraph,
  config: TrainingConfig,
  split: SplitIndices,
  preprocessing: PreprocessingInfo,
): void {
  dropTrainedModel();
  trained = {
    runId,
    graph,
    split: {
      train: Array.from(split.train),
      validation: Array.from(split.validation),
      test: Array.from(split.test),
    },
    config,
    checkpoint: null,
    preprocessing,
  };
}

/** Called after every epoch with the CPU copy of the weights. */
export function rememberCheckpoint(checkpoint: Checkpoint): void {
  if (!trained) return;
  dropTrainedModel();
  trained.checkpoint = checkpoint;
}

function getTrainedModel(tf: typeof tfjs): tfjs.LayersModel | string {
  if (!trained?.checkpoint) return 'Train the model for at least one epoch first.';
  if (!trainedModel) {
    const model = buildModel(tf, trained.graph, trained.config.seed);
    // Export needs the weights only; the optimizer's state stays in the checkpoint.
    restoreWeights(tf, model, trained.checkpoint);
    trainedModel = model;
  }
  return trainedModel;
}

/**
 * The model of run `runId` with its latest weights, if that run is the last one trained
 * here and has finished an epoch ("Try the model" during and after training); else null.
 * The model stays owned here: do not dispose it.
 */
export function trainedModelFor(tf: typeof tfjs, runId: string): tfjs.LayersModel | null {
  if (trained?.runId !== runId || !trained.checkpoint) return null;
  const model = getTrainedModel(tf);
  return typeof model === 'string' ? null : model;
}

/** The files of a model upload, with any zip (by its signature, whatever its name) unpacked. */
async function unpack(files: readonly ModelFile[]): Promise<ModelFile[]> {
  const out: ModelFile[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(file.data);
    if (!looksLikeZip(bytes)) {
      out.push(file);
      continue;
    }
    const result = await unzipSafely([bytes], file.name);
    if (!result.ok) throw new Error(result.message);
    const refused = result.rejected[0];
    // A model zip is written by a program: an entry escaping its folder means a hostile file.
    if (refused) throw new Error(`${file.name}: the entry ${refused.name} ${refused.reason}.`);
    for (const entry of result.entries) {
      const data = entry.data;
      out.push({
        name: entry.path,
        data: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
      });
    }
  }
  return out;
}

/** Answers one export/import/predict request; never throws. */
export async function handleExportMessage(
  tf: typeof tfjs,
  msg: ExportToWorker,
  post: (msg: ExportFromWorker, transfer?: Transferable[]) => void,
): Promise<void> {
  const { requestId } = msg;
  const fail = (message: string, unsupported: string[] = []) =>
    post({ type: 'exportFailed', requestId, message, unsupported });
  try {
    switch (msg.type) {
      case 'exportModel': {
        const model = getTrainedModel(tf);
        if (typeof model === 'string') return fail(model);
        const files = [
          ...(await saveModelFiles(tf, model)),
          preprocessingFile(trained!.preprocessing),
          splitFile(trained!.split),
        ];
        post(
          { type: 'modelExported', requestId, files },
          files.map((f) => f.data),
        );
        return;
      }
      case 'importModel': {
        const outcome = await loadModelFiles(tf, await unpack(msg.files));
        if (!outcome.ok) return fail(outcome.message, outcome.unsupported);
        imported?.dispose();
        imported = outcome.model;
        post({ type: 'modelImported', requestId, graph: outcome.graph });
        return;
      }
      case 'predict': {
        const model = msg.source === 'trained' ? getTrainedModel(tf) : imported;
        if (model === null) return fail('Import a model first.');
        if (typeof model === 'string') return fail(model);
        const out = tf.tidy(() => model.predict(tf.tensor(msg.values, msg.shape)) as tfjs.Tensor);
        const values = Array.from(await out.data());
        const shape = [...out.shape];
        out.dispose();
        post({ type: 'predicted', requestId, values, shape });
        return;
      }
      default: {
        const never: never = msg;
        throw new Error(`Unknown export message ${JSON.stringify(never)}`);
      }
    }
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
}
