import { useEffect, useRef, useState } from 'react';
import { COLUMN_TYPES, type ColumnType } from '../../../core/data/csv/types';
import { estimateFeatures } from '../../../core/data/pipeline/spec';
import type { TaskKind } from '../../../core/graph/types';
import { useAppStore } from '../../../state/store';
import { selectTrainingActive } from '../../../state/trainingSlice';
import { ColumnList } from './ColumnList';
import { CsvSplitOptions } from './CsvSplitOptions';
import { DataGrid } from './DataGrid';
import type { Scaling } from '../../../core/data/pipeline/spec';
import {
  bulkInclude,
  bulkScaling,
  confirmCsvUpload,
  discardCsvUpload,
  setTarget,
  setTask,
  uploadCsv,
  useCsvUpload,
} from '../../../state/csvUpload';

const DELIMITER_NAMES: Record<string, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

/** The preview of a parsed CSV, opened over the workspace: target, task, columns, pipeline. */
export function CsvPreview() {
  const parsed = useCsvUpload((s) => s.parsed);
  const columns = useCsvUpload((s) => s.columns);
  const target = useCsvUpload((s) => s.target);
  const task = useCsvUpload((s) => s.task);
  const error = useCsvUpload((s) => s.error);
  const file = useCsvUpload((s) => s.file);
  const loading = useAppStore((s) => s.datasetLoading);
  const training = useAppStore(selectTrainingActive);
  const [pattern, setPattern] = useState('');
  const [bulkType, setBulkType] = useState<ColumnType | 'any'>('any');
  const [bulkNote, setBulkNote] = useState<string | null>(null);
  const [bulkScale, setBulkScale] = useState<Scaling>('minmax');
  const heading = useRef<HTMLHeadingElement>(null);
  const openedId = parsed?.uploadId;
  // Focus moves into the preview when a file opens, so the keyboard follows.
  useEffect(() => {
    if (openedId) heading.current?.focus();
  }, [openedId]);
  if (!parsed) return null;
  const estimate = estimateFeatures(parsed.profiles, columns, target);
  const bulk = (include: boolean) => {
    const n = bulkInclude(pattern, bulkType, include);
    setBulkNote(`${include ? 'Included' : 'Excluded'} ${n} column${n === 1 ? '' : 's'}.`);
  };
  return (
    <div className="csv-preview-backdrop">
      <section
        className="csv-preview"
        role="dialog"
        aria-modal="false"
        aria-labelledby="csv-preview-title"
        onKeyDown={(e) => e.key === 'Escape' && discardCsvUpload()}
      >
        <header className="csv-preview-head">
          <h2 id="csv-preview-title" tabIndex={-1} ref={heading}>
            {parsed.fileName}
          </h2>
          <p className="muted" data-testid="csv-facts">
            {parsed.nRows.toLocaleString('en')} rows × {parsed.headers.length} columns ·{' '}
            {DELIMITER_NAMES[parsed.delimiter] ?? parsed.delimiter}-delimited · {parsed.encoding}
            {parsed.stored ? ' · kept in this browser' : ''}
          </p>
          <button type="button" onClick={discardCsvUpload}>
            Close
          </button>
        </header>
        {parsed.warnings.length > 0 && (
          <div role="alert" className="warning" data-testid="csv-warnings">
            {parsed.warnings.map((w) => (
              <p key={w}>{w}</p>
            ))}
          </div>
        )}
        {error && (
          <p role="alert" className="error" data-testid="csv-error">
            {error}
          </p>
        )}
        <div className="csv-controls">
          <label className="field checkbox">
            <input
              type="checkbox"
              checked={parsed.hasHeader}
              onChange={(e) => file && uploadCsv(file, e.target.checked)}
            />
            <span>First row is a header</span>
          </label>
          <label className="field">
            <span>Target column</span>
            <select value={target} onChange={(e) => setTarget(e.target.value)}>
              {parsed.headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Task</span>
            <select value={task} onChange={(e) => setTask(e.target.value as TaskKind)}>
              <option value="binary">binary classification</option>
              <option value="multiclass">multiclass classification</option>
              <option value="regression">regression</option>
            </select>
          </label>
        </div>
        <CsvSplitOptions nRows={parsed.nRows} />
        <fieldset className="csv-bulk">
          <legend>Select columns</legend>
          <label className="field">
            <span>Name pattern</span>
            <input
              value={pattern}
              onChange={(e) => setPattern(e.target.value)}
              placeholder="e.g. ^pixel"
            />
          </label>
          <label className="field">
            <span>Of type</span>
            <select
              value={bulkType}
              onChange={(e) => setBulkType(e.target.value as ColumnType | 'any')}
            >
              <option value="any">any</option>
              {COLUMN_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => bulk(true)}>
            Include matching
          </button>
          <button type="button" onClick={() => bulk(false)}>
            Exclude matching
          </button>
          <label className="field">
            <span>Scaling of matching</span>
            <select value={bulkScale} onChange={(e) => setBulkScale(e.target.value as Scaling)}>
              <option value="standardize">standardize</option>
              <option value="minmax">min-max</option>
              <option value="none">none</option>
            </select>
          </label>
          <button
            type="button"
            onClick={() => {
              const n = bulkScaling(pattern, bulkType, bulkScale);
              setBulkNote(
                `Set ${bulkScale === 'minmax' ? 'min-max' : bulkScale} scaling on ${n} column${n === 1 ? '' : 's'}.`,
              );
            }}
          >
            Set scaling
          </button>
          {bulkNote && <span role="status">{bulkNote}</span>}
        </fieldset>
        <ColumnList profiles={parsed.profiles} columns={columns} target={target} />
        <p data-testid="csv-feature-estimate">
          {estimate.onehot > 0 ? `one-hot of ${estimate.onehot} categorical` : 'numeric'}:{' '}
          {estimate.inputs} → {estimate.features} features (estimated; fitted on the training split
          when loaded)
        </p>
        <p className="muted small">
          The first {parsed.previewRows.length.toLocaleString('en')} of{' '}
          {parsed.nRows.toLocaleString('en')} rows, as read:
        </p>
        <DataGrid headers={parsed.headers} rows={parsed.previewRows} />
        <footer className="csv-preview-foot">
          <button
            type="button"
            className="primary"
            onClick={confirmCsvUpload}
            disabled={loading || training}
          >
            Use this dataset
          </button>
        </footer>
      </section>
    </div>
  );
}
