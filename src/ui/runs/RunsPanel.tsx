import { memo, useEffect, useMemo, useState } from 'react';
import { useAppStore } from '../../state/store';
import { selectTrainingActive } from '../../state/trainingSlice';
import {
  deleteRun,
  deleteUnreadableRun,
  editRun,
  initRuns,
  undoDeleteRun,
} from '../../state/persistence/runsStore';
import { keyMetrics, type RunRecord } from '../../core/runs/record';
import { Sparkline } from './Sparkline';
import { STATUS_LABEL, formatBytes, formatMetric } from './format';
import { openRunInEditor } from './openInEditor';
import { openReport } from '../evaluation/openReport';
import { canContinue, continueFromCheckpoint } from './continueFromCheckpoint';
import { RunParent } from './RunParent';
import { openDiagnosis } from '../diagnostics/openDiagnosis';
import './runs.css';

// Records are immutable: a size is computed once per record object. Without the cache
// every change to the list (each save of a training run) serialised every stored run.
const recordSizes = new WeakMap<RunRecord, number>();

/** Size of a run as stored, approximately: JSON of the record plus its kept weights. */
function recordBytes(run: RunRecord): number {
  const known = recordSizes.get(run);
  if (known !== undefined) return known;
  const weights = (run.checkpoints.final?.bytes ?? 0) + (run.checkpoints.best?.bytes ?? 0);
  const bytes = new Blob([JSON.stringify(run)]).size + weights;
  recordSizes.set(run, bytes);
  return bytes;
}

function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    ),
  ];
}

const RunRow = memo(function RunRow({
  run,
  selected,
  bytes,
  parentName,
}: {
  run: RunRecord;
  selected: boolean;
  bytes: number;
  /** A child run's parent name; null when the parent was deleted (or there is none). */
  parentName: string | null;
}) {
  const toggle = useAppStore((s) => s.toggleRunSelected);
  const live = useAppStore((s) => s.run?.record.id === run.id && selectTrainingActive(s));
  const [name, setName] = useState(run.name);
  const [tags, setTags] = useState(run.tags.join(', '));
  useEffect(() => setName(run.name), [run.name]);
  useEffect(() => setTags(run.tags.join(', ')), [run.tags]);
  const m = keyMetrics(run);
  const regression = m.valMae !== null && m.valAccuracy === null;
  const valLosses = useMemo(() => run.epochs.map((e) => e.valLoss), [run.epochs]);
  const commitName = () => {
    const next = name.trim();
    if (next === '') setName(run.name);
    else if (next !== run.name) editRun(run.id, { name: next });
  };
  return (
    <li
      className={`run-row${selected ? ' selected' : ''}`}
      data-testid="run-row"
      data-run-id={run.id}
      data-run-name={run.name}
      data-status={run.status}
      data-epochs={run.epochs.length}
      data-weights-epoch={run.checkpoints.final?.epoch ?? ''}
    >
      <input
        type="checkbox"
        checked={selected}
        onChange={() => toggle(run.id)}
        aria-label={`Select ${run.name} for comparison`}
      />
      <button
        type="button"
        className="star"
        aria-pressed={run.starred}
        aria-label={`Star ${run.name}`}
        onClick={() => editRun(run.id, { starred: !run.starred })}
      >
        {run.starred ? '★' : '☆'}
      </button>
      <input
        className="run-name"
        aria-label="Run name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        onBlur={commitName}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') setName(run.name);
        }}
      />
      <span className={`run-status status-${run.status}`} data-testid="run-status">
        {STATUS_LABEL[run.status]}
      </span>
      <span className="run-epochs" data-testid="run-epochs">
        {run.epochs.length}/{run.config.epochs} epochs
      </span>
      <span className="run-metric">
        {regression ? 'val MAE ' : 'val acc '}
        <span data-testid={regression ? 'run-val-mae' : 'run-val-accuracy'}>
          {formatMetric(regression ? m.valMae : m.valAccuracy)}
        </span>
      </span>
      <span className="run-metric">
        {regression ? 'test MAE ' : 'test acc '}
        <span data-testid={regression ? 'run-test-mae' : 'run-test-accuracy'}>
          {formatMetric(regression ? m.testMae : m.testAccuracy)}
        </span>
      </span>
      <Sparkline values={valLosses} label={`Validation loss of ${run.name} per epoch`} />
      {run.lineage && <RunParent lineage={run.lineage} parentName={parentName} />}
      <span className="muted run-size" title="Storage used by this run">
        {formatBytes(bytes)}
      </span>
      <button type="button" onClick={() => openRunInEditor(run)}>
        Open in editor
      </button>
      <button
        type="button"
        onClick={() => openReport(run.id)}
        aria-label={`Report of ${run.name}`}
        title="Show this run's evaluation report"
      >
        Report
      </button>
      <button
        type="button"
        onClick={() => openDiagnosis(run.id)}
        aria-label={`Diagnose ${run.name}`}
        title="Show what the diagnostics find in this run"
      >
        Diagnose
      </button>
      {canContinue(run) && (
        <button
          type="button"
          onClick={() => continueFromCheckpoint(run)}
          title={`Train on from epoch ${run.checkpoints.final?.epoch ?? 0}'s weights and optimizer state.`}
        >
          Continue
        </button>
      )}
      <button
        type="button"
        onClick={() => deleteRun(run.id)}
        disabled={live}
        title={live ? 'This run is training; stop it first.' : undefined}
        aria-label={`Delete ${run.name}`}
      >
        Delete
      </button>
      <details className="run-details">
        <summary>Notes and tags{run.tags.length > 0 ? ` (${run.tags.join(', ')})` : ''}</summary>
        <label className="field">
          <span>Notes</span>
          <textarea
            defaultValue={run.notes}
            rows={2}
            onBlur={(e) => {
              if (e.target.value !== run.notes) editRun(run.id, { notes: e.target.value });
            }}
          />
        </label>
        <label className="field">
          <span>Tags (comma-separated)</span>
          <input
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            onBlur={() => {
              const next = parseTags(tags);
              if (next.join(',') !== run.tags.join(',')) editRun(run.id, { tags: next });
            }}
          />
        </label>
      </details>
    </li>
  );
});

