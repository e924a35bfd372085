import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sampleDataset } from './sample';
import { stratifiedSample } from './split';
import { classCounts } from './summary';
import { makeSynthetic } from './synthetic';
import type { Dataset } from './types';

describe('stratifiedSample', () => {
  it('takes exactly min(limit, n) distinct rows with each class within one row of its share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer(),
        (k, n, limit, seed) => {
          const labels = Float32Array.from({ length: n }, (_, i) => (i * i + 3) % k);
          const rows = stratifiedSample(labels, 'multiclass', limit, seed);
          const m = Math.min(limit, n);
          expect(rows.length).toBe(m);
          expect(new Set(rows).size).toBe(m);
          for (let c = 0; c < k; c++) {
            const count = labels.filter((l) => l === c).length;
            const taken = [...rows].filter((r) => labels[r] === c).length;
            expect(Math.abs(taken - (m * count) / n)).toBeLessThan(1);
          }
          expect(stratifiedSample(labels, 'multiclass', limit, seed)).toEqual(rows);
        },
      ),
    );
  });
});

describe('sampleDataset', () => {
  it('keeps features and labels of the chosen rows, bytes stay bytes', () => {
    const base = makeSynthetic('xor', 100, 0.1, 1);
    const images: Dataset = {
      ...base,
      kind: 'image',
      featureShape: [2, 1, 1],
      x: Uint8Array.from(base.x, (_, i) => i % 256),
    };
    const s = sampleDataset(images, 40);
    expect(s.n).toBe(40);
    expect(s.x).toBeInstanceOf(Uint8Array);
    expect(s.name).toMatch(/sample of 40/);
    expect(classCounts(s).reduce((a, b) => a + b, 0)).toBe(40);
    expect(sampleDataset(images, undefined)).toBe(images);
    expect(sampleDataset(images, 500)).toBe(images);
    expect(() => sampleDataset(images, 2.5)).toThrow(/whole number/);
  });
});
