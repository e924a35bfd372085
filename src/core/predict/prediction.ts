/**
 * What a model's output for one input says, in the user's terms: the probability of each
 * class (one sigmoid unit is P(class 1)), or the predicted value in the target's units.
 */
import type { PreprocessingInfo } from '../export/modelFiles';

export type Prediction =
  /** One probability per class, in class order. */
  | { kind: 'classes'; probabilities: number[] }
  /** Regression: the value in the target's original units. */
  | { kind: 'value'; value: number };

/** Reads one output row of a model trained with this preprocessing. */
export function readPrediction(
  outputs: ArrayLike<number>,
  pre: Pick<PreprocessingInfo, 'task' | 'fittedPipeline'>,
): Prediction {
  if (pre.task === 'regression') {
    const target = pre.fittedPipeline?.target ?? null;
    const raw = outputs[0] ?? NaN;
    return { kind: 'value', value: target ? raw * target.std + target.mean : raw };
  }
  if (outputs.length === 1) {
    const p = outputs[0]!;
    return { kind: 'classes', probabilities: [1 - p, p] };
  }
  return { kind: 'classes', probabilities: Array.from(outputs) };
}

/** The index of the most probable class (the first of equals). */
export function topClass(probabilities: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < probabilities.length; k++) {
    if (probabilities[k]! > probabilities[best]!) best = k;
  }
  return best;
}
