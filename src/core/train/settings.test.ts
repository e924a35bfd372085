/**
 * The settings table is the one description of the training config: every entry gets a
 * control, a schema key, a check and a default inside its range. These tests iterate the
 * table, so a new entry is checked without anyone writing a test for it.
 */
import { describe, expect, it } from 'vitest';
import { searchSpecProblem } from '../search/space';
import {
  DEFAULT_TRAINING_CONFIG,
  SETTING_KEYS,
  TRAINING_SETTINGS,
  settingSpec,
  type SettingKey,
  type TrainingConfig,
  type SettingSpec,
} from './settings';
import { settingProblem, trainingConfigSchema, unavailableSettings } from './settingsSchema';

/** A value of the wrong kind for a setting, which the schema must refuse. */
function wrongKind(spec: SettingSpec): unknown {
  return spec.kind === 'int' || spec.kind === 'real' ? 'seven' : 7;
}

describe.each(SETTING_KEYS)('the setting %s', (key) => {
  const spec = settingSpec(key);

  it('has a label, help and a control in one of the panels', () => {
    expect(spec.label.length).toBeGreaterThan(0);
    expect(spec.help.length).toBeGreaterThan(10);
    // The training panel draws its controls from the table; the top bar and the data
    // panel place theirs by hand, so only the backend and the split may live there.
    const placed: Record<string, readonly string[]> = { topBar: ['backend'], data: ['split'] };
    if (spec.form.panel !== 'training') expect(placed[spec.form.panel]).toContain(key);
    else expect(['int', 'real', 'choice', 'boolean']).toContain(spec.kind);
  });

  it('has a default inside its range, which is the default config', () => {
    expect(settingProblem(key, spec.default)).toBeNull();
    expect(DEFAULT_TRAINING_CONFIG[key]).toEqual(spec.default);
  });

  it('is in the schema: refused when of the wrong kind, defaulted when missing', () => {
    const bad = trainingConfigSchema.safeParse({
      ...DEFAULT_TRAINING_CONFIG,
      [key]: wrongKind(spec),
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual([key]);
    const missing: Record<string, unknown> = { ...DEFAULT_TRAINING_CONFIG };
    delete missing[key];
    expect(trainingConfigSchema.parse(missing)).toEqual(DEFAULT_TRAINING_CONFIG);
  });

  it('is checked against its range with a message naming it', () => {
    if (spec.kind === 'int' || spec.kind === 'real') {
      const { min, max, minExclusive } = spec.range;
      expect(settingProblem(key, max)).toBeNull();
      expect(settingProblem(key, minExclusive ? min : min - 1)).toContain(spec.label);
      expect(settingProblem(key, max * 2 + 1)).toContain(spec.label);
    } else if (spec.kind === 'choice') {
      for (const o of spec.options) expect(settingProblem(key, o.value)).toBeNull();
      expect(settingProblem(key, 'not-an-option')).toContain(spec.label);
    }
  });

  it('has search metadata that fits its range or options', () => {
    if (!('search' in spec) || !spec.search) return;
    const value =
      spec.kind === 'choice'
        ? { kind: 'choice' as const, options: spec.options.map((o) => o.value) }
        : { kind: spec.kind, bounds: spec.range };
    expect(searchSpecProblem(spec.search, value)).toBeNull();
  });
});

describe('the settings table', () => {
  it('gives every setting its own label', () => {
    const labels = SETTING_KEYS.map((k) => TRAINING_SETTINGS[k].label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('keeps the labels and ranges the form and files have always used', () => {
    expect(TRAINING_SETTINGS.learningRate.label).toBe('Learning rate');
    expect(TRAINING_SETTINGS.epochs.label).toBe('Epochs');
    expect(TRAINING_SETTINGS.batchSize.label).toBe('Batch size');
    expect(TRAINING_SETTINGS.seed.label).toBe('Seed');
    // The wider of the old form's and the old project schema's ranges.
    expect(TRAINING_SETTINGS.batchSize.range).toEqual({ min: 1, max: 65536 });
    expect(TRAINING_SETTINGS.epochs.range).toEqual({ min: 1, max: 100_000 });
    expect(TRAINING_SETTINGS.seed.range).toEqual({ min: 0, max: 2 ** 32 - 1 });
  });

  it('gives the defaults the app has always had', () => {
    expect(DEFAULT_TRAINING_CONFIG).toEqual({
      optimizer: 'adam',
      learningRate: 0.01,
      batchSize: 32,
      epochs: 30,
      loss: 'auto',
      seed: 42,
      backend: 'auto',
      split: { train: 0.7, validation: 0.15, test: 0.15 },
      classWeights: false,
      crossValidate: false,
      // The remedies are all off by default: a run trains as it always has.
      earlyStopping: false,
      earlyStoppingMonitor: 'valLoss',
      earlyStoppingMinDelta: 0,
      earlyStoppingPatience: 5,
      restoreBestWeights: true,
      lrSchedule: 'constant',
      lrDecayEpochs: 10,
      lrDecayFactor: 0.5,
      lrWarmupEpochs: 0,
      plateauFactor: 0.1,
      plateauPatience: 10,
      layerStats: false,
      clipNorm: 0,
    });
  });

  it('shows the dependent controls only when their remedy is on', () => {
    const shown = (key: SettingKey, config: Partial<TrainingConfig>) =>
      settingSpec(key).form.shownWhen?.({ ...DEFAULT_TRAINING_CONFIG, ...config }) ?? true;
    expect(shown('earlyStoppingPatience', {})).toBe(false);
    expect(shown('earlyStoppingPatience', { earlyStopping: true })).toBe(true);
    expect(shown('lrWarmupEpochs', { lrSchedule: 'cosine' })).toBe(true);
    expect(shown('lrDecayFactor', { lrSchedule: 'cosine' })).toBe(false);
    expect(shown('plateauPatience', { lrSchedule: 'plateau' })).toBe(true);
    expect(shown('earlyStoppingMonitor', { lrSchedule: 'plateau' })).toBe(true);
    expect(shown('clipNorm', {})).toBe(true);
  });
});

describe('unavailableSettings', () => {
  const data = (n: number) => ({ n, kind: 'tabular' as const, task: 'multiclass' as const });

  it('names a setting turned on that the dataset cannot use, with the reason and the fix', () => {
    const on = { ...DEFAULT_TRAINING_CONFIG, crossValidate: true };
    expect(unavailableSettings(on, data(5000))).toEqual([]);
    expect(unavailableSettings(on, data(5001))).toEqual([
      {
        key: 'crossValidate',
        message:
          'Cross-validation is for datasets of at most 5,000 rows; this one has 5,001. Turn off "Cross-validate (5 folds)".',
      },
    ]);
  });

  it('never blocks the defaults', () => {
    expect(unavailableSettings(DEFAULT_TRAINING_CONFIG, data(1_000_000))).toEqual([]);
  });
});
