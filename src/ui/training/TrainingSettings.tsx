import { Fragment } from 'react';
import { useAppStore } from '../../state/store';
import { parseNumberInput } from '../../core/input/numberRule';
import {
  SETTING_KEYS,
  settingSpec,
  type BooleanSetting,
  type ChoiceSetting,
  type NumberSetting,
  type SettingDataset,
  type SettingKey,
  type TrainingConfig,
} from '../../core/train/settings';
import { settingRule } from '../../core/train/settingsSchema';
import { settingWarning, withSettingRules } from '../../core/train/configRules';
import { NumberField } from '../forms/NumberField';
import { LrFinderPanel } from './lrFinder/LrFinderPanel';

// Every control is drawn from the settings table: labels, help, ranges and options. A
// change goes through the rules between settings (plateau patience beside early stopping).
const set = (key: SettingKey, value: unknown) => {
  const s = useAppStore.getState();
  s.setConfig(withSettingRules(s.config, { [key]: value } as Partial<TrainingConfig>));
};

function NumberSettingField({ k, spec }: { k: SettingKey; spec: NumberSetting }) {
  const value = useAppStore((s) => s.config[k]) as number;
  const warning = useAppStore((s) => settingWarning(k, s.config));
  const rule = settingRule(spec);
  return (
    <NumberField
      id={`setting-${k}`}
      label={spec.label}
      help={spec.help}
      warning={warning}
      value={value}
      parse={(raw) => parseNumberInput(raw, rule)}
      onCommit={(v) => set(k, v)}
      inputProps={{ type: 'text', inputMode: 'decimal' }}
    />
  );
}

/** A select over one choice setting's options (also the top bar's backend). */
export function ChoiceSettingField(props: {
  k: SettingKey;
  spec: ChoiceSetting;
  className?: string;
  disabled?: boolean;
}) {
  const { k, spec } = props;
  const value = useAppStore((s) => s.config[k]) as string;
  return (
    <label className={props.className ?? 'field'} title={spec.help}>
      <span>{spec.label}</span>
      <select value={value} onChange={(e) => set(k, e.target.value)} disabled={props.disabled}>
        {spec.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A checkbox. When the dataset cannot use the setting it is disabled with the reason
 * beside it, unless it is on: then it stays enabled so it can be turned off (Train says why).
 */
function BooleanSettingField(props: {
  k: SettingKey;
  spec: BooleanSetting;
  dataset: SettingDataset | null;
}) {
  const { k, spec, dataset } = props;
  const checked = useAppStore((s) => s.config[k] === true);
  const reason = dataset ? (spec.form.unavailable?.(dataset) ?? null) : null;
  const reasonId = `setting-${k}-unavailable`;
  return (
    <div className="field">
      <label className="field inline" title={spec.help}>
        <input
          type="checkbox"
          checked={checked}
          disabled={reason !== null && !checked}
          aria-describedby={reason ? reasonId : undefined}
          onChange={(e) => set(k, e.target.checked)}
        />
        <span>{spec.label}</span>
      </label>
      {reason && (
        <span id={reasonId} className="help" data-testid="setting-unavailable" data-setting={k}>
          {reason}
        </span>
      )}
    </div>
  );
}

function SettingControl(props: {
  k: SettingKey;
  classification: boolean;
  dataset: SettingDataset | null;
}) {
  const { k, classification } = props;
  const spec = settingSpec(k);
  const shown = useAppStore((s) => spec.form.shownWhen?.(s.config) ?? true);
  if (spec.form.classificationOnly && !classification) return null;
  if (!shown) return null;
  switch (spec.kind) {
    case 'int':
    case 'real':
      return <NumberSettingField k={k} spec={spec} />;
    case 'choice':
      return <ChoiceSettingField k={k} spec={spec} />;
    case 'boolean':
      return <BooleanSettingField k={k} spec={spec} dataset={props.dataset} />;
    case 'split':
      // Ratios are edited next to the data they split (SplitControl in the data panel).
      return null;
    default: {
      const never: never = spec;
      throw new Error(`No control for ${String(never)}`);
    }
  }
}

/** Optimizer, learning rate, batch size, epochs, loss, seed, class weights, cross-validation. */
export function TrainingSettings() {
  const dataset = useAppStore((s) => s.dataset);
  const classification = !!dataset && dataset.task !== 'regression';
  return (
    <section className="panel settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Training settings</h2>
      {SETTING_KEYS.filter((k) => settingSpec(k).form.panel === 'training').map((k) => (
        <Fragment key={k}>
          <SettingControl k={k} classification={classification} dataset={dataset} />
          {/* The range test sits right under the setting it suggests a value for. */}
          {k === 'learningRate' && <LrFinderPanel />}
        </Fragment>
      ))}
    </section>
  );
}
