import { useState } from 'react';
import { useAppStore } from '../../state/store';
import { selectTrainingActive } from '../../state/trainingSlice';
import { parseNumberInput, type NumberRule } from '../../core/input/numberRule';
import type { SplitRatios } from '../../core/data/types';
import { TRAINING_SETTINGS } from '../../core/train/settings';
import { NumberField } from '../forms/NumberField';

type Share = keyof SplitRatios;
type Percents = Record<Share, number>;

const percentsOf = (split: SplitRatios): Percents => ({
  train: Math.round(split.train * 100),
  validation: Math.round(split.validation * 100),
  test: Math.round(split.test * 100),
});

const shareRule = (label: string): NumberRule => ({
  label,
  integer: false,
  min: 0,
  max: Number.MAX_VALUE,
  message: 'Each share must be a number of percent, 0 or more.',
});

/** Why three shares cannot be the split, or null when they can. */
function sharesProblem({ train: t, validation: v, test: te }: Percents): string | null {
  if (t < 10) return 'The training share must be at least 10%.';
  if (v <= 0) return 'The validation share must be above 0%: it drives the validation curves.';
  if (Math.abs(t + v + te - 100) > 1e-9)
    return `The shares add up to ${t + v + te}%; they must add up to 100%.`;
  return null;
}

/** One seeded train/validation/test split control for every dataset (percentages). */
export function SplitControl() {
  const split = useAppStore((s) => s.config.split);
  const setConfig = useAppStore((s) => s.setConfig);
  const active = useAppStore(selectTrainingActive);
  // Shares typed so far, over the split they were typed on: a split set from outside
  // (an opened project) replaces them.
  const [pending, setPending] = useState<{ over: SplitRatios; percents: Percents } | null>(null);
  const [error, setError] = useState<{ over: SplitRatios; message: string } | null>(null);
  const percents = pending?.over === split ? pending.percents : percentsOf(split);
  const commit = (key: Share, value: number) => {
    const next = { ...percents, [key]: value };
    const problem = sharesProblem(next);
    setPending({ over: split, percents: next });
    setError(problem === null ? null : { over: split, message: problem });
    if (problem === null) {
      setConfig({
        split: {
          train: next.train / 100,
          validation: next.validation / 100,
          test: next.test / 100,
        },
      });
    }
  };
  const field = (key: Share, label: string) => (
    <NumberField
      label={label}
      value={percents[key]}
      parse={(raw) => parseNumberInput(raw, shareRule(label))}
      onCommit={(v) => commit(key, v)}
      commitOn="blur"
      inputProps={{ type: 'number', min: 0, max: 100 }}
    />
  );
  return (
    <fieldset className="split" disabled={active}>
      <legend>{TRAINING_SETTINGS.split.label} (%), seeded and stratified</legend>
      <div className="split-row">
        {field('train', 'Train %')}
        {field('validation', 'Validation %')}
        {field('test', 'Test %')}
      </div>
      {error?.over === split && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
    </fieldset>
  );
}
