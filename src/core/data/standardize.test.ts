import { describe, expect, it } from 'vitest';
import { applyStandardization, fitStandardization, prepareFeatures } from './standardize';
import type { Dataset } from './types';

function tabular(values: number[][]): Dataset {
  return {
    name: 't',
    kind: 'tabular',
    task: 'binary',
    featureShape: [values[0]!.length],
    x: Float32Array.from(values.flat()),
    xScale: 1,
    y: new Float32Array(values.length),
    n: values.length,
    classNames: ['0', '1'],
    featureNames: values[0]!.map((_, i) => `f${i}`),
  };
}

describe('standardisation', () => {
  it('fits on the training rows only and gives them mean 0, std 1', () => {
    const ds = tabular([
      [1, 100, 5],
      [3, 300, 5],
      [5, 500, 5],
      [1000, -1000, 99],
    ]);
    const train = Int32Array.from([0, 1, 2]);
    const s = fitStandardization(ds, train);
    expect(s.mean[0]).toBeCloseTo(3);
    expect(s.mean[1]).toBeCloseTo(300);
    // A constant column gets std 1 (values become 0, not NaN).
    expect(s.std[2]).toBe(1);
    const out = applyStandardization(ds, s);
    const col = (j: number) => [0, 1, 2].map((r) => out.x[r * 3 + j]!);
    expect(col(0).reduce((a, b) => a + b, 0)).toBeCloseTo(0);
    expect(col(0).reduce((a, b) => a + b * b, 0) / 3).toBeCloseTo(1);
    expect(col(2)).toEqual([0, 0, 0]);
    // The held-out row is transformed with the training statistics.
    expect(out.x[9]).toBeCloseTo((1000 - 3) / s.std[0]!);
  });

  it('leaves point sets and pipeline-scaled CSV features unchanged, with no statistics', () => {
    const points = { ...tabular([[1], [2]]), kind: 'points2d' as const };
    const csv = { ...tabular([[1], [2]]), preprocessed: true };
    for (const ds of [points, csv]) {
      const out = prepareFeatures(ds, Int32Array.from([0]));
      expect(out.dataset).toBe(ds);
      expect(out.standardization).toBeNull();
    }
  });

  it('returns the statistics it scaled the features with', () => {
    const ds = tabular([[1], [3], [8]]);
    const out = prepareFeatures(ds, Int32Array.from([0, 1]));
    expect(out.standardization).toEqual(fitStandardization(ds, Int32Array.from([0, 1])));
    expect(out.dataset.x[2]).toBeCloseTo((8 - 2) / 1);
  });
});
