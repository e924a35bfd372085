/** The pinned divergent configuration stops in epoch 1 with the divergence message. */
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic, SYNTHETIC_DATA_SEED } from '../../data/synthetic';
import { defaultGraph } from '../../graph/presets';
import { executeRun, prepareRun } from '../run';
import type { BackendName, BatchPoint, EpochMetrics } from '../types';
import { PINNED_DIVERGENT_CONFIG as PINNED } from './pinned';

beforeAll(() => {
  setWasmPaths(
    fileURLToPath(
      new URL('../../../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url),
    ),
  );
});

async function runPinned(backend: BackendName) {
  const { id, size, noise } = PINNED.dataset;
  // As the worker loads the default dataset (worker/datasets.ts).
  const ds = makeSynthetic(id, size, noise, SYNTHETIC_DATA_SEED);
  const prepared = prepareRun(ds, defaultGraph(), PINNED.config);
  if (!prepared.ok) throw new Error(prepared.message);
  const batches: BatchPoint[] = [];
  const epochs: EpochMetrics[] = [];
  let active = '';
  const outcome = await executeRun({
    tf,
    graph: defaultGraph(),
    dataset: prepared.dataset,
    split: prepared.split,
    config: PINNED.config,
    hooks: { onBatch: (p) => batches.push(p), onEpoch: (m) => epochs.push(m) },
    env: {
      selectBackend: async () => {
        expect(await tf.setBackend(backend)).toBe(true);
        active = tf.getBackend();
        return backend;
      },
    },
  });
  return { outcome, batches, epochs, active };
}

describe('PINNED_DIVERGENT_CONFIG', () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    it(`stops in epoch 1 with the divergence message on ${backend}`, async () => {
      expect(await tf.setBackend(backend)).toBe(true);
      const start = tf.memory().numTensors;
      const { outcome, batches, epochs, active } = await runPinned(backend);
      expect(active).toBe(backend);
      const { epoch, batch, step } = PINNED.stopsAt;
      expect(outcome).toEqual({
        status: 'failed',
        epochsDone: 0,
        message: expect.stringMatching(
          new RegExp(
            `^Training diverged at epoch ${epoch}, batch ${batch} \\(step ${step}\\)\\. ` +
              'The cross-entropy stayed at or above .* for 3 consecutive batches.*' +
              'Try learning rate ÷ 10 or clip gradients\\. The model keeps its weights from before training\\.$',
          ),
        ) as unknown,
      });
      // No epoch was reported; the batches up to the divergence (its evidence) were.
      expect(epochs).toEqual([]);
      expect(batches.at(-1)).toMatchObject({ epoch, step });
      expect(batches.slice(-3).every((b) => b.loss >= 0.9 * 16.1)).toBe(true);
      expect(tf.memory().numTensors).toBe(start);
    });
  }
});
