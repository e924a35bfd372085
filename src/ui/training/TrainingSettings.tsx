import { useEffect, useState } from 'react';
import { useAppStore } from '../../state/store';
import type { LossName, OptimizerName, TrainingConfig } from '../../core/train/types';

const OPTIMIZERS: { value: OptimizerName; label: string }[] = [
  { value: 'sgd', label: 'SGD' },
  { value: 'momentum', label: 'SGD with momentum (0.9)' },
  { value: 'adam', label: 'Adam' },
  { value: 'rmsprop', label: 'RMSprop' },
  { value: 'adagrad', label: 'Adagrad' },
];

const LOSSES: { value: 'auto' | LossName; label: string }[] = [
  { value: 'auto', label: 'Auto (from the task)' },
  { value: 'categoricalCrossentropy', label: 'Categorical cross-entropy' },
  { value: 'binaryCrossentropy', label: 'Binary cross-entropy' },
  { value: 'meanSquaredError', label: 'Mean squared error' },
  { value: 'meanAbsoluteError', label: 'Mean absolute error' },
];

type NumericKey = 'learningRate' | 'batchSize' | 'epochs' | 'seed';

interface NumberRule {
  label: string;
  integer: boolean;
  min: number;
  max: number;
  help: string;
}

const RULES: Record<NumericKey, NumberRule> = {
  learningRate: {
    label: 'Learning rate',
    integer: false,
    min: 1e-6,
    max: 10,
    help: 'Step size of each update: too high diverges, too low crawls.',
  },
  batchSize: {
    label: 'Batch size',
    integer: true,
    min: 1,
    max: 4096,
    help: 'Examples per update: larger is smoother and faster per example, but uses more memory.',
  },
  epochs: {
    label: 'Epochs',
    integer: true,
    min: 1,
    max: 1000,
    help: 'Passes over the training split.',
  },
  seed: {
    label: 'Seed',
    integer: true,
    min: 0,
    max: 2 ** 31 - 1,
    help: 'Fixes the split, initial weights, dropout and batch order: same seed, same run.',
  },
};

/** Parses a typed setting; returns a human message when it is out of range. */
export function parseSetting(
  key: NumericKey,
  raw: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const r = RULES[key];
  const v = Number(raw.trim());
  const range = `${r.min.toLocaleString('en')} to ${r.max.toLocaleString('en')}`;
  if (raw.trim() === '' || !Number.isFinite(v))
    return { ok: false, message: `${r.label} must be a number from ${range}.` };
  if (r.integer && !Number.isInteger(v))
    return { ok: false, message: `${r.label} must be a whole number from ${range}.` };
  if (v < r.min || v > r.max) return { ok: false, message: `${r.label} must be from ${range}.` };
  return { ok: true, value: v };
}

function NumberSetting({ k }: { k: NumericKey }) {
  const value = useAppStore((s) => s.config[k]);
  const setConfig = useAppStore((s) => s.setConfig);
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(String(value)), [value]);
  const id = `setting-${k}`;
  const onChange = (raw: string) => {
    setDraft(raw);
    const parsed = parseSetting(k, raw);
    if (parsed.ok) {
      setError(null);
      setConfig({ [k]: parsed.value } as Partial<TrainingConfig>);
    } else setError(parsed.message);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{RULES[k].label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => {
          setDraft(String(useAppStore.getState().config[k]));
          setError(null);
        }}
      />
      <small id={`${id}-help`} className="help">
        {RULES[k].help}
      </small>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Optimizer, learning rate, batch size, epochs, loss, seed and class weights. */
export function TrainingSettings() {
  const config = useAppStore((s) => s.config);
  const setConfig = useAppStore((s) => s.setConfig);
  const dataset = useAppStore((s) => s.dataset);
  return (
    <section className="panel settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Training settings</h2>
      <label className="field">
        <span>Optimizer</span>
        <select
          value={config.optimizer}
          onChange={(e) => setConfig({ optimizer: e.target.value as OptimizerName })}
        >
          {OPTIMIZERS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <NumberSetting k="learningRate" />
      <NumberSetting k="batchSize" />
      <NumberSetting k="epochs" />
      <label className="field">
        <span>Loss</span>
        <select
          value={config.loss}
          onChange={(e) => setConfig({ loss: e.target.value as TrainingConfig['loss'] })}
        >
          {LOSSES.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <NumberSetting k="seed" />
      {dataset && dataset.task !== 'regression' && (
        <label className="field checkbox">
          <input
            type="checkbox"
            checked={config.classWeights}
            onChange={(e) => setConfig({ classWeights: e.target.checked })}
          />
          <span>Weight classes by rarity (n / (classes × count))</span>
        </label>
      )}
    </section>
  );
}
