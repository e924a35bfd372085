/**
 * What a run keeps of its final model's predictions: for the validation and test splits,
 * each stored row's dataset index, its target and the model's outputs (a stratified
 * sample of MAX_STORED_OUTPUTS rows for larger splits). The evaluation report, the
 * examples behind each error and the threshold chosen on validation are all computed
 * from these, for the latest run and for any stored one.
 */
import type { TaskKind } from '../graph/types';
import { outputSampleRows } from './sample';

/** One split's stored predictions. */
export interface SplitOutputs {
  /** Dataset row index of each stored row. */
  rows: Int32Array;
  /** Targets of those rows: class index, or the value in original units. */
  labels: Float32Array;
  /** Model outputs, `units` per row (regression: in original units). */
  outputs: Float32Array;
  units: number;
  /** Rows in the whole split: more than `rows.length` when the outputs are a sample. */
  splitSize: number;
}

/** A run's stored predictions, with what the baselines need of its training split. */
export interface RunOutputs {
  task: TaskKind;
  classNames: string[];
  /** Targets of the training split (baselines, the default positive class). */
  trainLabels: Float32Array;
  validation: SplitOutputs | null;
  test: SplitOutputs | null;
}

/** Whether a split's outputs are a sample of it. */
export const isSampled = (s: SplitOutputs): boolean => s.rows.length < s.splitSize;

/**
 * The stored part of a split's predictions: every row, or a seeded stratified sample of
 * at most `limit` rows (the same run always keeps the same rows).
 */
export function keepSplitOutputs(
  p: { rows: Int32Array; labels: Float32Array; outputs: Float32Array; units: number },
  task: TaskKind,
  seed: number,
  limit?: number,
): SplitOutputs {
  const keep = outputSampleRows(p.labels, task, seed, limit);
  if (keep.length === p.rows.length) return { ...p, splitSize: p.rows.length };
  const outputs = new Float32Array(keep.length * p.units);
  keep.forEach((pos, i) =>
    outputs.set(p.outputs.subarray(pos * p.units, (pos + 1) * p.units), i * p.units),
  );
  return {
    rows: Int32Array.from(keep, (pos) => p.rows[pos]!),
    labels: Float32Array.from(keep, (pos) => p.labels[pos]!),
    outputs,
    units: p.units,
    splitSize: p.rows.length,
  };
}

/** The arrays to transfer (not copy) when outputs cross to another thread. */
export function outputBuffers(o: RunOutputs): ArrayBuffer[] {
  const splits = [o.validation, o.test].filter((s): s is SplitOutputs => s !== null);
  return [
    o.trainLabels.buffer,
    ...splits.flatMap((s) => [s.rows.buffer, s.labels.buffer, s.outputs.buffer]),
  ].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
