/**
 * The compare view's per-class reports: each selected run's precision, recall and F1 per
 * class side by side, what differs from the baseline run (the oldest) highlighted with
 * its difference. Older records contribute the figures their confusion counts imply.
 */
import { Fragment, useMemo } from 'react';
import {
  compareClassReports,
  runClassReport,
  type ComparedCell,
} from '../../core/evaluation/compareReports';
import type { RunRecord } from '../../core/runs/record';
import { useRunsOutputs } from '../../state/useRunOutputs';
import { reportCellText } from './format';

function CellOf({ cell, run }: { cell: ComparedCell; run: string }) {
  const text = reportCellText(cell);
  if (!cell.differs || cell.delta === null) return <td>{text}</td>;
  const sign = cell.delta > 0 ? '+' : '−';
  return (
    <td className="differs">
      <mark
        title={`${run} differs from the baseline run by ${sign}${Math.abs(cell.delta).toFixed(2)}`}
      >
        {text} ({sign}
        {Math.abs(cell.delta).toFixed(2)})
      </mark>
    </td>
  );
}

export function CompareClassReports({ runs }: { runs: RunRecord[] }) {
  const outputs = useRunsOutputs(runs);
  const reports = useMemo(
    () =>
      runs.map((r, i) => {
        const o = outputs[i];
        return runClassReport(r, o?.status === 'ready' ? o.outputs : null);
      }),
    [runs, outputs],
  );
  const rows = useMemo(() => compareClassReports(reports), [reports]);
  const shown = runs.filter((_, i) => reports[i] !== null);
  if (shown.length === 0) return null;
  const loading = outputs.some((o) => o?.status === 'loading');
  const base = runs[reports.findIndex((r) => r !== null)]!;
  return (
    <section aria-labelledby="compare-class-heading">
      <h3 id="compare-class-heading">Per-class test reports</h3>
      <p className="muted">
        Differences from {base.name} are highlighted (with the difference).
        {reports.some((r) => r?.source === 'confusion') &&
          ' Runs saved before outputs were kept show the figures of their confusion counts.'}
        {loading && ' Reading stored outputs…'}
      </p>
      <div className="cm-scroll">
        <table className="compare-table report-table" data-testid="compare-class-reports">
          <caption>Precision, recall and F1 per class on each run's test split</caption>
          <thead>
            <tr>
              <td />
              {runs.map((r, i) =>
                reports[i] ? (
                  <th key={r.id} scope="colgroup" colSpan={3}>
                    {r.name}
                  </th>
                ) : null,
              )}
            </tr>
            <tr>
              <th scope="col">Class</th>
              {runs.map((r, i) =>
                reports[i] ? (
                  <Fragment key={r.id}>
                    <th scope="col">Precision</th>
                    <th scope="col">Recall</th>
                    <th scope="col">F1</th>
                  </Fragment>
                ) : null,
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr
                key={`${row.kind}:${row.label}`}
                data-testid="compare-class-row"
                data-class={row.label}
              >
                <th scope="row">{row.label}</th>
                {runs.map((r, i) => {
                  if (!reports[i]) return null;
                  const c = row.runs[i];
                  if (!c)
                    return (
                      <td key={r.id} colSpan={3} className="muted">
                        not in this run
                      </td>
                    );
                  return (
                    <Fragment key={r.id}>
                      <CellOf cell={c.precision} run={r.name} />
                      <CellOf cell={c.recall} run={r.name} />
                      <CellOf cell={c.f1} run={r.name} />
                    </Fragment>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
