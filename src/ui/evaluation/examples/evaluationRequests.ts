/**
 * The page's side of the evaluation messages: examples of dataset rows and "Try the
 * model" predictions, each one request answered by the training worker.
 */
import type { Pixels } from '../../../core/data/images/pixels';
import type { Prediction } from '../../../core/predict/prediction';
import type { DataFingerprint } from '../../../core/runs/fingerprint';
import { requestFromWorker } from '../../../state/workerRequest';
import type {
  EvaluationFromWorker,
  ExampleData,
  TryInput,
  TryModelRef,
} from '../../../worker/evaluation/messages';

export type ExamplesAnswer =
  | { ok: true; examples: ExampleData }
  /** `notLoaded`: the worker holds another dataset than the run's (the dialog offers to load it). */
  | { ok: false; notLoaded: boolean; message: string };

export type TryAnswer =
  { ok: true; prediction: Prediction; seen: Pixels | null } | { ok: false; message: string };

// Examples are a copy of a few rows; a prediction is one forward pass, queued behind at
// most one training step. Both answer in well under a second unless the worker is stuck.
const TIMEOUT_MS = 30_000;

const timedOut = (requestId: number): EvaluationFromWorker => ({
  type: 'evaluationFailed',
  requestId,
  reason: 'error',
  message: 'The training worker did not answer in time.',
});

/** The examples of these dataset rows, if the worker's dataset is the one with `fingerprint`. */
export async function requestExamples(
  rows: Int32Array,
  fingerprint: DataFingerprint | null,
): Promise<ExamplesAnswer> {
  const reply = await requestFromWorker<EvaluationFromWorker>({
    message: (requestId) => ({ type: 'examples', requestId, rows, fingerprint }),
    replies: ['examplesResult', 'evaluationFailed'],
    timeoutMs: TIMEOUT_MS,
    onTimeout: timedOut,
  });
  if (reply.type === 'examplesResult') return { ok: true, examples: reply.examples };
  if (reply.type === 'evaluationFailed') {
    return { ok: false, notLoaded: reply.reason === 'datasetNotLoaded', message: reply.message };
  }
  return { ok: false, notLoaded: false, message: `Unexpected answer ${reply.type}.` };
}

/** The run's prediction for one input; a drawing's bitmap is handed over, not copied. */
export async function requestTryPrediction(
  model: TryModelRef,
  input: TryInput,
): Promise<TryAnswer> {
  const transfer = input.kind === 'image' && !(input.image instanceof Blob) ? [input.image] : [];
  const reply = await requestFromWorker<EvaluationFromWorker>({
    message: (requestId) => ({ type: 'tryModel', requestId, model, input }),
    replies: ['tryResult', 'evaluationFailed'],
    timeoutMs: TIMEOUT_MS,
    onTimeout: timedOut,
    transfer,
  });
  if (reply.type === 'tryResult') {
    return { ok: true, prediction: reply.prediction, seen: reply.seen };
  }
  if (reply.type === 'evaluationFailed') return { ok: false, message: reply.message };
  return { ok: false, message: `Unexpected answer ${reply.type}.` };
}
