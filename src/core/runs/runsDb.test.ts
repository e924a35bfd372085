import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../train/checkpoint';
import {
  RUNS_DB_NAME,
  deleteRunFromDb,
  deleteWeights,
  getCheckpoint,
  pruneCheckpoints,
  putCheckpoints,
} from './runsDb';

const cp = (epoch: number): Checkpoint => ({
  epoch,
  step: epoch * 3,
  weights: [{ name: 'w', shape: [1], values: new Float32Array([epoch]) }],
  optimizer: [],
  optimizerPrivate: [],
});

const keys = async () => {
  const d = await openDB(RUNS_DB_NAME);
  const all = await d.getAllKeys('weights');
  d.close();
  return all.sort();
};

describe('runs database: checkpoints keyed by epoch', () => {
  it('stores, reads and prunes only what the record no longer claims', async () => {
    await putCheckpoints('r1', [cp(1)]);
    await putCheckpoints('r1', [cp(2), cp(3)]);
    await putCheckpoints('r1', [cp(4)]);
    await putCheckpoints('r2', [cp(1)]);
    expect((await getCheckpoint('r1', 3))?.step).toBe(9);
    expect(await getCheckpoint('r1', 9)).toBeNull();
    // The record claims final 3 and best 1; epoch 4 was stored before the record caught up.
    await pruneCheckpoints('r1', { final: { epoch: 3 }, best: { epoch: 1 } });
    expect(await keys()).toEqual(['r1/1', 'r1/3', 'r1/4', 'r2/1']);
    await deleteWeights('r1');
    expect(await keys()).toEqual(['r2/1']);
    await deleteRunFromDb('r2');
    expect(await keys()).toEqual([]);
  });

  it('reads checkpoints stored by earlier versions under final/best, without optimizer state', async () => {
    await putCheckpoints('warm', [cp(1)]); // creates the database at the current version
    const d = await openDB(RUNS_DB_NAME);
    const { optimizer: _o, optimizerPrivate: _p, ...weightsOnly } = cp(5);
    await d.put('weights', weightsOnly, 'old/final');
    d.close();
    const restored = await getCheckpoint('old', 5);
    expect(restored?.weights[0]?.values[0]).toBe(5);
    expect(restored?.optimizer).toEqual([]);
    expect(restored?.optimizerPrivate).toEqual([]);
    expect(await getCheckpoint('old', 4)).toBeNull();
  });
});
