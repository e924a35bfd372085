/**
 * What the examples dialog needs for a set of stored rows: their dataset row indices, the
 * model's class probabilities and their targets, in the order given (most confident first
 * when they come from a confusion cell), and the binary decision a run keeps.
 */
import { defaultPositiveClass } from './binary';
import { DEFAULT_THRESHOLD } from './evaluationReport';
import { classCount, classProbability, type Numbers } from './outputs';
import type { SplitOutputs } from './runOutputs';
import type { RunDecision } from '../runs/record';

/** Rows of a split picked for the examples dialog. */
export interface ExampleSelection {
  /** Dataset row index of each example. */
  rows: Int32Array;
  /**
   * n × k, row-major: each example's class probabilities (k = classes; a sigmoid unit p
   * becomes [1 − p, p]). Regression: k = 1, the predicted value in original units.
   */
  probabilities: Float32Array;
  /** Each example's target: class index, or the value for regression. */
  actual: number[];
}

/** The examples at these positions of a split's stored arrays. */
export function examplesAt(
  split: SplitOutputs,
  positions: Numbers,
  regression: boolean,
): ExampleSelection {
  const k = regression ? 1 : classCount(split.units);
  const probabilities = new Float32Array(positions.length * k);
  for (let i = 0; i < positions.length; i++) {
    const pos = positions[i]!;
    for (let c = 0; c < k; c++) {
      probabilities[i * k + c] = regression
        ? split.outputs[pos * split.units]!
        : classProbability(split.outputs, split.units, pos, c);
    }
  }
  return {
    rows: Int32Array.from(positions, (pos) => split.rows[pos]!),
    probabilities,
    actual: Array.from(positions, (pos) => split.labels[pos]!),
  };
}

/** The kept decision, else the default: the training minority class at 0.5. */
export function resolveDecision(
  kept: RunDecision | null | undefined,
  trainLabels: Numbers,
): RunDecision {
  return kept ?? { positive: defaultPositiveClass(trainLabels), threshold: DEFAULT_THRESHOLD };
}
