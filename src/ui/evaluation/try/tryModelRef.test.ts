import { describe, expect, it } from 'vitest';
import { defaultGraph } from '../../../core/graph/presets';
import type { RunRecord } from '../../../core/runs/record';
import { DEFAULT_TRAINING_CONFIG } from '../../../core/train/types';
import { drawingCanvasSize, tryAvailability } from './tryModelRef';

const preprocessing = {
  format: 'train-smarter-preprocessing',
  version: 1,
  datasetName: 'Fashion-MNIST',
  kind: 'image',
  task: 'multiclass',
  featureShape: [28, 28, 1],
  featureNames: [],
  classNames: ['a', 'b'],
  inputScale: 1 / 255,
  standardization: null,
} as const;

function record(patch: Partial<RunRecord>): RunRecord {
  return {
    id: 'r1',
    graph: defaultGraph(),
    config: { ...DEFAULT_TRAINING_CONFIG, seed: 9 },
    datasetChoice: { kind: 'bundled', id: 'fashion-mnist', limit: 300 },
    checkpoints: { final: { epoch: 3, valLoss: 0.5, bytes: 10 }, best: null },
    epochs: [],
    preprocessing: { ...preprocessing, featureShape: [28, 28, 1] },
    ...patch,
  } as RunRecord;
}

describe('tryAvailability', () => {
  it("refers to the run's final checkpoint, graph, seed and image geometry", () => {
    const a = tryAvailability(record({}), false);
    expect(a).toMatchObject({
      ok: true,
      ref: {
        runId: 'r1',
        seed: 9,
        checkpointEpoch: 3,
        image: { width: 28, height: 28, channels: 1, centerCrop: false, normalize: null },
      },
    });
  });

  it('loads the epoch early stopping kept when it restored an earlier one', () => {
    const early = record({
      checkpoints: {
        final: { epoch: 9, valLoss: 0.6, bytes: 10 },
        best: { epoch: 4, valLoss: 0.4, bytes: 10 },
      },
      earlyStop: { stoppedEpoch: 9, keptEpoch: 4 },
    });
    expect(tryAvailability(early, false)).toMatchObject({ ok: true, ref: { checkpointEpoch: 4 } });
  });

  it("uses this tab's in-memory weights when none were stored", () => {
    const unstored = record({ checkpoints: { final: null, best: null } });
    expect(tryAvailability(unstored, false)).toMatchObject({ ok: false, reason: /an epoch/ });
    const trained = { ...unstored, epochs: [{ epoch: 1 }] } as RunRecord;
    expect(tryAvailability(trained, true)).toMatchObject({
      ok: true,
      ref: { checkpointEpoch: null },
    });
    expect(tryAvailability(trained, false)).toMatchObject({ ok: false, reason: /not kept/ });
  });

  it('needs the preprocessing the run was trained with', () => {
    expect(tryAvailability(record({ preprocessing: undefined }), true)).toMatchObject({
      ok: false,
      reason: /preprocessing/,
    });
  });
});

describe('drawingCanvasSize', () => {
  it('keeps the images’ shape at 280 px on the long side and at least 224 px on the short one', () => {
    expect(drawingCanvasSize(28, 28)).toEqual({ width: 280, height: 280 });
    expect(drawingCanvasSize(32, 24)).toEqual({ width: 299, height: 224 });
    expect(drawingCanvasSize(64, 32)).toEqual({ width: 448, height: 224 });
  });
});
