import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { histogram } from '../train/layerStats/histogram';
import type { LayerStat, LayerStatsEpoch } from '../train/layerStats/types';
import { readStoredRun } from './migrations';
import { putRun, readAllRuns } from './runsDb';
import {
  addLayerStats,
  compactLayerStats,
  LATEST_LAYER_STATS_KEPT,
  MAX_STORED_LAYER_STATS_EPOCHS,
  thinLayerStats,
} from './storedLayerStats';
import { testRecord } from './testRecords';

/** A deterministic stand-in for random draws in [-1, 1). */
const noise = (i: number) => ((Math.sin(i * 12.9898) * 43758.5453) % 1) * 2 - 1;

/** A 128-unit Dense after epoch `epoch`: its 64 × 128 kernel and its ReLU outputs on 256 rows. */
function denseStat(epoch: number, layer = 'dense_1'): LayerStat {
  const kernel = Float32Array.from({ length: 64 * 128 }, (_, i) => 0.2 * noise(i + epoch));
  const outputs = Float32Array.from({ length: 256 * 128 }, (_, i) => Math.max(0, noise(7 * i)));
  return {
    layer,
    weights: histogram(kernel),
    activations: histogram(outputs),
    gradRms: Math.fround(0.0123456789 / epoch),
    deadFraction: 65 / 128,
    units: 128,
  };
}

const epochs = (n: number): LayerStatsEpoch[] =>
  Array.from({ length: n }, (_, i) => ({ epoch: i + 1, layers: [] }));

describe('compactLayerStats', () => {
  it('rounds edges to 1/10,000 of their span and gradients to 4 digits, counts untouched', () => {
    const raw = denseStat(3);
    const [got] = compactLayerStats({ epoch: 3, layers: [raw] }).layers;
    for (const which of ['weights', 'activations'] as const) {
      const span = raw[which].right - raw[which].left;
      expect(got![which].counts).toEqual(raw[which].counts);
      expect(Math.abs(got![which].left - raw[which].left)).toBeLessThanOrEqual(span / 20_000);
      expect(Math.abs(got![which].right - raw[which].right)).toBeLessThanOrEqual(span / 20_000);
      expect(String(got![which].left).length).toBeLessThanOrEqual(9);
    }
    expect(got!.gradRms).toBe(0.004115);
    // 65 of 128 units: still more than half after rounding.
    expect(got!.deadFraction).toBe(0.507813);
    expect(got!.deadFraction!).toBeGreaterThan(0.5);
  });

  it('keeps a narrow histogram far from zero apart, and non-finite gradients as they are', () => {
    const h = { left: 1000.00012, right: 1000.00037, counts: [1, 2] };
    const [got] = compactLayerStats({
      epoch: 1,
      layers: [{ layer: 'd', weights: h, activations: h, gradRms: NaN, units: 2 }],
    }).layers;
    expect(got!.weights.right).toBeGreaterThan(got!.weights.left);
    expect(got!.weights.left).toBeCloseTo(1000.00012, 7);
    expect(got!.gradRms).toBeNaN();
    expect(got).not.toHaveProperty('deadFraction');
  });

  it('stores about 450 bytes per layer per epoch as JSON', () => {
    const bytes = JSON.stringify(compactLayerStats({ epoch: 1, layers: [denseStat(1)] })).length;
    const raw = JSON.stringify({ epoch: 1, layers: [denseStat(1)] }).length;
    expect(bytes).toBeLessThan(500);
    expect(bytes).toBeLessThan(raw);
  });
});

