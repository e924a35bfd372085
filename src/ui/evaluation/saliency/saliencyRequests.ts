/** The page's side of saliency requests: one map of one image for one class, from the worker. */
import type { Pixels } from '../../../core/data/images/pixels';
import type { SaliencyMethod } from '../../../core/predict/saliency/saliency';
import { requestFromWorker } from '../../../state/workerRequest';
import type { EvaluationFromWorker, TryModelRef } from '../../../worker/evaluation/messages';

export type SaliencyAnswer =
  { ok: true; width: number; height: number; map: Float32Array } | { ok: false; message: string };

// SmoothGrad is 25 forward and backward passes of one small batch: well under a second
// here for the CI-sized models, but queued behind at most one training step.
const TIMEOUT_MS = 60_000;

/** The heat map of `image` for `classIndex`; the pixels are copied (the card keeps showing them). */
export async function requestSaliency(
  model: TryModelRef,
  image: Pixels,
  classIndex: number,
  method: SaliencyMethod,
): Promise<SaliencyAnswer> {
  const reply = await requestFromWorker<EvaluationFromWorker>({
    message: (requestId) => ({ type: 'saliency', requestId, model, image, classIndex, method }),
    replies: ['saliencyResult', 'evaluationFailed'],
    timeoutMs: TIMEOUT_MS,
    onTimeout: (requestId) => ({
      type: 'evaluationFailed',
      requestId,
      reason: 'error',
      message: 'The training worker did not answer in time.',
    }),
  });
  if (reply.type === 'saliencyResult') {
    return { ok: true, width: reply.width, height: reply.height, map: reply.map };
  }
  if (reply.type === 'evaluationFailed') return { ok: false, message: reply.message };
  return { ok: false, message: `Unexpected answer ${reply.type}.` };
}
