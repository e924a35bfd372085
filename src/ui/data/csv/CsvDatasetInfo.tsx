import type { CsvDatasetReport } from '../../../core/data/csv/types';

/** The pipeline as the model sees it: feature count, what was skipped, transformed rows. */
export function CsvDatasetInfo({ report }: { report: CsvDatasetReport }) {
  const names = report.featureNames;
  const shown = Math.min(names.length, 8);
  return (
    <section className="csv-info" aria-label="Preprocessing pipeline">
      <p data-testid="csv-feature-line">{report.featureLine}</p>
      {report.report.length > 0 && (
        <ul className="csv-report" data-testid="csv-skipped-report">
          {report.report.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <div className="csv-transformed">
        <table aria-label="Rows the model receives">
          <thead>
            <tr>
              {names.slice(0, shown).map((n) => (
                <th key={n} scope="col">
                  {n}
                </th>
              ))}
              {names.length > shown && <th scope="col">… {names.length - shown} more</th>}
            </tr>
          </thead>
          <tbody>
            {report.previewRows.map((row, i) => (
              <tr key={i}>
                {row.slice(0, shown).map((v, j) => (
                  <td key={j}>{v.toFixed(3)}</td>
                ))}
                {names.length > shown && <td>…</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
