import { describe, expect, it } from 'vitest';
import {
  initialPlateau,
  learningRateAt,
  plateauStep,
  scheduleSteps,
  type PlateauRule,
  type ScheduleConfig,
} from './schedules';

const config = (patch: Partial<ScheduleConfig>): ScheduleConfig => ({
  learningRate: 0.1,
  lrSchedule: 'constant',
  lrDecayEpochs: 1,
  lrDecayFactor: 0.5,
  lrWarmupEpochs: 0,
  ...patch,
});

const rates = (c: ScheduleConfig, decaySteps: number, warmupSteps: number, n: number) =>
  Array.from({ length: n }, (_, s) => learningRateAt(c, { decaySteps, warmupSteps }, s));

describe('scheduleSteps', () => {
  it('turns epochs into whole steps of ceil(rows / batch) batches, at least one decay step', () => {
    expect(scheduleSteps({ lrDecayEpochs: 2, lrWarmupEpochs: 0.5 }, 7)).toEqual({
      decaySteps: 14,
      warmupSteps: 4,
    });
    expect(scheduleSteps({ lrDecayEpochs: 0.01, lrWarmupEpochs: 0 }, 3)).toEqual({
      decaySteps: 1,
      warmupSteps: 0,
    });
  });
});

describe('learningRateAt', () => {
  it('is the base rate for constant and plateau', () => {
    expect(rates(config({}), 2, 0, 3)).toEqual([0.1, 0.1, 0.1]);
    expect(rates(config({ lrSchedule: 'plateau' }), 2, 3, 3)).toEqual([0.1, 0.1, 0.1]);
  });

  it('steps down by the factor every decaySteps', () => {
    const c = config({ lrSchedule: 'step', lrDecayFactor: 0.5 });
    expect(rates(c, 2, 0, 6)).toEqual([0.1, 0.1, 0.05, 0.05, 0.025, 0.025]);
  });

  it('decays exponentially, by the factor over decaySteps', () => {
    const c = config({ lrSchedule: 'exponential', lrDecayFactor: 0.25 });
    const got = rates(c, 2, 0, 5);
    [0.1, 0.05, 0.025, 0.0125, 0.00625].forEach((want, i) => expect(got[i]).toBeCloseTo(want, 15));
  });

  it('follows half a cosine to 0 over decaySteps and stays there', () => {
    const got = rates(config({ lrSchedule: 'cosine' }), 4, 0, 7);
    const want = [
      0.1,
      0.1 * (0.5 + Math.SQRT1_2 / 2),
      0.05,
      0.1 * (0.5 - Math.SQRT1_2 / 2),
      0,
      0,
      0,
    ];
    want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 15));
  });

  it('warms up linearly to the base rate, then decays from step 0 of the decay', () => {
    const c = config({ lrSchedule: 'step', lrDecayFactor: 0.1 });
    const got = rates(c, 2, 4, 8);
    [0.025, 0.05, 0.075, 0.1, 0.1, 0.1, 0.01, 0.01].forEach((w, i) =>
      expect(got[i]).toBeCloseTo(w, 15),
    );
  });
});

describe('plateauStep (Keras ReduceLROnPlateau, cooldown 0)', () => {
  const rule: PlateauRule = { mode: 'min', minDelta: 0.01, patience: 2, factor: 0.1 };

  it('cuts the rate after `patience` epochs without an improvement beyond min delta', () => {
    let state = initialPlateau(1, 'min');
    const lrs: number[] = [];
    // 0.995 improves on 1 by less than the min delta: it does not count.
    for (const v of [1, 0.995, 0.999, 0.5, 0.6, 0.7, 0.8, 0.9]) {
      state = plateauStep(state, v, rule);
      lrs.push(state.lr);
    }
    expect(lrs.map((lr) => +lr.toPrecision(6))).toEqual([1, 1, 0.1, 0.1, 0.1, 0.01, 0.01, 0.001]);
    expect(state).toMatchObject({ best: 0.5, wait: 0 });
  });

  it('watches for a rise in max mode, and never counts NaN as an improvement', () => {
    const max: PlateauRule = { ...rule, mode: 'max', patience: 1 };
    let state = initialPlateau(1, 'max');
    state = plateauStep(state, 0.6, max);
    state = plateauStep(state, 0.7, max);
    expect(state).toEqual({ lr: 1, best: 0.7, wait: 0 });
    state = plateauStep(state, NaN, max);
    expect(state).toEqual({ lr: 0.1, best: 0.7, wait: 0 });
  });
});
