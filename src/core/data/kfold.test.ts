import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CROSS_VALIDATION_MAX_ROWS,
  crossValidationUnavailable,
  stratifiedKFold,
  type KFold,
} from './kfold';

const caseArb = fc
  .record({
    classes: fc.integer({ min: 1, max: 5 }),
    n: fc.integer({ min: 5, max: 400 }),
    labelSeed: fc.integer(),
    k: fc.integer({ min: 2, max: 7 }),
    seed: fc.integer(),
    // Some rows are the test split: they are left out of the rows given to the folds.
    testEvery: fc.integer({ min: 2, max: 9 }),
  })
  .map((c) => {
    const labels = Float32Array.from(
      { length: c.n },
      (_, i) => Math.abs((i * 7 + c.labelSeed) % c.classes) | 0,
    );
    const rows = Int32Array.from(
      Array.from({ length: c.n }, (_, i) => i).filter((i) => i % c.testEvery !== 0),
    );
    return { ...c, labels, rows };
  });

const count = (rows: Int32Array, labels: Float32Array, cls: number) =>
  [...rows].filter((r) => labels[r] === cls).length;

describe('stratifiedKFold', () => {
  it('partitions the given rows: held-out parts are disjoint and cover them, training is the rest', () => {
    fc.assert(
      fc.property(caseArb, ({ labels, rows, k, seed }) => {
        const folds = stratifiedKFold(labels, 'multiclass', rows, k, seed);
        expect(folds).toHaveLength(k);
        const heldOut = folds.flatMap((f) => [...f.heldOut]).sort((a, b) => a - b);
        expect(heldOut).toEqual([...rows]);
        for (const f of folds) {
          const both = [...f.train, ...f.heldOut].sort((a, b) => a - b);
          expect(both).toEqual([...rows]);
        }
      }),
    );
  });

  it('keeps each class within one row of its share in every fold, and fold sizes within one', () => {
    fc.assert(
      fc.property(caseArb, ({ labels, rows, k, seed, classes }) => {
        const folds = stratifiedKFold(labels, 'multiclass', rows, k, seed);
        for (let c = 0; c < classes; c++) {
          const total = count(rows, labels, c);
          for (const f of folds) {
            expect(Math.abs(count(f.heldOut, labels, c) - total / k)).toBeLessThanOrEqual(1);
            expect(Math.abs(count(f.train, labels, c) - (total * (k - 1)) / k)).toBeLessThanOrEqual(
              1,
            );
          }
        }
        const sizes = folds.map((f) => f.heldOut.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never includes rows it was not given (the test split)', () => {
    fc.assert(
      fc.property(caseArb, ({ labels, rows, k, seed }) => {
        const given = new Set(rows);
        const outside = stratifiedKFold(labels, 'multiclass', rows, k, seed).flatMap((f) =>
          [...f.train, ...f.heldOut].filter((r) => !given.has(r)),
        );
        expect(outside).toEqual([]);
      }),
    );
  });

  it('gives the same folds for the same labels, rows and seed', () => {
    fc.assert(
      fc.property(caseArb, ({ labels, rows, k, seed }) => {
        const again = stratifiedKFold(labels, 'multiclass', Int32Array.from(rows), k, seed);
        expect(again).toEqual(stratifiedKFold(labels, 'multiclass', rows, k, seed));
      }),
    );
  });

  it('gives other folds for another seed', () => {
    const labels = Float32Array.from({ length: 300 }, (_, i) => i % 3);
    const rows = Int32Array.from({ length: 250 }, (_, i) => i);
    const a = stratifiedKFold(labels, 'multiclass', rows, 5, 1);
    const same: KFold[] = stratifiedKFold(labels, 'multiclass', rows, 5, 1);
    expect(same).toEqual(a);
    expect(stratifiedKFold(labels, 'multiclass', rows, 5, 2)[0]!.heldOut).not.toEqual(
      a[0]!.heldOut,
    );
  });

  it('deals regression rows as one permutation with near-equal folds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 300 }), fc.integer(), (n, seed) => {
        const labels = Float32Array.from({ length: n }, (_, i) => i * 0.37);
        const rows = Int32Array.from({ length: n }, (_, i) => i);
        const folds = stratifiedKFold(labels, 'regression', rows, 5, seed);
        const sizes = folds.map((f) => f.heldOut.length);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('refuses fewer than two folds', () => {
    expect(() => stratifiedKFold(new Float32Array(4), 'binary', new Int32Array(4), 1, 0)).toThrow(
      RangeError,
    );
  });
});

describe('crossValidationUnavailable', () => {
  it('allows up to the limit and says why above it', () => {
    expect(crossValidationUnavailable({ n: CROSS_VALIDATION_MAX_ROWS })).toBeNull();
    expect(crossValidationUnavailable({ n: 6000 })).toBe(
      'Cross-validation is for datasets of at most 5,000 rows; this one has 6,000.',
    );
  });
});
