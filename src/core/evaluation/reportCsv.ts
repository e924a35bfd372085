/**
 * The per-class table and the confusion matrix as CSV ("Copy as CSV"), with RFC 4180
 * quoting so class names with commas or quotes survive a spreadsheet.
 */
import type { ClassificationReport, ReportCell, ReportRow } from './report';

/** One CSV field, quoted when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const line = (fields: readonly string[]) => fields.map(csvField).join(',');
const number = (x: number) => (Number.isFinite(x) ? String(Number(x.toFixed(6))) : '');

/**
 * sklearn's classification_report as CSV: a row per class, then accuracy and the macro and
 * weighted averages; `zero_division` names the columns that rest on 0/0 counted as 0.
 */
export function classReportCsv(
  report: ClassificationReport,
  classNames: readonly string[],
): string {
  const zeroDivision = (row: ReportRow) =>
    (['precision', 'recall', 'f1'] as const).filter((c) => row[c].zeroDivision).join(' ');
  const cells = (row: ReportRow) =>
    [row.precision, row.recall, row.f1].map((c: ReportCell) => number(c.value));
  const support = report.macro.support;
  const rows = [
    line(['class', 'precision', 'recall', 'f1-score', 'support', 'zero_division']),
    ...report.classes.map((row, c) =>
      line([classNames[c] ?? String(c), ...cells(row), String(row.support), zeroDivision(row)]),
    ),
    line(['accuracy', '', '', number(report.accuracy), String(support), '']),
    line(['macro avg', ...cells(report.macro), String(support), zeroDivision(report.macro)]),
    line([
      'weighted avg',
      ...cells(report.weighted),
      String(support),
      zeroDivision(report.weighted),
    ]),
  ];
  return rows.join('\n') + '\n';
}

/** A matrix with class names on both axes: rows actual, columns predicted. */
export function confusionCsv(
  matrix: readonly (readonly number[])[],
  classNames: readonly string[],
): string {
  const name = (c: number) => classNames[c] ?? String(c);
  const rows = [
    line(['actual \\ predicted', ...matrix.map((_, c) => name(c))]),
    ...matrix.map((row, a) => line([name(a), ...row.map(number)])),
  ];
  return rows.join('\n') + '\n';
}
