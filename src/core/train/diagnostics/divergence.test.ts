import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BatchPoint } from '../types';
import {
  createDivergenceMonitor,
  detectDivergence,
  divergenceAt,
  findDivergence,
} from './divergence';
import { NOISE, healthyArb, healthyHistory, history } from './synthetic';
import { CROSS_ENTROPY_CEILING } from './types';

/** Batch points from losses, `perEpoch` batches an epoch. */
const batches = (losses: readonly number[], perEpoch = 4): BatchPoint[] =>
  losses.map((loss, step) => ({ step, epoch: Math.floor(step / perEpoch) + 1, loss }));

describe('divergence', () => {
  it('puts the cross-entropy ceiling at −ln 1e-7 ≈ 16.1', () => {
    expect(CROSS_ENTROPY_CEILING).toBeCloseTo(16.118, 3);
  });

  it('stops at the first non-finite batch loss', () => {
    expect(divergenceAt(batches([1, 0.9, NaN, 0.8]), 'categoricalCrossentropy')).toBe(2);
    expect(divergenceAt(batches([1, Infinity]), 'meanSquaredError')).toBe(1);
  });

  it('stops a cross-entropy after 3 consecutive batches at ≥ 0.9 × the ceiling (14.5)', () => {
    const at = 0.9 * CROSS_ENTROPY_CEILING;
    expect(divergenceAt(batches([2, at, at, 1, at, at + 1, 16.1, 3]), 'binaryCrossentropy')).toBe(
      6,
    );
    expect(
      divergenceAt(batches([2, at, at, 1, at - 0.01, at, at]), 'binaryCrossentropy'),
    ).toBeNull();
    // The ceiling rule is for cross-entropies only; an MSE of 15 after 2 is under 10 × 2.
    expect(divergenceAt(batches([2, 15, 15, 15]), 'meanSquaredError')).toBeNull();
  });

  it('stops an MSE or MAE above 10 × its first-epoch minimum', () => {
    // First epoch (4 batches): minimum 0.5; 5.0 is not above 10 ×, 5.1 is.
    const losses = [3, 1, 0.5, 2, 4, 5, 5.1, 1];
    expect(divergenceAt(batches(losses), 'meanAbsoluteError')).toBe(6);
    // Later epochs do not lower the reference: 0.1 in epoch 2 leaves it at 0.5.
    expect(divergenceAt(batches([3, 1, 0.5, 2, 0.1, 4.9]), 'meanSquaredError')).toBeNull();
  });

  it('streams: the monitor returns the same event as the batch scan and keeps it', () => {
    const push = createDivergenceMonitor('meanSquaredError');
    const points = batches([1, 0.8, 7.9, 12, 0.5]);
    const events = points.map((p) => push(p));
    expect(events.slice(0, 3)).toEqual([null, null, null]);
    expect(events[3]?.step).toBe(3);
    expect(events[4]).toBe(events[3]);
    expect(findDivergence(points, 'meanSquaredError')).toEqual(events[3]);
    expect(events[3]?.explanation).toContain('10 × its first-epoch minimum of 0.8');
  });

  it('stays silent on healthy batch losses (decay × (1 ± 1%))', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -NOISE, max: NOISE, noNaN: true }), {
          minLength: 1,
          maxLength: 200,
        }),
        fc.constantFrom(
          'categoricalCrossentropy',
          'meanSquaredError',
          'meanAbsoluteError',
        ) as fc.Arbitrary<'categoricalCrossentropy' | 'meanSquaredError' | 'meanAbsoluteError'>,
        (noise, loss) => {
          const losses = noise.map((n, i) => 2 * 0.99 ** i * (1 + n));
          expect(divergenceAt(batches(losses, 10), loss)).toBeNull();
        },
      ),
      { seed: 42 },
    );
  });

  it('reports a non-finite epoch loss when no batch shows it, and nothing for a healthy history', () => {
    const h = history([1, 0.8], [0.9, NaN]);
    const [f] = detectDivergence(h, [], 'categoricalCrossentropy');
    expect(f).toMatchObject({
      kind: 'divergence',
      severity: 'error',
      evidence: { chart: 'loss', epochs: [2] },
    });
    expect(f?.remedies.map((r) => r.id)).toEqual(['lr-divide-10', 'clip-gradients']);
    fc.assert(
      fc.property(healthyArb, (hh) => {
        expect(detectDivergence(healthyHistory(hh), [], 'meanSquaredError')).toEqual([]);
      }),
      { seed: 42 },
    );
  });

  it('reports batch divergence on the batch-loss chart with the steps that show it', () => {
    const at = 15;
    const [f] = detectDivergence([], batches([1, at, at, at]), 'categoricalCrossentropy');
    expect(f?.evidence).toEqual({ chart: 'batch-loss', steps: [1, 2, 3], values: [at, at, at] });
    expect(f?.explanation).toContain('3 consecutive batches');
    expect(f?.explanation).toContain('16.1');
  });
});
