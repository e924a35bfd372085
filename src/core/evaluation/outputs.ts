/**
 * Reading a classifier's outputs: `outputs` holds n rows of `units` values, row-major,
 * as the model produced them (one sigmoid unit for binary, else softmax probabilities).
 * Labels are class indices 0..k-1 (a Float32Array of whole numbers is fine).
 * Every evaluation function takes (actual, predicted) in scikit-learn's order.
 */

/** Numbers of any array kind: number[], Float32Array, Int32Array… */
export type Numbers = ArrayLike<number>;

/** The number of classes a classifier with `units` output units tells apart. */
export function classCount(units: number): number {
  return units === 1 ? 2 : units;
}

/** The number of rows in `outputs`, checked against the labels when given. */
export function rowCount(outputs: Numbers, units: number, labels?: Numbers): number {
  if (!Number.isInteger(units) || units < 1) throw new RangeError(`Bad unit count ${units}`);
  if (outputs.length % units !== 0) {
    throw new RangeError(`${outputs.length} outputs do not make rows of ${units}`);
  }
  const n = outputs.length / units;
  if (labels && labels.length !== n) {
    throw new RangeError(`${labels.length} labels for ${n} rows of outputs`);
  }
  return n;
}

/**
 * The probability the model gives class `cls` in `row`. One sigmoid unit is P(class 1),
 * so class 0 gets 1 − p (exact in double precision for a float32 p in [2⁻²⁹, 1]).
 */
export function classProbability(
  outputs: Numbers,
  units: number,
  row: number,
  cls: number,
): number {
  if (units === 1) {
    const p = outputs[row]!;
    return cls === 1 ? p : 1 - p;
  }
  return outputs[row * units + cls]!;
}

/**
 * The positive class's score per row, for binary curves: its probability, whether the
 * model has one sigmoid unit or a 2-unit softmax.
 */
export function positiveScores(outputs: Numbers, units: number, positive: number): Float64Array {
  if (classCount(units) !== 2) throw new RangeError('Positive scores need a binary classifier');
  const n = rowCount(outputs, units);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = classProbability(outputs, units, i, positive);
  return scores;
}

/** Throws unless `label` is a class index 0..numClasses−1 (a bug, not a user error). */
export function checkClass(label: number, numClasses: number): void {
  if (!Number.isInteger(label) || label < 0 || label >= numClasses) {
    throw new RangeError(`Class ${label} is not one of 0..${numClasses - 1}`);
  }
}

/** Throws unless the two arrays have the same length (a bug, not a user error). */
export function checkSameLength(a: Numbers, b: Numbers): void {
  if (a.length !== b.length) {
    throw new RangeError(`Metric inputs differ in length: ${a.length} vs ${b.length}`);
  }
}
