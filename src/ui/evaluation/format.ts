/** How the evaluation views write numbers: hooks hold plain fractions with 4 decimals. */
import type { ReportCell } from '../../core/evaluation/report';

/** A metric as a plain number with 4 decimals; '' when undefined (NaN, null). */
export function fixed4(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '' : x.toFixed(4);
}

/** A table figure with 2 decimals, as sklearn prints it; "0.00*" when it rests on 0/0. */
export function reportCellText(cell: ReportCell): string {
  return `${cell.value.toFixed(2)}${cell.zeroDivision ? '*' : ''}`;
}

/** A share as a percentage for prose ("12.5%"). */
export function percent(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '–';
}

/** A value in the target's units, short ("1,234.5", "0.0123"). */
export function shortNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (abs !== 0 && abs < 0.01) return x.toExponential(2);
  return x.toLocaleString('en', { maximumFractionDigits: abs >= 100 ? 1 : 3 });
}
