import { useAppStore } from '../../state/store';
import { parseNumberInput } from '../../core/input/numberRule';
import {
  SETTING_KEYS,
  settingSpec,
  type ChoiceSetting,
  type NumberSetting,
  type SettingKey,
  type TrainingConfig,
} from '../../core/train/settings';
import { settingRule } from '../../core/train/settingsSchema';
import { NumberField } from '../forms/NumberField';

// Every control is drawn from the settings table: labels, help, ranges and options.
const set = (key: SettingKey, value: unknown) =>
  useAppStore.getState().setConfig({ [key]: value } as Partial<TrainingConfig>);

function NumberSettingField({ k, spec }: { k: SettingKey; spec: NumberSetting }) {
  const value = useAppStore((s) => s.config[k]) as number;
  const rule = settingRule(spec);
  return (
    <NumberField
      id={`setting-${k}`}
      label={spec.label}
      help={spec.help}
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

function SettingControl({ k, classification }: { k: SettingKey; classification: boolean }) {
  const spec = settingSpec(k);
  const checked = useAppStore((s) => s.config[k] === true);
  if (spec.form.classificationOnly && !classification) return null;
  switch (spec.kind) {
    case 'int':
    case 'real':
      return <NumberSettingField k={k} spec={spec} />;
    case 'choice':
      return <ChoiceSettingField k={k} spec={spec} />;
    case 'boolean':
      return (
        <label className="field checkbox" title={spec.help}>
          <input type="checkbox" checked={checked} onChange={(e) => set(k, e.target.checked)} />
          <span>{spec.label}</span>
        </label>
      );
    case 'split':
      // Ratios are edited next to the data they split (SplitControl in the data panel).
      return null;
    default: {
      const never: never = spec;
      throw new Error(`No control for ${String(never)}`);
    }
  }
}

/** Optimizer, learning rate, batch size, epochs, loss, seed and class weights. */
export function TrainingSettings() {
  const dataset = useAppStore((s) => s.dataset);
  const classification = !!dataset && dataset.task !== 'regression';
  return (
    <section className="panel settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Training settings</h2>
      {SETTING_KEYS.filter((k) => settingSpec(k).form.panel === 'training').map((k) => (
        <SettingControl key={k} k={k} classification={classification} />
      ))}
    </section>
  );
}
