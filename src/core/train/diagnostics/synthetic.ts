/** Synthetic run histories for the diagnostics tests. */
import fc from 'fast-check';
import type { EpochMetrics } from '../types';

/** The noise bound of a healthy history: each value is its trend × (1 + noise), |noise| ≤ this. */
export const NOISE = 0.01;

/** A history from per-epoch training and validation losses (and optional accuracies). */
export function history(
  loss: readonly number[],
  valLoss: readonly number[],
  accuracy?: readonly number[],
): EpochMetrics[] {
  return loss.map((l, i) => ({
    epoch: i + 1,
    loss: l,
    valLoss: valLoss[i] ?? l,
    ...(accuracy ? { accuracy: accuracy[i], valAccuracy: accuracy[i] } : {}),
    durationMs: 10,
  }));
}

/** A healthy run's parameters: start loss, per-epoch decay ratio, epochs, and the noise. */
export interface Healthy {
  start: number;
  ratio: number;
  epochs: number;
  trainNoise: number[];
  valNoise: number[];
}

const noise = (n: number): fc.Arbitrary<number[]> =>
  fc.array(fc.double({ min: -NOISE, max: NOISE, noNaN: true }), { minLength: n, maxLength: n });

/**
 * Healthy runs: monotone exponential decay (5–30% per epoch) × (1 + noise), |noise| ≤ 1%,
 * for 3–40 epochs.
 */
export const healthyArb: fc.Arbitrary<Healthy> = fc
  .record({
    start: fc.double({ min: 0.2, max: 3, noNaN: true }),
    ratio: fc.double({ min: 0.7, max: 0.95, noNaN: true }),
    epochs: fc.integer({ min: 3, max: 40 }),
  })
  .chain((r) =>
    fc.record({
      start: fc.constant(r.start),
      ratio: fc.constant(r.ratio),
      epochs: fc.constant(r.epochs),
      trainNoise: noise(r.epochs),
      valNoise: noise(r.epochs),
    }),
  );

/** A healthy run's history; the accuracy climbs from 20 points above a 50% baseline towards 1. */
export function healthyHistory(h: Healthy): EpochMetrics[] {
  const trend = Array.from({ length: h.epochs }, (_, i) => h.start * h.ratio ** i);
  return history(
    trend.map((t, i) => t * (1 + h.trainNoise[i]!)),
    trend.map((t, i) => t * 1.05 * (1 + h.valNoise[i]!)),
    trend.map((t, i) => (1 - 0.3 * (t / h.start)) * (1 + h.trainNoise[i]!)),
  );
}
