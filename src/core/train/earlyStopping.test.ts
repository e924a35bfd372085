import { describe, expect, it } from 'vitest';
import { earlyStoppingStep, initialEarlyStopping, type EarlyStoppingRule } from './earlyStopping';

/** Early stopping over a run's monitored values: where it stops and which epoch it keeps. */
function run(values: number[], rule: EarlyStoppingRule) {
  let state = initialEarlyStopping(rule.mode);
  const best: number[] = [];
  for (const [i, v] of values.entries()) {
    const step = earlyStoppingStep(state, v, i + 1, rule, i === 0);
    state = step.state;
    if (step.isBest) best.push(i + 1);
    if (state.stopped) return { stoppedEpoch: i + 1, keptEpoch: state.bestEpoch, best };
  }
  return { stoppedEpoch: null, keptEpoch: state.bestEpoch, best };
}

describe('earlyStoppingStep (Keras EarlyStopping)', () => {
  it('stops `patience` epochs after the best one and keeps it', () => {
    const rule = { mode: 'min', minDelta: 0, patience: 3 } as const;
    expect(run([1, 0.8, 0.7, 0.75, 0.7, 0.71, 0.6], rule)).toEqual({
      stoppedEpoch: 6,
      keptEpoch: 3,
      best: [1, 2, 3],
    });
  });

  it('counts only improvements beyond the min delta', () => {
    const rule = { mode: 'min', minDelta: 0.05, patience: 2 } as const;
    // 0.96 and 0.97 improve on the best (1) by less than 0.05.
    expect(run([1, 0.96, 0.97, 0.5], rule)).toEqual({ stoppedEpoch: 3, keptEpoch: 1, best: [1] });
  });

  it('watches accuracy upwards', () => {
    const rule = { mode: 'max', minDelta: 0, patience: 1 } as const;
    expect(run([0.5, 0.7, 0.7], rule)).toEqual({ stoppedEpoch: 3, keptEpoch: 2, best: [1, 2] });
  });

  it('never stops after the first epoch, and keeps the first when nothing improves', () => {
    const rule = { mode: 'min', minDelta: 0, patience: 1 } as const;
    expect(run([NaN, NaN, NaN], rule)).toEqual({ stoppedEpoch: 2, keptEpoch: 1, best: [1] });
    expect(run([1, 0.5, 0.25], { ...rule, patience: 5 })).toEqual({
      stoppedEpoch: null,
      keptEpoch: 3,
      best: [1, 2, 3],
    });
  });
});
