import { describe, expect, it } from 'vitest';
import {
  pairedPlateauPatience,
  plateauPatienceWarning,
  settingWarning,
  validationProblem,
  withSettingRules,
} from './configRules';
import { DEFAULT_TRAINING_CONFIG, type TrainingConfig } from './types';

const apply = (before: TrainingConfig, patch: Partial<TrainingConfig>): TrainingConfig => ({
  ...before,
  ...withSettingRules(before, patch),
});

describe('plateau patience beside early stopping', () => {
  it('is half of early stopping’s patience, at least 1', () => {
    expect([1, 2, 5, 11].map(pairedPlateauPatience)).toEqual([1, 1, 2, 5]);
  });

  it('follows early stopping’s patience while at its default, in either order of switching on', () => {
    const plateauFirst = apply(DEFAULT_TRAINING_CONFIG, { lrSchedule: 'plateau' });
    expect(plateauFirst.plateauPatience).toBe(10);
    const both = apply(plateauFirst, { earlyStopping: true });
    expect(both.plateauPatience).toBe(2);
    const stoppingFirst = apply(apply(DEFAULT_TRAINING_CONFIG, { earlyStopping: true }), {
      lrSchedule: 'plateau',
    });
    expect(stoppingFirst.plateauPatience).toBe(2);
    // Typing 12 into early stopping's patience commits 1, then 12: it keeps following.
    const typed = apply(apply(both, { earlyStoppingPatience: 1 }), { earlyStoppingPatience: 12 });
    expect(typed.plateauPatience).toBe(6);
  });

  it('never overwrites a plateau patience the user chose', () => {
    const both = apply(apply(DEFAULT_TRAINING_CONFIG, { earlyStopping: true }), {
      lrSchedule: 'plateau',
    });
    const chosen = apply(both, { plateauPatience: 4 });
    expect(chosen.plateauPatience).toBe(4);
    expect(apply(chosen, { earlyStoppingPatience: 20 }).plateauPatience).toBe(4);
    // Other settings leave it alone, even at its default.
    const atDefault = { ...both, plateauPatience: 10 };
    expect(apply(atDefault, { learningRate: 0.1 }).plateauPatience).toBe(10);
  });

  it('warns beside the field when it is not smaller than early stopping’s patience', () => {
    const both = {
      ...DEFAULT_TRAINING_CONFIG,
      earlyStopping: true,
      lrSchedule: 'plateau' as const,
    };
    expect(plateauPatienceWarning({ ...both, plateauPatience: 4 })).toBeNull();
    expect(plateauPatienceWarning({ ...both, plateauPatience: 5 })).toBe(
      "Plateau patience (5) is not smaller than early stopping's patience (5): the run would stop before the learning rate is cut. Try 2.",
    );
    expect(settingWarning('plateauPatience', { ...both, plateauPatience: 10 })).toMatch(/^Plateau/);
    expect(settingWarning('earlyStoppingPatience', { ...both, plateauPatience: 10 })).toBeNull();
    expect(
      plateauPatienceWarning({ ...both, earlyStopping: false, plateauPatience: 10 }),
    ).toBeNull();
  });
});

describe('validationProblem', () => {
  it('refuses early stopping and reduce-on-plateau without validation rows', () => {
    const es = { earlyStopping: true, lrSchedule: 'constant' } as const;
    expect(validationProblem(es, 0)).toMatch(/^Early stopping watches the validation split/);
    expect(validationProblem({ ...es, earlyStopping: false, lrSchedule: 'plateau' }, 0)).toMatch(
      /^Reduce on plateau/,
    );
    expect(validationProblem(es, 1)).toBeNull();
    expect(validationProblem({ earlyStopping: false, lrSchedule: 'cosine' }, 0)).toBeNull();
  });
});
