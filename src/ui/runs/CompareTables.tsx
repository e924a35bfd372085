import { useMemo, useState } from 'react';
import type { RunRecord } from '../../core/runs/record';
import { diffConfigs } from '../../core/runs/configDiff';
import { STATUS_LABEL, formatDuration, formatMetric } from './format';

/** What differs from the baseline (the oldest compared run), highlighted. */
export function ConfigDiffTable({ runs }: { runs: RunRecord[] }) {
  const [base, ...others] = runs;
  if (!base || others.length === 0) return null;
  const rows = others.map((r) => ({ run: r, diffs: diffConfigs(base, r) }));
  return (
    <section aria-labelledby="config-diff-heading">
      <h3 id="config-diff-heading">What differs from {base.name}</h3>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Differences</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ run, diffs }) => (
            <tr key={run.id}>
              <th scope="row">{run.name}</th>
              <td>
                {diffs.length === 0 ? (
                  <span className="muted">Same configuration</span>
                ) : (
                  <ul className="diff-list">
                    {diffs.map((d) => (
                      <li key={d.path + d.text}>
                        <mark data-testid="config-diff" data-path={d.path}>
                          {d.text}
                        </mark>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface Column {
  key: string;
  label: string;
  value: (r: RunRecord) => number | string | null;
}

const last = (r: RunRecord) => r.epochs[r.epochs.length - 1];

/** The dataset's name with the start of its content hash (runs from before hashes: name only). */
function dataLabel(r: RunRecord): string {
  const hash = r.dataset.content?.hash;
  return hash
    ? `${r.dataset.name} · ${hash.slice(hash.indexOf(':') + 1, hash.indexOf(':') + 9)}`
    : r.dataset.name;
}

function columnsFor(regression: boolean): Column[] {
  const common: Column[] = [
    { key: 'name', label: 'Run', value: (r) => r.name },
    { key: 'status', label: 'Status', value: (r) => STATUS_LABEL[r.status] },
    { key: 'epochs', label: 'Epochs', value: (r) => r.epochs.length },
    { key: 'data', label: 'Data (fingerprint)', value: dataLabel },
    { key: 'loss', label: 'Train loss', value: (r) => last(r)?.loss ?? null },
    { key: 'valLoss', label: 'Val loss', value: (r) => last(r)?.valLoss ?? null },
  ];
  const task: Column[] = regression
    ? [
        { key: 'valMae', label: 'Val MAE', value: (r) => last(r)?.valMae ?? null },
        { key: 'testMae', label: 'Test MAE', value: (r) => r.evaluation?.mae ?? null },
        { key: 'testRmse', label: 'Test RMSE', value: (r) => r.evaluation?.rmse ?? null },
      ]
    : [
        { key: 'valAcc', label: 'Val accuracy', value: (r) => last(r)?.valAccuracy ?? null },
        { key: 'testAcc', label: 'Test accuracy', value: (r) => r.evaluation?.accuracy ?? null },
      ];
  return [
    ...common,
    ...task,
    { key: 'testLoss', label: 'Test loss', value: (r) => r.evaluation?.loss ?? null },
    { key: 'duration', label: 'Duration', value: (r) => r.durationMs },
  ];
}

function compareValues(a: number | string | null, b: number | string | null): number {
  if (a === null || (typeof a === 'number' && !Number.isFinite(a))) return 1;
  if (b === null || (typeof b === 'number' && !Number.isFinite(b))) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

/** Final metrics of each run; click a column header to sort by it. */
export function FinalMetricsTable({
  runs,
  colours,
  regression,
}: {
  runs: RunRecord[];
  colours: Map<string, string>;
  regression: boolean;
}) {
  const columns = useMemo(() => columnsFor(regression), [regression]);
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const sorted = useMemo(() => {
    const col = columns.find((c) => c.key === sort.key) ?? columns[0]!;
    return [...runs].sort((a, b) => sort.dir * compareValues(col.value(a), col.value(b)));
  }, [runs, columns, sort]);
  return (
    <section aria-labelledby="final-metrics-heading">
      <h3 id="final-metrics-heading">Final metrics</h3>
      <table className="compare-table" data-testid="final-metrics">
        <thead>
          <tr>
            {columns.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={
                  sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'
                }
              >
                <button
                  type="button"
                  className="sort"
                  onClick={() =>
                    setSort((s) => ({ key: c.key, dir: s.key === c.key ? (-s.dir as 1 | -1) : 1 }))
                  }
                >
                  {c.label}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id}>
              {columns.map((c) => {
                const v = c.value(r);
                const text =
                  c.key === 'duration' && typeof v === 'number'
                    ? formatDuration(v)
                    : typeof v === 'number' && c.key !== 'epochs'
                      ? formatMetric(v)
                      : String(v ?? '–');
                return c.key === 'name' ? (
                  <th key={c.key} scope="row">
                    <span className="swatch" style={{ background: colours.get(r.id) }} />
                    {text}
                  </th>
                ) : (
                  <td key={c.key}>{text}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Each run's confusion matrix on its test split, side by side. */
export function ConfusionMatrices({ runs }: { runs: RunRecord[] }) {
  const withMatrix = runs.filter((r) => r.evaluation?.confusion);
  if (withMatrix.length === 0) return null;
  return (
    <section aria-labelledby="confusion-heading">
      <h3 id="confusion-heading">
        Confusion matrices (test split; rows actual, columns predicted)
      </h3>
      <div className="confusion-row">
        {withMatrix.map((r) => {
          const m = r.evaluation!.confusion!;
          const names = r.dataset.classNames;
          return (
            <table key={r.id} className="compare-table confusion" data-testid="compare-confusion">
              <caption>{r.name}</caption>
              <thead>
                <tr>
                  <td />
                  {m.map((_, j) => (
                    <th key={j} scope="col">
                      {names[j] ?? j}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {m.map((row, i) => (
                  <tr key={i}>
                    <th scope="row">{names[i] ?? i}</th>
                    {row.map((v, j) => (
                      <td key={j} className={i === j ? 'diagonal' : undefined}>
                        {v}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>
    </section>
  );
}
