import { COLUMN_TYPES, type ColumnProfile, type ColumnType } from '../../../core/data/csv/types';
import type { ColumnSpec, MissingStrategy, Scaling } from '../../../core/data/pipeline/spec';
import { Histogram } from './Histogram';
import { updateColumn } from '../../../state/csvUpload';
import { useWindow } from './useWindow';

const ROW_HEIGHT = 34;
const HEIGHT = 300;

const MISSING: { value: MissingStrategy; label: string }[] = [
  { value: 'mean', label: 'mean' },
  { value: 'median', label: 'median' },
  { value: 'mostFrequent', label: 'most frequent' },
  { value: 'constant', label: 'constant' },
  { value: 'drop', label: 'drop rows' },
];
const SCALING: { value: Scaling; label: string }[] = [
  { value: 'standardize', label: 'standardize' },
  { value: 'minmax', label: 'min-max' },
  { value: 'none', label: 'none' },
];

/** One row per column: include, type (override), missing and distinct counts, histogram, preprocessing. */
export function ColumnList(props: {
  profiles: ColumnProfile[];
  columns: ColumnSpec[];
  target: string;
}) {
  const { profiles, columns, target } = props;
  const win = useWindow({
    rows: columns.length,
    cols: 1,
    rowHeight: ROW_HEIGHT,
    colWidth: 1,
    height: HEIGHT,
    width: 1,
  });
  return (
    <div
      className="csv-columns"
      role="table"
      aria-label="Columns"
      aria-rowcount={columns.length + 1}
    >
      <div className="csv-col-row csv-col-head" role="row">
        <span role="columnheader">Use</span>
        <span role="columnheader">Column</span>
        <span role="columnheader">Type</span>
        <span role="columnheader">Missing</span>
        <span role="columnheader">Distinct</span>
        <span role="columnheader">Histogram</span>
        <span role="columnheader">Fill missing</span>
        <span role="columnheader">Scaling</span>
      </div>
      <div
        className="csv-col-body"
        style={{ height: HEIGHT }}
        onScroll={win.onScroll}
        data-testid="csv-column-list"
      >
        <div style={{ height: columns.length * ROW_HEIGHT, position: 'relative' }}>
          {columns.slice(win.firstRow, win.lastRow).map((c, k) => {
            const i = win.firstRow + k;
            const p = profiles[i];
            const isTarget = c.name === target;
            // Dates expand to numeric year, month and weekday features.
            const numeric = c.type === 'numeric' || c.type === 'boolean' || c.type === 'date';
            return (
              <div
                key={c.name}
                className="csv-col-row"
                role="row"
                aria-rowindex={i + 2}
                data-testid="csv-column"
                data-column={c.name}
                style={{ position: 'absolute', top: i * ROW_HEIGHT, height: ROW_HEIGHT }}
              >
                <span role="cell">
                  <input
                    type="checkbox"
                    aria-label={`Use column ${c.name}`}
                    checked={c.include || isTarget}
                    disabled={isTarget}
                    onChange={(e) => updateColumn(c.name, { include: e.target.checked })}
                  />
                </span>
                <span role="cell" className="csv-col-name" title={p?.excludeReason ?? c.name}>
                  {c.name}
                  {isTarget && <em> (target)</em>}
                  {!c.include && !isTarget && p?.excludeReason && (
                    <small className="muted"> — {p.excludeReason}</small>
                  )}
                </span>
                <span role="cell">
                  <select
                    aria-label={`Type of ${c.name}`}
                    value={c.type}
                    onChange={(e) => updateColumn(c.name, { type: e.target.value as ColumnType })}
                  >
                    {COLUMN_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {t}
                      </option>
                    ))}
                  </select>
                </span>
                <span role="cell" data-testid="csv-missing">
                  {p?.missing ?? 0}
                </span>
                <span role="cell">{p?.distinct ?? 0}</span>
                <span role="cell">
                  <Histogram bins={p?.histogram ?? []} label={`Distribution of ${c.name}`} />
                </span>
                <span role="cell">
                  <select
                    aria-label={`Fill missing ${c.name}`}
                    value={c.missing}
                    disabled={isTarget}
                    onChange={(e) =>
                      updateColumn(c.name, { missing: e.target.value as MissingStrategy })
                    }
                  >
                    {MISSING.filter(
                      (m) => numeric || (m.value !== 'mean' && m.value !== 'median'),
                    ).map((m) => (
                      <option key={m.value} value={m.value}>
                        {m.label}
                      </option>
                    ))}
                  </select>
                </span>
                <span role="cell">
                  {numeric ? (
                    <select
                      aria-label={`Scaling of ${c.name}`}
                      value={c.scaling}
                      disabled={isTarget}
                      onChange={(e) => updateColumn(c.name, { scaling: e.target.value as Scaling })}
                    >
                      {SCALING.map((m) => (
                        <option key={m.value} value={m.value}>
                          {m.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <select
                      aria-label={`Over 50 categories in ${c.name}`}
                      value={c.highCardinality}
                      disabled={isTarget}
                      onChange={(e) =>
                        updateColumn(c.name, {
                          highCardinality: e.target.value as ColumnSpec['highCardinality'],
                        })
                      }
                    >
                      <option value="top20">one-hot, top 20 + Other</option>
                      <option value="exclude">one-hot, exclude if &gt; 50</option>
                    </select>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
