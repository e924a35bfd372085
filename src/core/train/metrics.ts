/** Metrics as pure functions on plain arrays (model outputs read back from TF.js). */

type Numbers = ArrayLike<number>;

/**
 * Predicted class per row from flat model outputs with `units` values per row: a
 * threshold at 0.5 for one sigmoid unit, the argmax otherwise.
 */
export function predictedClasses(outputs: Numbers, units: number): Int32Array {
  const n = Math.floor(outputs.length / units);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (units === 1) {
      out[i] = outputs[i]! >= 0.5 ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let k = 1; k < units; k++) {
      if (outputs[i * units + k]! > outputs[i * units + best]!) best = k;
    }
    out[i] = best;
  }
  return out;
}

/** Fraction of rows whose predicted class equals the label; NaN for no rows. */
export function accuracy(predicted: Numbers, actual: Numbers): number {
  checkLengths(predicted, actual);
  if (actual.length === 0) return NaN;
  let correct = 0;
  for (let i = 0; i < actual.length; i++) if (predicted[i] === Math.round(actual[i]!)) correct++;
  return correct / actual.length;
}

/** Mean absolute error; NaN for no rows. */
export function meanAbsoluteError(predicted: Numbers, actual: Numbers): number {
  checkLengths(predicted, actual);
  if (actual.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(predicted[i]! - actual[i]!);
  return sum / actual.length;
}

/** Root mean squared error; NaN for no rows. */
export function rootMeanSquaredError(predicted: Numbers, actual: Numbers): number {
  checkLengths(predicted, actual);
  if (actual.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += (predicted[i]! - actual[i]!) ** 2;
  return Math.sqrt(sum / actual.length);
}

/** confusion[actual][predicted] counts over numClasses classes. */
export function confusionMatrix(
  predicted: Numbers,
  actual: Numbers,
  numClasses: number,
): number[][] {
  checkLengths(predicted, actual);
  const m = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  for (let i = 0; i < actual.length; i++) {
    const row = m[Math.round(actual[i]!)];
    const p = predicted[i]!;
    if (row && p >= 0 && p < numClasses) row[p]! += 1;
  }
  return m;
}

function checkLengths(a: Numbers, b: Numbers): void {
  if (a.length !== b.length)
    throw new Error(`Metric inputs differ in length: ${a.length} vs ${b.length}`);
}
