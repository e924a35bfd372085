import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stratifiedSplit, validateSplitRatios } from './split';
import type { SplitIndices, SplitRatios } from './types';

const ratiosArb = fc
  .tuple(
    fc.integer({ min: 1, max: 100 }),
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 0, max: 100 }),
  )
  .map(([a, b, c]): SplitRatios => {
    const s = a + b + c;
    return { train: a / s, validation: b / s, test: c / s };
  });

const labelsArb = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 300 }), fc.integer())
  .map(([k, n, seed]) => Float32Array.from({ length: n }, (_, i) => Math.abs((i * 7 + seed) % k)));

function all(s: SplitIndices): number[] {
  return [...s.train, ...s.validation, ...s.test];
}

describe('stratifiedSplit', () => {
  it('is disjoint and covering, and keeps each class within one row of its ratio', () => {
    fc.assert(
      fc.property(labelsArb, ratiosArb, fc.integer(), (labels, ratios, seed) => {
        const s = stratifiedSplit(labels, 'multiclass', ratios, seed);
        const rows = all(s).sort((a, b) => a - b);
        expect(rows).toEqual(Array.from({ length: labels.length }, (_, i) => i));
        const classes = new Set(labels);
        for (const k of classes) {
          const count = labels.filter((l) => l === k).length;
          const inSplit = (idx: Int32Array) => [...idx].filter((i) => labels[i] === k).length;
          expect(Math.abs(inSplit(s.train) - count * ratios.train)).toBeLessThanOrEqual(1);
          expect(Math.abs(inSplit(s.validation) - count * ratios.validation)).toBeLessThanOrEqual(
            1,
          );
          expect(Math.abs(inSplit(s.test) - count * ratios.test)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('gives the same split for the same seed and another for another seed', () => {
    const labels = Float32Array.from({ length: 200 }, (_, i) => i % 3);
    const ratios = { train: 0.7, validation: 0.15, test: 0.15 };
    const a = stratifiedSplit(labels, 'multiclass', ratios, 1);
    expect(stratifiedSplit(labels, 'multiclass', ratios, 1)).toEqual(a);
    expect(stratifiedSplit(labels, 'multiclass', ratios, 2).train).not.toEqual(a.train);
  });

  it('splits regression rows by a plain permutation with exact sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), ratiosArb, fc.integer(), (n, ratios, seed) => {
        const labels = Float32Array.from({ length: n }, (_, i) => i * 0.37);
        const s = stratifiedSplit(labels, 'regression', ratios, seed);
        expect(all(s).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(Math.abs(s.train.length - n * ratios.train)).toBeLessThanOrEqual(1);
        expect(Math.abs(s.test.length - n * ratios.test)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('gives an empty split for a zero ratio', () => {
    const labels = Float32Array.from({ length: 50 }, (_, i) => i % 2);
    const s = stratifiedSplit(labels, 'binary', { train: 0.8, validation: 0.2, test: 0 }, 5);
    expect(s.test.length).toBe(0);
    expect(s.train.length).toBe(40);
  });

  it('rejects invalid ratios with a human message', () => {
    const labels = new Float32Array(10);
    expect(() =>
      stratifiedSplit(labels, 'binary', { train: 0.5, validation: 0.2, test: 0.2 }, 1),
    ).toThrow(/add up to 1/);
    expect(validateSplitRatios({ train: 0, validation: 0.5, test: 0.5 })).toMatch(/training/);
    expect(validateSplitRatios({ train: 1.2, validation: -0.2, test: 0 })).toMatch(/at least 0/);
    expect(validateSplitRatios({ train: 0.7, validation: 0.15, test: 0.15 })).toBeNull();
  });
});
