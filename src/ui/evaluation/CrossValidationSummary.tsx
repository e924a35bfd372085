import { useMemo } from 'react';
import { useAppStore } from '../../state/store';
import { crossValidationSummary } from '../../core/runs/crossValidation';
import type { FoldHistory, RunRecord } from '../../core/runs/record';
import './crossValidation.css';

// Plain numbers with 4 decimals: part of the automation contract (cv-mean, cv-std).
const fixed = (v: number | null) => (v === null ? '' : v.toFixed(4));

/**
 * A cross-validated run's metrics: per metric, the single split's validation figure and
 * beside it the folds' mean ± sample standard deviation. Nothing before a fold finishes.
 */
export function CrossValidationSummary({
  record,
}: {
  record: Pick<RunRecord, 'folds' | 'epochs'>;
}) {
  const folds = record.folds;
  const rows = useMemo(
    () => (folds ? crossValidationSummary(folds, record.epochs) : []),
    [folds, record.epochs],
  );
  if (!folds || rows.length === 0) return null;
  const of = folds[0]?.of ?? 0;
  const finished = folds.filter((f) => f.evaluation !== null).length;
  return (
    <section className="evaluation cross-validation" aria-labelledby="cv-heading">
      <h3 id="cv-heading">
        Cross-validation ({finished === of ? `${of} folds` : `${finished} of ${of} folds so far`})
      </h3>
      <p className="help">
        Each fold&apos;s model trained on {foldShare(folds)} of the training and validation rows,
        with the preprocessing fitted on those rows only, and was measured on the rest; the test
        split was held out. Mean ± sample standard deviation over the folds, beside the final
        model&apos;s validation figure.
      </p>
      <table className="cv-table">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Single split</th>
            <th scope="col">Folds: mean ± std</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.metric} data-testid="cv-row" data-metric={r.metric}>
              <th scope="row">{r.label}</th>
              <td data-testid="cv-single-split" data-metric={r.metric}>
                {fixed(r.singleSplit)}
              </td>
              <td title={`Folds: ${r.values.map((v) => v.toFixed(4)).join(', ')}`}>
                <span data-testid="cv-mean" data-metric={r.metric}>
                  {fixed(r.mean)}
                </span>
                {' ± '}
                <span data-testid="cv-std" data-metric={r.metric}>
                  {fixed(r.std)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** "4/5" for five folds. */
function foldShare(folds: readonly FoldHistory[]): string {
  const of = folds[0]?.of ?? 0;
  return `${of - 1}/${of}`;
}

const NO_EPOCHS: RunRecord['epochs'] = [];

/** The live (or latest) run's cross-validation summary, for the workspace. */
export function LiveCrossValidationSummary() {
  const folds = useAppStore((s) => s.run?.record.folds);
  const epochs = useAppStore((s) => s.run?.record.epochs ?? NO_EPOCHS);
  const record = useMemo(() => ({ folds, epochs }), [folds, epochs]);
  if (!folds) return null;
  return <CrossValidationSummary record={record} />;
}
