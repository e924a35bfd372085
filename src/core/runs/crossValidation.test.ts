import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crossValidationSummary, meanAndSampleStd } from './crossValidation';
import type { FoldHistory } from './record';
import type { EpochMetrics } from '../train/types';

const fold = (n: number, valLoss: number, valAccuracy: number | null): FoldHistory => ({
  fold: n,
  of: 5,
  trainRows: 80,
  heldOutRows: 20,
  epochs: [],
  evaluation: valAccuracy === null ? null : { valLoss, valAccuracy },
});

const epoch: EpochMetrics = {
  epoch: 2,
  loss: 0.4,
  valLoss: 0.5,
  accuracy: 0.8,
  valAccuracy: 0.75,
  durationMs: 1,
};

describe('meanAndSampleStd', () => {
  it('divides by n − 1, as numpy.std(ddof=1) does', () => {
    // numpy: np.std([2, 4, 4, 4, 5, 5, 7, 9], ddof=1) = 2.138089935299395
    const { mean, std } = meanAndSampleStd([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(mean).toBe(5);
    expect(std).toBeCloseTo(2.138089935299395, 12);
  });

  it('has no standard deviation for one value, and 0 for equal values', () => {
    expect(meanAndSampleStd([0.3])).toEqual({ mean: 0.3, std: null });
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 2, max: 9 }),
        (v, n) => {
          const { mean, std } = meanAndSampleStd(new Array<number>(n).fill(v));
          expect(mean).toBeCloseTo(v, 6);
          expect(std).toBeCloseTo(0, 6);
        },
      ),
    );
  });

  it('lies between the extremes', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2 }), (xs) => {
        const { mean, std } = meanAndSampleStd(xs);
        expect(mean).toBeGreaterThanOrEqual(Math.min(...xs) - 1e-12);
        expect(mean).toBeLessThanOrEqual(Math.max(...xs) + 1e-12);
        expect(std).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('crossValidationSummary', () => {
  it('summarises the finished folds next to the final model’s last validation figures', () => {
    const folds = [
      fold(1, 0.5, 0.8),
      fold(2, 0.7, 0.6),
      fold(3, 0.6, 0.7),
      fold(4, 0.4, 0.9),
      fold(5, 0, null),
    ];
    const rows = crossValidationSummary(folds, [epoch]);
    expect(rows.map((r) => r.metric)).toEqual(['loss', 'accuracy']);
    const accuracy = rows[1]!;
    expect(accuracy.values).toEqual([0.8, 0.6, 0.7, 0.9]);
    expect(accuracy.mean).toBeCloseTo(0.75, 12);
    // sqrt(((0.05)² + (0.15)² + (0.05)² + (0.15)²) / 3)
    expect(accuracy.std).toBeCloseTo(Math.sqrt(0.05 / 3), 12);
    expect(accuracy.singleSplit).toBe(0.75);
    expect(rows[0]!.singleSplit).toBe(0.5);
  });

  it('is empty before a fold finishes, and has no single-split figure before an epoch', () => {
    expect(crossValidationSummary([fold(1, 0, null)], [epoch])).toEqual([]);
    const rows = crossValidationSummary([fold(1, 0.5, 0.8)], []);
    expect(rows[1]).toMatchObject({ singleSplit: null, mean: 0.8, std: null });
  });

  it('reports MAE for regression folds and leaves out a fold that diverged', () => {
    const reg = (n: number, valMae: number): FoldHistory => ({
      ...fold(n, 1, 0),
      evaluation: { valLoss: valMae * 2, valMae },
    });
    const rows = crossValidationSummary([reg(1, 2), reg(2, NaN), reg(3, 4)], []);
    expect(rows.map((r) => [r.metric, r.values])).toEqual([
      ['loss', [4, 8]],
      ['mae', [2, 4]],
    ]);
  });
});