describe('thinLayerStats', () => {
  it('keeps everything up to the limit', () => {
    expect(thinLayerStats(epochs(MAX_STORED_LAYER_STATS_EPOCHS))).toHaveLength(100);
  });

  it('past it, keeps the latest whole and thins the older by a growing power of 2', () => {
    const kept = thinLayerStats(epochs(150)).map((s) => s.epoch);
    expect(kept.length).toBeLessThanOrEqual(MAX_STORED_LAYER_STATS_EPOCHS);
    expect(kept.slice(-LATEST_LAYER_STATS_KEPT)).toEqual(
      Array.from({ length: LATEST_LAYER_STATS_KEPT }, (_, i) => 141 + i),
    );
    const older = kept.slice(0, -LATEST_LAYER_STATS_KEPT);
    expect(older.slice(0, 3)).toEqual([1, 3, 5]);
    expect(older.every((e) => (e - 1) % 2 === 0)).toBe(true);
    // Bounded however long the run: 100,000 epochs keep epoch 1 and a stride of 2^k.
    const long = thinLayerStats(epochs(100_000)).map((s) => s.epoch);
    expect(long.length).toBeLessThanOrEqual(MAX_STORED_LAYER_STATS_EPOCHS);
    expect(long[0]).toBe(1);
    expect(long.at(-1)).toBe(100_000);
  });

  it('as a run grows, keeps at least half its budget, the oldest epochs the sparsest', () => {
    let stored: LayerStatsEpoch[] = [];
    for (let epoch = 1; epoch <= 400; epoch++) {
      stored = addLayerStats(stored, { epoch, layers: [] });
      expect(stored.length).toBeLessThanOrEqual(MAX_STORED_LAYER_STATS_EPOCHS);
      expect(stored.length).toBeGreaterThanOrEqual(
        Math.min(epoch, MAX_STORED_LAYER_STATS_EPOCHS / 2),
      );
      const older = stored.slice(0, -LATEST_LAYER_STATS_KEPT).map((s) => s.epoch);
      const gaps = older.slice(1).map((e, i) => e - older[i]!);
      const where = `epoch ${epoch}: ${older.join(',')}`;
      // Gaps never narrower further back, and at most 8 epochs wide after 400.
      expect(Math.max(0, ...gaps), where).toBeLessThanOrEqual(8);
      expect(
        gaps.every((g, i) => i === 0 || g <= gaps[i - 1]!),
        where,
      ).toBe(true);
    }
  });
});

describe('addLayerStats', () => {
  it('adds in epoch order, compacted; a replayed epoch replaces the earlier one', () => {
    let stored = addLayerStats(undefined, { epoch: 2, layers: [denseStat(2)] });
    stored = addLayerStats(stored, { epoch: 1, layers: [denseStat(1)] });
    stored = addLayerStats(stored, { epoch: 2, layers: [denseStat(2, 'replayed')] });
    expect(stored.map((s) => [s.epoch, s.layers[0]!.layer])).toEqual([
      [1, 'dense_1'],
      [2, 'replayed'],
    ]);
    expect(stored[0]).toEqual(compactLayerStats({ epoch: 1, layers: [denseStat(1)] }));
  });
});

describe('layer statistics in the run record', () => {
  const stats = [1, 2].map((epoch) => compactLayerStats({ epoch, layers: [denseStat(epoch)] }));

  it('survive JSON (a NaN gradient comes back as NaN) and the record schema', () => {
    const diverged = { epoch: 3, layers: [{ ...denseStat(3), gradRms: NaN }] };
    const record = testRecord('r', { layerStats: [...stats, compactLayerStats(diverged)] });
    const read = readStoredRun(JSON.parse(JSON.stringify(record)));
    if (!read.ok) throw new Error(read.unreadable.reason);
    expect(read.record.layerStats?.slice(0, 2)).toEqual(stats);
    expect(read.record.layerStats?.[2]?.layers[0]?.gradRms).toBeNaN();
  });

  it('survive IndexedDB; a record without them opens without them', async () => {
    await putRun(testRecord('with', { layerStats: stats }));
    await putRun(testRecord('without'));
    const runs = await readAllRuns();
    const byId = new Map(runs.map((r) => (r.ok ? [r.record.id, r.record] : ['?', null])));
    expect(byId.get('with')?.layerStats).toEqual(stats);
    expect(byId.get('without')).not.toHaveProperty('layerStats');
    const bad = testRecord('bad', { layerStats: [{ epoch: 1, layers: [{ layer: 3 }] }] as never });
    expect(readStoredRun(bad).ok).toBe(false);
  });
});
