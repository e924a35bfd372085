import { useState } from 'react';
import { useAppStore } from '../../state/store';
import { selectTrainingActive } from '../../state/trainingSlice';
import { loadDataset } from '../../state/actions';
import { SplitControl } from './SplitControl';
import { ImageUpload } from './images/ImageUpload';
import { ClassBalanceNote } from './csv/ClassBalanceNote';
import { CsvDatasetInfo } from './csv/CsvDatasetInfo';
import { CsvUpload } from './csv/CsvUpload';

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

function SyntheticControls(props: { size: number; noise: number; disabled: boolean }) {
  const [size, setSize] = useState(String(props.size));
  const [noise, setNoise] = useState(props.noise);
  const [error, setError] = useState<string | null>(null);
  const apply = (nextSize: string, nextNoise: number) => {
    const n = Number(nextSize);
    if (!Number.isInteger(n) || n < 20 || n > 5000) {
      setError('Points must be a whole number from 20 to 5,000.');
      return;
    }
    setError(null);
    const choice = useAppStore.getState().datasetChoice;
    if (choice.kind !== 'synthetic') return;
    if (choice.size === n && choice.noise === nextNoise) return;
    loadDataset({ ...choice, size: n, noise: nextNoise }, false);
  };
  return (
    <fieldset className="synthetic" disabled={props.disabled}>
      <legend>Generate points</legend>
      <label className="field">
        <span>Points</span>
        <input
          type="number"
          min={20}
          max={5000}
          step={10}
          value={size}
          onChange={(e) => setSize(e.target.value)}
          onBlur={() => apply(size, noise)}
          onKeyDown={(e) => e.key === 'Enter' && apply(size, noise)}
        />
      </label>
      <label className="field">
        <span>Noise: {noise.toFixed(2)}</span>
        <input
          type="range"
          min={0}
          max={0.5}
          step={0.01}
          value={noise}
          onChange={(e) => setNoise(Number(e.target.value))}
          onPointerUp={() => apply(size, noise)}
          onKeyUp={() => apply(size, noise)}
        />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** "Examples to use": a seeded, stratified sample of a bundled dataset for quick runs. */
function SampleControl(props: {
  limit: number | undefined;
  total: number | undefined;
  disabled: boolean;
}) {
  const [draft, setDraft] = useState(props.limit === undefined ? '' : String(props.limit));
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const choice = useAppStore.getState().datasetChoice;
    if (choice.kind !== 'bundled') return;
    const raw = draft.trim();
    if (raw === '') {
      setError(null);
      if (choice.limit !== undefined) loadDataset({ kind: 'bundled', id: choice.id }, false);
      return;
    }
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 20) {
      setError('Examples to use must be a whole number, at least 20 (or empty for all).');
      return;
    }
    setError(null);
    if (choice.limit !== n) loadDataset({ kind: 'bundled', id: choice.id, limit: n }, false);
  };
  return (
    <fieldset className="sample" disabled={props.disabled}>
      <legend>Sample</legend>
      <label className="field">
        <span>Examples to use (empty: all)</span>
        <input
          type="number"
          min={20}
          value={draft}
          placeholder={props.total ? `all` : ''}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
        />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
