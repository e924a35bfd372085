import { useState } from 'react';
import { parseNumberInput, type NumberRule } from '../../core/input/numberRule';
import { useAppStore } from '../../state/store';
import { selectTrainingActive } from '../../state/trainingSlice';
import { loadDataset } from '../../state/actions';
import { SplitControl } from './SplitControl';
import { ImageUpload } from './images/ImageUpload';
import { ClassBalanceNote } from './csv/ClassBalanceNote';
import { CsvDatasetInfo } from './csv/CsvDatasetInfo';
import { CsvUpload } from './csv/CsvUpload';
import { NumberField } from '../forms/NumberField';
import { AugmentationControls } from './images/AugmentationControls';
import { NO_AUGMENTATION } from '../../core/data/images/types';
import { RangeField } from '../forms/RangeField';
import { twoDecimals } from '../forms/formats';

/** What the loaded dataset is: size, shape, classes; controls for synthetic sets. */
export function DataPanel() {
  const dataset = useAppStore((s) => s.dataset);
  const loading = useAppStore((s) => s.datasetLoading);
  const error = useAppStore((s) => s.datasetError);
  const choice = useAppStore((s) => s.datasetChoice);
  const active = useAppStore(selectTrainingActive);
  return (
    <section className="panel data-panel" aria-labelledby="data-heading">
      <h2 id="data-heading">Data</h2>
      {/* Bringing one's own data comes first: the built-ins are one select away, above. */}
      <CsvUpload />
      <ImageUpload />
      {loading && <p className="muted">Loading dataset…</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {dataset && (
        <dl className="facts">
          <dt>Dataset</dt>
          <dd data-testid="dataset-name">{dataset.name}</dd>
          <dt>Rows</dt>
          <dd>{dataset.n.toLocaleString('en')}</dd>
          <dt>Example shape</dt>
          <dd>({dataset.featureShape.join(', ')})</dd>
          <dt>Task</dt>
          <dd>{dataset.task}</dd>
        </dl>
      )}
      {dataset && dataset.classNames.length > 0 && (
        <ClassBars names={dataset.classNames} counts={dataset.classCounts} />
      )}
      {dataset && dataset.classNames.length > 0 && (
        <ClassBalanceNote names={dataset.classNames} counts={dataset.classCounts} />
      )}
      {dataset?.csv && <CsvDatasetInfo report={dataset.csv} />}
      {choice.kind === 'synthetic' && (
        <SyntheticControls
          key={`${choice.id}`}
          size={choice.size}
          noise={choice.noise}
          disabled={active}
        />
      )}
      {choice.kind === 'bundled' && (
        <SampleControl key={choice.id} limit={choice.limit} total={dataset?.n} disabled={active} />
      )}
      {choice.kind === 'bundled' && dataset?.kind === 'image' && (
        <fieldset className="sample" disabled={active}>
          <AugmentationControls
            spec={choice.augmentation ?? NO_AUGMENTATION}
            onChange={(augmentation) => loadDataset({ ...choice, augmentation }, false)}
          />
        </fieldset>
      )}
      <SplitControl />
    </section>
  );
}

function ClassBars({ names, counts }: { names: string[]; counts: number[] }) {
  const max = Math.max(1, ...counts);
  return (
    <figure className="class-bars">
      <figcaption>Examples per class</figcaption>
      <ul>
        {names.map((name, i) => (
          <li key={name}>
            <span className="class-name">{name}</span>
            <span className="bar" style={{ width: `${((counts[i] ?? 0) / max) * 100}%` }} />
            <span className="count">{counts[i] ?? 0}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

const POINTS_RULE: NumberRule = {
  label: 'Points',
  integer: true,
  min: 20,
  max: 5000,
  message: 'Points must be a whole number from 20 to 5,000.',
};

const SAMPLE_RULE: NumberRule = {
  label: 'Examples to use',
  integer: true,
  min: 20,
  max: Number.MAX_SAFE_INTEGER,
  message: 'Examples to use must be a whole number, at least 20 (or empty for all).',
};

/** Regenerates the synthetic set with a new size or noise (the seed stays). */
function regenerate(size: number, noise: number): void {
  const choice = useAppStore.getState().datasetChoice;
  if (choice.kind !== 'synthetic') return;
  if (choice.size === size && choice.noise === noise) return;
  loadDataset({ ...choice, size, noise }, false);
}

function SyntheticControls(props: { size: number; noise: number; disabled: boolean }) {
  const [noise, setNoise] = useState(props.noise);
  return (
    <fieldset className="synthetic" disabled={props.disabled}>
      <legend>Generate points</legend>
      <NumberField
        label="Points"
        value={props.size}
        parse={(raw) => parseNumberInput(raw, POINTS_RULE)}
        onCommit={(n) => regenerate(n, noise)}
        commitOn="blur"
        inputProps={{ type: 'number', min: 20, max: 5000, step: 10 }}
      />
      <RangeField
        label="Noise"
        value={noise}
        min={0}
        max={0.5}
        step={0.01}
        format={twoDecimals}
        onChange={setNoise}
        onRelease={() => regenerate(props.size, noise)}
      />
    </fieldset>
  );
}

/** "Examples to use": a seeded, stratified sample of a bundled dataset for quick runs. */
function SampleControl(props: {
  limit: number | undefined;
  total: number | undefined;
  disabled: boolean;
}) {
  const apply = (limit: number | undefined) => {
    const choice = useAppStore.getState().datasetChoice;
    if (choice.kind !== 'bundled' || choice.limit === limit) return;
    const { limit: _old, ...rest } = choice;
    loadDataset(limit === undefined ? rest : { ...rest, limit }, false);
  };
  return (
    <fieldset className="sample" disabled={props.disabled}>
      <legend>Sample</legend>
      <NumberField<number | undefined>
        label="Examples to use (empty: all)"
        value={props.limit}
        parse={(raw) =>
          raw.trim() === '' ? { ok: true, value: undefined } : parseNumberInput(raw, SAMPLE_RULE)
        }
        onCommit={apply}
        commitOn="blur"
        inputProps={{ type: 'number', min: 20, placeholder: props.total ? 'all' : '' }}
      />
    </fieldset>
  );
}
