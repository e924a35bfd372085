/**
 * Reliability of predicted probabilities: sklearn 1.2's
 * `calibration_curve(y, prob, n_bins=10, strategy="uniform")` and the expected
 * calibration error ECE = Σ (n_b / N) · |acc_b − conf_b| over the non-empty bins.
 */
import { predictedClasses } from '../train/metrics';
import {
  checkSameLength,
  classProbability,
  positiveScores,
  rowCount,
  type Numbers,
} from './outputs';

/** One non-empty bin of the reliability diagram. */
export interface CalibrationBin {
  /** Bin index 0..nBins-1; bin b holds probabilities in (b/n, (b+1)/n], bin 0 also 0. */
  index: number;
  count: number;
  /** sklearn's prob_pred: the mean predicted probability in the bin. */
  meanPredicted: number;
  /** sklearn's prob_true: the fraction of the bin's rows that are positive (or right). */
  fractionPositive: number;
}

/** The reliability diagram's non-empty bins and the ECE. */
export interface Calibration {
  nBins: number;
  bins: CalibrationBin[];
  /** NaN for no rows. */
  ece: number;
}

/**
 * Bins by probability as sklearn does (`searchsorted` on the inner edges
 * linspace(0, 1, n_bins + 1)[1:-1], side "left"): a probability on an edge goes to the
 * lower bin. `outcome[i]` is 1 when row i is a positive (or a correct prediction).
 */
export function calibrationCurve(outcome: Numbers, probability: Numbers, nBins = 10): Calibration {
  checkSameLength(outcome, probability);
  const n = probability.length;
  // numpy.linspace(0, 1, nBins + 1)[b] is b · (1 / nBins), e.g. 0.30000000000000004.
  const step = 1 / nBins;
  const inner = Array.from({ length: nBins - 1 }, (_, b) => (b + 1) * step);
  const counts = new Array<number>(nBins).fill(0);
  const sums = new Array<number>(nBins).fill(0);
  const positives = new Array<number>(nBins).fill(0);
  for (let i = 0; i < n; i++) {
    const p = probability[i]!;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`Probability ${p} is outside [0, 1]`);
    let b = 0;
    while (b < inner.length && inner[b]! < p) b++;
    counts[b]! += 1;
    sums[b]! += p;
    positives[b]! += outcome[i]!;
  }
  const bins: CalibrationBin[] = [];
  let ece = 0;
  counts.forEach((count, index) => {
    if (count === 0) return;
    const bin = {
      index,
      count,
      meanPredicted: sums[index]! / count,
      fractionPositive: positives[index]! / count,
    };
    bins.push(bin);
    ece += (count / n) * Math.abs(bin.fractionPositive - bin.meanPredicted);
  });
  return { nBins, bins, ece: n === 0 ? NaN : ece };
}

/** Calibration of a binary model: the positive class's probability against the truth. */
export function binaryCalibration(
  actual: Numbers,
  outputs: Numbers,
  units: number,
  positive: number,
  nBins = 10,
): Calibration {
  const scores = positiveScores(outputs, units, positive);
  checkSameLength(actual, scores);
  const outcome = Int32Array.from(actual, (a) => (a === positive ? 1 : 0));
  return calibrationCurve(outcome, scores, nBins);
}

/**
 * Calibration of a multi-class model: the top label's probability (its confidence)
 * against whether that label is right.
 */
export function confidenceCalibration(
  actual: Numbers,
  outputs: Numbers,
  units: number,
  nBins = 10,
): Calibration {
  const n = rowCount(outputs, units, actual);
  const predicted = predictedClasses(outputs, units);
  const confidence = Float64Array.from({ length: n }, (_, i) =>
    classProbability(outputs, units, i, predicted[i]!),
  );
  const correct = Int32Array.from({ length: n }, (_, i) => (predicted[i] === actual[i] ? 1 : 0));
  return calibrationCurve(correct, confidence, nBins);
}