/** The stored runs: status, key metrics, sparkline; select two or more to compare. */
export function RunsPanel() {
  useEffect(() => {
    void initRuns();
  }, []);
  const runs = useAppStore((s) => s.runs);
  const unreadable = useAppStore((s) => s.unreadableRuns);
  const selected = useAppStore((s) => s.selectedRunIds);
  const lastDeleted = useAppStore((s) => s.lastDeletedRun);
  const storage = useAppStore((s) => s.storage);
  const runsError = useAppStore((s) => s.runsError);
  const runsLoaded = useAppStore((s) => s.runsLoaded);
  const setCompareOpen = useAppStore((s) => s.setCompareOpen);
  const sizes = useMemo(() => new Map(runs.map((r) => [r.id, recordBytes(r)])), [runs]);
  const names = useMemo(() => new Map(runs.map((r) => [r.id, r.name])), [runs]);
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  const selectedCount = runs.filter((r) => selected.includes(r.id)).length;
  return (
    <section className="panel runs-panel" aria-labelledby="runs-heading">
      <div className="runs-header">
        <h2 id="runs-heading">Runs</h2>
        <button
          type="button"
          className="primary"
          disabled={selectedCount < 2}
          onClick={() => setCompareOpen(true)}
          title={selectedCount < 2 ? 'Select two or more runs to compare them.' : undefined}
        >
          Compare
        </button>
        <span className="muted" data-testid="runs-storage">
          Runs use {formatBytes(total)}
          {storage?.usage != null && storage.quota != null
            ? ` · site storage ${formatBytes(storage.usage)} of ${formatBytes(storage.quota)}`
            : ''}
          {storage?.persisted === false ? ' · not persistent: the browser may clear it' : ''}
        </span>
      </div>
      {runsError && (
        <p className="error" role="alert">
          {runsError}
        </p>
      )}
      {lastDeleted && (
        <div className="notice info" role="status">
          <span>Deleted {lastDeleted.name}.</span>
          <button type="button" onClick={undoDeleteRun}>
            Undo delete
          </button>
        </div>
      )}
      {runsLoaded && runs.length === 0 && unreadable.length === 0 && (
        <p className="muted">No runs yet: press Train and each run is kept here.</p>
      )}
      <ul className="runs-list" aria-label="Saved runs">
        {runs.map((r) => (
          <RunRow
            key={r.id}
            run={r}
            selected={selected.includes(r.id)}
            bytes={sizes.get(r.id) ?? 0}
            parentName={names.get(r.lineage?.parentId ?? '') ?? null}
          />
        ))}
        {unreadable.map((u) => (
          <li key={u.id} className="run-row unreadable" data-testid="run-row-unreadable">
            <span className="run-name">{u.name}</span>
            <span className="muted">
              Unreadable ({u.id}): {u.reason}
            </span>
            <button
              type="button"
              onClick={() => deleteUnreadableRun(u.id)}
              aria-label={`Delete unreadable run ${u.name}`}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
