import { describe, expect, it } from 'vitest';
import { meanBaseline } from './baselines';
import { largestErrors, r2Score, regressionMetrics, residualHistogram } from './regression';

describe('regression metrics', () => {
  it('computes MSE, RMSE, MAE and R² by hand', () => {
    const m = regressionMetrics([1, 2, 3, 4], [1, 2, 3, 8]);
    expect(m).toEqual({ mse: 4, rmse: 2, mae: 1, r2: 1 - 16 / 5 });
    expect(regressionMetrics([], []).mse).toBeNaN();
  });

  it('gives R² of a constant target as sklearn does (1 if exact, else 0)', () => {
    expect(r2Score([3, 3, 3], [3, 3, 3])).toBe(1);
    expect(r2Score([3, 3, 3], [3, 3, 4])).toBe(0);
    expect(r2Score([3], [3])).toBeNaN();
  });

  it('bins residuals with the last bin closed, ±0.5 around a single value', () => {
    expect(residualHistogram([0, 1, 2, 3], [0, 0, 0, 0], 3)).toEqual({
      edges: [0, 1, 2, 3],
      counts: [1, 1, 2],
    });
    expect(residualHistogram([5, 5], [2, 2], 2)).toEqual({ edges: [2.5, 3, 3.5], counts: [0, 2] });
    expect(() => residualHistogram([1], [0], 0)).toThrow(/bin/);
  });

  it('lists the largest absolute errors first, ties by row, NaN first of all', () => {
    const rows = largestErrors([0, 0, 0, 0], [1, -1, 2, NaN]).map((e) => e.row);
    expect(rows).toEqual([3, 2, 0, 1]);
    expect(largestErrors([0, 0, 0], [1, 2, 3], 2)).toEqual([
      { row: 2, actual: 0, predicted: 3, residual: -3 },
      { row: 1, actual: 0, predicted: 2, residual: -2 },
    ]);
  });
});

describe('training-mean baseline', () => {
  it('scores the training mean on the test split', () => {
    const base = meanBaseline([1, 2, 3], [2, 4]);
    expect(base.mean).toBe(2);
    expect(base.rmse).toBeCloseTo(Math.sqrt(2), 15);
    // SS_res = 0 + 4, SS_tot = 1 + 1: R² = 1 − 4/2.
    expect(base.r2).toBe(-1);
    expect(meanBaseline([1, 3], [0, 4]).r2).toBe(0);
  });
});
