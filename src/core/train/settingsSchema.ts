/**
 * What the training-settings table (settings.ts) implies: the zod schema that project
 * files, share links and run records parse settings with, the human check of each value
 * against its range, and the warnings a loaded file shows for values outside them.
 *
 * The schema checks only what a value is (a number, one of the options); ranges are
 * checked apart, so a file with 200,000 epochs opens with a warning instead of being
 * refused, and `prepareRun` refuses to train it until the setting is changed.
 */
import { z } from 'zod';
import { validateSplitRatios } from '../data/split';
import type { SplitRatios } from '../data/types';
import { numberProblem, type NumberRule } from '../input/numberRule';
import {
  DEFAULT_TRAINING_CONFIG,
  SETTING_KEYS,
  settingSpec,
  type NumberSetting,
  type SettingDataset,
  type SettingKey,
  type SettingSpec,
  type TrainingConfig,
} from './settings';

/** The number rule of a numeric setting, for its form field and its check. */
export function settingRule(spec: NumberSetting): NumberRule {
  return { label: spec.label, integer: spec.kind === 'int', ...spec.range };
}

const splitSchema = z.object({ train: z.number(), validation: z.number(), test: z.number() });

function valueSchema(spec: SettingSpec): z.ZodType {
  switch (spec.kind) {
    // Whole numbers are checked with the range: a stored 32.5 warns rather than refuses.
    case 'int':
    case 'real':
      return z.number();
    case 'choice': {
      const [first, ...rest] = spec.options.map((o) => o.value);
      if (first === undefined) throw new Error(`${spec.label} has no options`);
      return z.enum([first, ...rest]);
    }
    case 'boolean':
      return z.boolean();
    case 'split':
      return splitSchema;
    default: {
      const never: never = spec;
      throw new Error(`Unknown setting kind ${String(never)}`);
    }
  }
}

function configSchema(): z.ZodType<TrainingConfig> {
  const shape: Record<string, z.ZodType> = {};
  for (const key of SETTING_KEYS) {
    // A file written before a setting existed gets its default.
    const fallback = DEFAULT_TRAINING_CONFIG[key];
    shape[key] = valueSchema(settingSpec(key)).default(() => structuredClone(fallback));
  }
  // The shape is built from the same table as TrainingConfig, key by key and kind by kind;
  // settingsSchema.test.ts checks that each key parses to its kind.
  return z.object(shape) as unknown as z.ZodType<TrainingConfig>;
}

/**
 * The settings of a project file, share link or run record. Unknown keys are dropped
 * (see `unknownSettings`), missing ones take their default.
 */
export const trainingConfigSchema = configSchema();

/** The human message when a setting's value is outside what a run accepts, or null. */
export function settingProblem(key: SettingKey, value: unknown): string | null {
  const spec = settingSpec(key);
  switch (spec.kind) {
    case 'int':
    case 'real':
      return numberProblem(typeof value === 'number' ? value : NaN, settingRule(spec));
    case 'choice':
      return spec.options.some((o) => o.value === value)
        ? null
        : `${spec.label} must be one of ${spec.options.map((o) => o.label).join(', ')}.`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `${spec.label} must be on or off.`;
    case 'split':
      return validateSplitRatios(value as SplitRatios);
    default: {
      const never: never = spec;
      throw new Error(`Unknown setting kind ${String(never)}`);
    }
  }
}

/** Every setting outside its range, in the table's order. */
export function trainingConfigProblems(
  config: TrainingConfig,
): { key: SettingKey; message: string }[] {
  const out: { key: SettingKey; message: string }[] = [];
  for (const key of SETTING_KEYS) {
    const message = settingProblem(key, config[key]);
    if (message !== null) out.push({ key, message });
  }
  return out;
}

/**
 * Settings turned on that this dataset cannot use (e.g. cross-validation above its row
 * limit), each with the reason and what to do. A setting at its default always works.
 */
export function unavailableSettings(
  config: TrainingConfig,
  dataset: SettingDataset,
): { key: SettingKey; message: string }[] {
  const out: { key: SettingKey; message: string }[] = [];
  for (const key of SETTING_KEYS) {
    const spec = settingSpec(key);
    if (!spec.form.unavailable || config[key] === spec.default) continue;
    const reason = spec.form.unavailable(dataset);
    if (reason !== null) out.push({ key, message: `${reason} Turn off "${spec.label}".` });
  }
  return out;
}

function formatSetting(key: SettingKey, value: unknown): string {
  if (typeof value === 'number') return value.toLocaleString('en', { maximumFractionDigits: 20 });
  if (key === 'split' && typeof value === 'object' && value !== null) {
    const r = value as SplitRatios;
    return [r.train, r.validation, r.test].map((p) => `${+(p * 100).toFixed(4)}%`).join(' / ');
  }
  return String(value);
}

/**
 * Warnings for a loaded config, naming `where` it came from and each setting outside its
 * range: "The project file sets Epochs to 200,000: Epochs must be from 1 to 100,000. …".
 */
export function trainingConfigWarnings(config: TrainingConfig, where: string): string[] {
  return trainingConfigProblems(config).map(
    ({ key, message }) =>
      `${where} sets ${settingSpec(key).label} to ${formatSetting(key, config[key])}: ${message} Change it before training.`,
  );
}

/** Keys of a raw config object that the table does not know (dropped when parsed). */
export function unknownSettings(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  const known = new Set<string>(SETTING_KEYS);
  return Object.keys(raw).filter((k) => !known.has(k));
}
