import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  accuracy,
  confusionMatrix,
  meanAbsoluteError,
  predictedClasses,
  rootMeanSquaredError,
} from './metrics';

describe('metrics', () => {
  it('thresholds one unit at 0.5 and takes the argmax of several', () => {
    expect([...predictedClasses([0.2, 0.5, 0.9], 1)]).toEqual([0, 1, 1]);
    expect([...predictedClasses([0.1, 0.7, 0.2, 0.5, 0.3, 0.2], 3)]).toEqual([1, 0]);
  });

  it('computes accuracy, MAE and RMSE', () => {
    expect(accuracy([1, 0, 2, 2], [1, 1, 2, 0])).toBe(0.5);
    expect(meanAbsoluteError([1, 2, 3], [2, 2, 5])).toBeCloseTo(1);
    expect(rootMeanSquaredError([1, 2, 3], [2, 2, 5])).toBeCloseTo(Math.sqrt(5 / 3));
    expect(accuracy([], [])).toBeNaN();
    expect(() => accuracy([1], [1, 2])).toThrow(/length/);
  });

  it('builds a confusion matrix whose diagonal is the accuracy', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((k) =>
          fc
            .array(
              fc.tuple(fc.integer({ min: 0, max: k - 1 }), fc.integer({ min: 0, max: k - 1 })),
              {
                minLength: 1,
              },
            )
            .map((pairs) => ({ k, pairs })),
        ),
        ({ k, pairs }) => {
          const predicted = pairs.map((p) => p[0]);
          const actual = pairs.map((p) => p[1]);
          const m = confusionMatrix(predicted, actual, k);
          const total = m.flat().reduce((a, b) => a + b, 0);
          const diagonal = m.reduce((a, row, i) => a + row[i]!, 0);
          expect(total).toBe(pairs.length);
          expect(diagonal / total).toBeCloseTo(accuracy(predicted, actual));
          expect(m[actual[0]!]![predicted[0]!]).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('RMSE is never below MAE', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.float({ noNaN: true, min: -1e3, max: 1e3 }),
            fc.float({ noNaN: true, min: -1e3, max: 1e3 }),
          ),
          { minLength: 1 },
        ),
        (pairs) => {
          const p = pairs.map((x) => x[0]);
          const a = pairs.map((x) => x[1]);
          expect(rootMeanSquaredError(p, a)).toBeGreaterThanOrEqual(meanAbsoluteError(p, a) - 1e-9);
        },
      ),
    );
  });
});
