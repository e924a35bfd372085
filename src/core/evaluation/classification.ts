/**
 * Scalar classification metrics, each matching scikit-learn 1.2 (the fixtures in
 * fixtures/metrics.json are sklearn's own results on the same inputs).
 */
import { accuracy as accuracyOf } from '../train/metrics';
import {
  checkClass,
  checkSameLength,
  classCount,
  classProbability,
  rowCount,
  type Numbers,
} from './outputs';

export { predictedClasses } from '../train/metrics';

/** TF.js's backend epsilon: its cross-entropy clips probabilities to [ε, 1 − ε]. */
export const LOG_LOSS_EPSILON = 1e-7;

/** `accuracy_score`: the fraction of rows predicted right; NaN for no rows. */
export function accuracy(actual: Numbers, predicted: Numbers): number {
  return accuracyOf(predicted, actual);
}

/**
 * `balanced_accuracy_score`: the mean recall over the classes present in `actual`
 * (sklearn drops the classes only predicted, whose recall is 0/0); NaN for no rows.
 */
export function balancedAccuracy(actual: Numbers, predicted: Numbers): number {
  checkSameLength(actual, predicted);
  const support = new Map<number, number>();
  const hits = new Map<number, number>();
  for (let i = 0; i < actual.length; i++) {
    const c = actual[i]!;
    support.set(c, (support.get(c) ?? 0) + 1);
    if (predicted[i] === c) hits.set(c, (hits.get(c) ?? 0) + 1);
  }
  if (support.size === 0) return NaN;
  let sum = 0;
  for (const [c, s] of support) sum += (hits.get(c) ?? 0) / s;
  return sum / support.size;
}

/**
 * Mean cross-entropy, as sklearn 1.2's `log_loss(y, p, eps=1e-7, labels=range(k))`:
 * each probability is clipped to [1e-7, 1 − 1e-7] (TF.js's epsilon), then each row is
 * divided by its sum (sklearn's renormalisation), then −log of the true class is
 * averaged. One sigmoid unit p is read as the row [1 − clip(p), clip(p)], as sklearn
 * reads a 1-d y_pred. Note TF.js's own loss renormalises *before* clipping; the two
 * differ only for rows that do not sum to 1 or that reach the clip bounds.
 */
export function logLoss(actual: Numbers, outputs: Numbers, units: number): number {
  const n = rowCount(outputs, units, actual);
  if (n === 0) return NaN;
  const clip = (p: number) => Math.min(Math.max(p, LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const label = actual[i]!;
    checkClass(label, classCount(units));
    let trueProb: number;
    let rowSum: number;
    if (units === 1) {
      const p = clip(outputs[i]!);
      trueProb = label === 1 ? p : 1 - p;
      rowSum = 1 - p + p;
    } else {
      rowSum = 0;
      for (let k = 0; k < units; k++) rowSum += clip(outputs[i * units + k]!);
      trueProb = clip(outputs[i * units + label]!);
    }
    total += -Math.log(trueProb / rowSum);
  }
  return total / n;
}

/**
 * `top_k_accuracy_score(y, scores, k, labels=range(units))`: the fraction of rows whose
 * class is among the k highest scores. Ties rank as sklearn ranks them (a stable sort,
 * reversed): among equal scores the higher class index comes first. So top-1 can differ
 * from accuracy, whose argmax takes the lower index on a tie.
 */
export function topKAccuracy(actual: Numbers, outputs: Numbers, units: number, k: number): number {
  if (units < 2) throw new RangeError('Top-k accuracy needs one output per class');
  const n = rowCount(outputs, units, actual);
  if (n === 0) return NaN;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const label = actual[i]!;
    checkClass(label, units);
    const own = classProbability(outputs, units, i, label);
    let rank = 0;
    for (let c = 0; c < units; c++) {
      const s = outputs[i * units + c]!;
      if (s > own || (s === own && c > label)) rank++;
    }
    if (rank < k) hits++;
  }
  return hits / n;
}

/** The top-k accuracies the report shows: top-3 from 5 classes, also top-5 from 10. */
export function reportTopKs(units: number): number[] {
  const k = classCount(units);
  if (k >= 10) return [3, 5];
  if (k >= 5) return [3];
  return [];
}
