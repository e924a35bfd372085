import { useState } from 'react';
import { useAppStore } from '../../state/store';
import { selectTrainingActive } from '../../state/trainingSlice';

/** One seeded train/validation/test split control for every dataset (percentages). */
export function SplitControl() {
  const split = useAppStore((s) => s.config.split);
  const setConfig = useAppStore((s) => s.setConfig);
  const active = useAppStore(selectTrainingActive);
  const [draft, setDraft] = useState({
    train: String(Math.round(split.train * 100)),
    validation: String(Math.round(split.validation * 100)),
    test: String(Math.round(split.test * 100)),
  });
  const [error, setError] = useState<string | null>(null);
  const commit = (next: typeof draft) => {
    const t = Number(next.train);
    const v = Number(next.validation);
    const te = Number(next.test);
    if (![t, v, te].every((x) => Number.isFinite(x) && x >= 0)) {
      setError('Each share must be a number of percent, 0 or more.');
      return;
    }
    if (t < 10) {
      setError('The training share must be at least 10%.');
      return;
    }
    if (v <= 0) {
      setError('The validation share must be above 0%: it drives the validation curves.');
      return;
    }
    if (Math.abs(t + v + te - 100) > 1e-9) {
      setError(`The shares add up to ${t + v + te}%; they must add up to 100%.`);
      return;
    }
    setError(null);
    setConfig({ split: { train: t / 100, validation: v / 100, test: te / 100 } });
  };
  const field = (key: keyof typeof draft, label: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        max={100}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        onBlur={() => commit(draft)}
      />
    </label>
  );
  return (
    <fieldset className="split" disabled={active}>
      <legend>Split (%), seeded and stratified</legend>
      <div className="split-row">
        {field('train', 'Train %')}
        {field('validation', 'Validation %')}
        {field('test', 'Test %')}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
