/**
 * The per-class table in scikit-learn's classification_report layout: precision, recall,
 * F1 and support per class, then accuracy, macro and weighted averages; beside each
 * recall, the majority-class baseline's.
 */
import { memo } from 'react';
import type { ReportCell, ClassificationReport } from '../../core/evaluation/report';
import { classReportCsv } from '../../core/evaluation/reportCsv';
import { reportCellText } from './format';
import { CopyCsvButton } from './ReportTools';

function Cell({ cell }: { cell: ReportCell }) {
  return (
    <td
      className={cell.zeroDivision ? 'zero-division' : undefined}
      title={cell.zeroDivision ? 'Zero division, counted as 0' : undefined}
    >
      {reportCellText(cell)}
    </td>
  );
}

export const ClassReportTable = memo(function ClassReportTable({
  report,
  classNames,
  baselineRecall,
  caption,
}: {
  report: ClassificationReport;
  classNames: readonly string[];
  /** The majority-class baseline's recall per class (absent for older records). */
  baselineRecall?: readonly ReportCell[];
  caption: string;
}) {
  const name = (c: number) => classNames[c] ?? String(c);
  const anyZero = [report.macro, report.weighted, ...report.classes].some(
    (r) => r.precision.zeroDivision || r.recall.zeroDivision || r.f1.zeroDivision,
  );
  const total = report.macro.support;
  const hasBaseline = baselineRecall !== undefined;
  return (
    <div className="class-report">
      <div className="cm-tools">
        <CopyCsvButton what="per-class table" csv={() => classReportCsv(report, classNames)} />
      </div>
      <table className="report-table" data-testid="class-report">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">Precision</th>
            <th scope="col">Recall</th>
            <th scope="col">F1-score</th>
            <th scope="col">Support</th>
            {hasBaseline && <th scope="col">Baseline recall</th>}
          </tr>
        </thead>
        <tbody>
          {report.classes.map((row, c) => (
            <tr key={c} data-testid="class-report-row" data-class={name(c)}>
              <th scope="row">{name(c)}</th>
              <Cell cell={row.precision} />
              <Cell cell={row.recall} />
              <Cell cell={row.f1} />
              <td>{row.support}</td>
              {hasBaseline && baselineRecall[c] && <Cell cell={baselineRecall[c]} />}
            </tr>
          ))}
        </tbody>
        <tbody className="averages">
          <tr>
            <th scope="row">accuracy</th>
            <td />
            <td />
            <td>{Number.isFinite(report.accuracy) ? report.accuracy.toFixed(2) : '–'}</td>
            <td>{total}</td>
            {hasBaseline && <td />}
          </tr>
          {(
            [
              ['macro avg', report.macro],
              ['weighted avg', report.weighted],
            ] as const
          ).map(([label, row]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <Cell cell={row.precision} />
              <Cell cell={row.recall} />
              <Cell cell={row.f1} />
              <td>{row.support}</td>
              {hasBaseline && <td />}
            </tr>
          ))}
        </tbody>
      </table>
      {anyZero && (
        <p className="footnote">
          * Zero division: a class never predicted has no precision, a class with no rows has no
          recall. Counted as 0, as scikit-learn does; an average marked * includes such a value.
        </p>
      )}
    </div>
  );
});
