/**
 * Rules between training settings, pure, for the form and for remedies that edit a
 * config: reduce-on-plateau's patience beside early stopping, and what both need.
 *
 * With early stopping on, reduce-on-plateau must cut the rate before early stopping gives
 * up, so its patience defaults to half of early stopping's: when both are on and the
 * plateau patience is still at its default (or still follows early stopping's patience
 * from an earlier change), a change to either switch or to early stopping's patience sets
 * it to max(1, floor(patience / 2)). A value the user typed is never overwritten.
 */
import { TRAINING_SETTINGS, type SettingKey } from './settings';
import type { TrainingConfig } from './types';

type RuleConfig = Pick<
  TrainingConfig,
  'earlyStopping' | 'lrSchedule' | 'earlyStoppingPatience' | 'plateauPatience'
>;

const bothOn = (c: RuleConfig) => c.earlyStopping && c.lrSchedule === 'plateau';

/** Reduce-on-plateau's patience beside early stopping with `earlyStoppingPatience`. */
export function pairedPlateauPatience(earlyStoppingPatience: number): number {
  return Math.max(1, Math.floor(earlyStoppingPatience / 2));
}

/**
 * `patch` applied to `before`, with the plateau patience following early stopping's (see
 * above). Returns the patch to apply (the given one, plus plateauPatience when it follows).
 */
export function withSettingRules<C extends RuleConfig>(before: C, patch: Partial<C>): Partial<C> {
  const after = { ...before, ...patch };
  const touches =
    'earlyStopping' in patch || 'lrSchedule' in patch || 'earlyStoppingPatience' in patch;
  if (!touches || 'plateauPatience' in patch || !bothOn(after)) return patch;
  const atDefault = before.plateauPatience === TRAINING_SETTINGS.plateauPatience.default;
  const following =
    bothOn(before) &&
    before.plateauPatience === pairedPlateauPatience(before.earlyStoppingPatience);
  if (!atDefault && !following) return patch;
  return { ...patch, plateauPatience: pairedPlateauPatience(after.earlyStoppingPatience) };
}

/**
 * The warning beside the plateau patience when early stopping would end the run before
 * reduce-on-plateau cuts the rate; null when there is nothing to warn about.
 */
export function plateauPatienceWarning(config: RuleConfig): string | null {
  if (!bothOn(config) || config.plateauPatience < config.earlyStoppingPatience) return null;
  const label = TRAINING_SETTINGS.plateauPatience.label;
  return `${label} (${config.plateauPatience}) is not smaller than early stopping's patience (${config.earlyStoppingPatience}): the run would stop before the learning rate is cut. Try ${pairedPlateauPatience(config.earlyStoppingPatience)}.`;
}

/** The warning beside a setting's field for this config, or null. */
export function settingWarning(key: SettingKey, config: RuleConfig): string | null {
  return key === 'plateauPatience' ? plateauPatienceWarning(config) : null;
}

/**
 * Why the run cannot start with these settings on a split without validation rows
 * (early stopping and reduce-on-plateau watch the validation split), or null.
 */
export function validationProblem(
  config: Pick<TrainingConfig, 'earlyStopping' | 'lrSchedule'>,
  validationRows: number,
): string | null {
  if (validationRows > 0) return null;
  const what = config.earlyStopping
    ? 'Early stopping'
    : config.lrSchedule === 'plateau'
      ? 'Reduce on plateau'
      : null;
  if (!what) return null;
  return `${what} watches the validation split, which has no rows: give validation a share of the data, or turn it off.`;
}
