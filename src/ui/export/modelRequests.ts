/**
 * Request/response over the training worker for model export, import and predictions.
 * Each request carries an id; the answer with the same id settles it.
 */
import { requestFromWorker } from '../../state/workerRequest';
import type { ModelGraph } from '../../core/graph/types';
import type { ModelFile } from '../../core/export/modelFiles';
import type { ExportFromWorker, ExportToWorker, ModelSource } from '../../worker/export/messages';

export type Answer<T> =
  { ok: true; value: T } | { ok: false; message: string; unsupported: string[] };

// Export rebuilds the model and serialises it; a big model on the CPU backend takes a while.
const TIMEOUT_MS = 120_000;

type Request = ExportToWorker extends infer M
  ? M extends { requestId: number }
    ? Omit<M, 'requestId'>
    : never
  : never;

function request(msg: Request): Promise<ExportFromWorker> {
  return requestFromWorker<ExportFromWorker>({
    message: (requestId) => ({ ...msg, requestId }) as ExportToWorker,
    replies: ['modelExported', 'modelImported', 'predicted', 'exportFailed'],
    timeoutMs: TIMEOUT_MS,
    onTimeout: (requestId) => ({
      type: 'exportFailed',
      requestId,
      message: 'The training worker did not answer in time.',
      unsupported: [],
    }),
  });
}

function failed(reply: ExportFromWorker): Answer<never> {
  return reply.type === 'exportFailed'
    ? { ok: false, message: reply.message, unsupported: reply.unsupported }
    : { ok: false, message: `Unexpected answer ${reply.type} from the worker.`, unsupported: [] };
}

/** model.json, weights.bin and preprocessing.json of the last trained model. */
export async function requestModelFiles(): Promise<Answer<ModelFile[]>> {
  const reply = await request({ type: 'exportModel' });
  return reply.type === 'modelExported' ? { ok: true, value: reply.files } : failed(reply);
}

/** Loads model files (or a zip) in the worker; answers the graph to show in the editor. */
export async function requestImport(files: ModelFile[]): Promise<Answer<ModelGraph>> {
  const reply = await request({ type: 'importModel', files });
  return reply.type === 'modelImported' ? { ok: true, value: reply.graph } : failed(reply);
}

/** Predictions of the trained or imported model on fixed inputs. */
export async function requestPrediction(
  source: ModelSource,
  values: number[],
  shape: number[],
): Promise<Answer<{ values: number[]; shape: number[] }>> {
  const reply = await request({ type: 'predict', source, values, shape });
  return reply.type === 'predicted'
    ? { ok: true, value: { values: reply.values, shape: reply.shape } }
    : failed(reply);
}
