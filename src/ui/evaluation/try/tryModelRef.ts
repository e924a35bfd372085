/**
 * Whether a run can be tried, and the model reference the worker needs to answer: its
 * graph, seed, kept stored checkpoint and preprocessing, all from the run record.
 */
import { imageInputSpec } from '../../../core/predict/input';
import { keptWeights } from '../../../core/runs/keptWeights';
import type { RunRecord } from '../../../core/runs/record';
import type { TryModelRef } from '../../../worker/evaluation/messages';

export type TryAvailability = { ok: true; ref: TryModelRef } | { ok: false; reason: string };

/**
 * `trainedHere`: the run is this tab's latest, whose weights the worker holds in memory
 * after every epoch, even when none could be stored.
 */
export function tryAvailability(record: RunRecord, trainedHere: boolean): TryAvailability {
  const pre = record.preprocessing;
  if (!pre) {
    return {
      ok: false,
      reason: 'This run was recorded before its preprocessing was kept: train it again to try it.',
    };
  }
  // Early stopping that restored its best epoch keeps that epoch's weights.
  const epoch = keptWeights(record)?.epoch ?? null;
  if (epoch === null && !(trainedHere && record.epochs.length > 0)) {
    return {
      ok: false,
      reason:
        record.epochs.length === 0
          ? 'The model can be tried once it has trained for an epoch.'
          : 'The weights of this run were not kept.',
    };
  }
  return {
    ok: true,
    ref: {
      runId: record.id,
      graph: record.graph,
      seed: record.config.seed,
      checkpointEpoch: epoch,
      preprocessing: pre,
      image: pre.kind === 'image' ? imageInputSpec(pre, record.datasetChoice) : null,
    },
  };
}

/** The drawing canvas for images of this size: the same shape, at least 224 px a side. */
export function drawingCanvasSize(
  width: number,
  height: number,
): { width: number; height: number } {
  const scale = Math.max(280 / Math.max(width, height), 224 / Math.min(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
