/**
 * Saliency maps in the worker: an image made into the model's input as "Try the model"
 * makes it, the run's model (the one "Try the model" uses: its final weights) copied with
 * a linear last activation, and the heat map of the chosen class's logit gradient.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { imageInput } from '../../core/predict/input';
import { logitModel } from '../../core/predict/saliency/logitModel';
import { saliencyGradient, saliencyHeatMap } from '../../core/predict/saliency/saliency';
import type { EvaluationFromWorker, EvaluationToWorker } from './messages';
import { modelFor } from './tryModelHandler';

type SaliencyAnswer = Extract<
  EvaluationFromWorker,
  { type: 'saliencyResult' | 'evaluationFailed' }
>;

/** Answers one saliency request; never throws. */
export async function answerSaliency(
  tf: typeof tfjs,
  msg: Extract<EvaluationToWorker, { type: 'saliency' }>,
): Promise<SaliencyAnswer> {
  const { requestId, model: ref, image } = msg;
  try {
    if (!ref.image) throw new Error('Saliency maps need a model trained on images.');
    const x = imageInput(image, ref.preprocessing, ref.image.normalize);
    await tf.ready();
    const trained = await modelFor(tf, ref);
    // Taken at once, before any message can replace the trained model: the copy holds its
    // own references to the weights.
    const logits = logitModel(tf, ref.graph, ref.seed, trained);
    try {
      const shape = ref.preprocessing.featureShape;
      const gradient = await saliencyGradient(
        tf,
        logits,
        x,
        shape,
        msg.classIndex,
        msg.method,
        ref.seed,
      );
      const map = saliencyHeatMap(gradient, image.height, image.width, image.channels);
      return { type: 'saliencyResult', requestId, width: image.width, height: image.height, map };
    } finally {
      logits.dispose();
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { type: 'evaluationFailed', requestId, reason: 'error', message };
  }
}
