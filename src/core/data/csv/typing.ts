/**
 * Column typing and profiles (missing and distinct counts, a small histogram, what to
 * exclude and why), and the task a target column implies.
 */
import type { TaskKind } from '../../graph/types';
import { cellNumber, columnFromTexts, columnTexts, isMissing, type CsvColumn } from './column';
import type { ColumnProfile, ColumnType, CsvTable, TargetTask } from './types';

export { cellNumber, isMissing };
const TRUE_WORDS = new Set(['true', 'yes', 't', 'y']);
const FALSE_WORDS = new Set(['false', 'no', 'f', 'n']);
const ID_NAME = /(^id$|_id$|^index$|^row$)/i;
const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;
const ISO_DATE =
  /^\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DMY_DATE = /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/;
// A column is numeric when at least this share of its present cells are numbers.
const NUMERIC_SHARE = 0.9;
const MAX_BAD_ROWS_LISTED = 5;
/** A numeric target with at most this many distinct whole numbers is a classification. */
export const MAX_INTEGER_CLASSES = 10;

/**
 * Year, month (1–12) and weekday (0 = Sunday) of an ISO date (2024-03-01, with an
 * optional time) or a day/month/year one (month/day/year when the day is over 12);
 * null when the cell is not such a date.
 */
export function dateParts(cell: string): [number, number, number] | null {
  const t = cell.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t);
  const dmy = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) {
    const [a, b] = [Number(dmy[1]), Number(dmy[2])];
    [d, m] = b > 12 ? [b, a] : [a, b];
    y = Number(dmy[3]);
    if (y < 100) y += y < 70 ? 2000 : 1900;
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return [y, m, date.getUTCDay()];
}

/** 1 for true/yes/t/y/1, 0 for false/no/f/n/0, NaN otherwise. */
export function cellBoolean(cell: string): number {
  const t = cell.trim().toLowerCase();
  if (TRUE_WORDS.has(t) || t === '1') return 1;
  if (FALSE_WORDS.has(t) || t === '0') return 0;
  return NaN;
}

/** Profiles every column of a table. Rows are reported as file rows (header = row 1). */
export function profileTable(table: CsvTable): ColumnProfile[] {
  return table.columns.map((cells, j) =>
    profileColumn(table.headers[j] ?? `column ${j + 1}`, cells, table.hasHeader ? 2 : 1),
  );
}

const asColumn = (c: CsvColumn | readonly string[]): CsvColumn =>
  Array.isArray(c) ? columnFromTexts(c) : (c as CsvColumn);

/** The profile of one column; `firstRow` is the file row of its first cell. */
export function profileColumn(
  name: string,
  column: CsvColumn | readonly string[],
  firstRow = 2,
): ColumnProfile {
  const col = asColumn(column);
  if (col.kind === 'numbers') {
    const numeric = profileNumbers(name, col, firstRow);
    if (numeric) return numeric;
  }
  return profileTexts(name, col.kind === 'text' ? col.values : columnTexts(col), firstRow);
}

/** The fast path of a column stored as numbers; null when it is not numeric after all. */
function profileNumbers(
  name: string,
  col: Extract<CsvColumn, { kind: 'numbers' }>,
  firstRow: number,
): ColumnProfile | null {
  // One typed pass (no per-cell arrays): this runs for every column of a wide file
  // (Fashion-MNIST as CSV: 785 columns × 60,000 rows).
  const values = col.values;
  let presentCount = 0;
  let integerCount = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    presentCount++;
    if (Number.isInteger(v)) integerCount++;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  let nonFinite = 0;
  for (const t of col.bad.values()) if (NON_FINITE.test(t)) nonFinite++;
  const total = presentCount + col.bad.size;
  const numbers = presentCount + nonFinite;
  if (total === 0 || numbers < total * NUMERIC_SHARE) return null;
  const distinct =
    distinctNumbers(values, presentCount, integerCount, lo, hi) + new Set(col.bad.values()).size;
  const integers = integerCount + nonFinite;
  const allUnique = distinct === total && total >= 20;
  const type: ColumnType =
    allUnique && integers === numbers && (ID_NAME.test(name) || isConsecutive(presentOf(values)))
      ? 'identifier'
      : 'numeric';
  let badNumbers: ColumnProfile['badNumbers'] = null;
  if (col.bad.size > 0) {
    const entries = [...col.bad.entries()].slice(0, MAX_BAD_ROWS_LISTED);
    badNumbers = {
      count: col.bad.size,
      rows: entries.map(([r]) => firstRow + r),
      example: entries[0]![1],
    };
  }
  return {
    name,
    inferredType: type,
    missing: col.values.length - presentCount,
    distinct,
    histogram: numericHistogram(values),
    excludeReason: excludeReason(type, distinct, total),
    badNumbers,
  };
}

function profileTexts(name: string, cells: readonly string[], firstRow: number): ColumnProfile {
  const present: string[] = [];
  let missing = 0;
  for (const c of cells) {
    if (isMissing(c)) missing++;
    else present.push(c.trim());
  }
  const distinctValues = new Set(present);
  const distinct = distinctValues.size;
  const type = inferType(name, present, distinctValues);
  let badNumbers: ColumnProfile['badNumbers'] = null;
  if (type === 'numeric') {
    const rows: number[] = [];
    let count = 0;
    let example = '';
    cells.forEach((c, i) => {
      if (!isMissing(c) && Number.isNaN(cellNumber(c))) {
        count++;
        if (rows.length < MAX_BAD_ROWS_LISTED) rows.push(firstRow + i);
        if (example === '') example = c.trim();
      }
    });
    if (count > 0) badNumbers = { count, rows, example };
  }
  return {
    name,
    inferredType: type,
    missing: missing + (badNumbers?.count ?? 0),
    distinct,
    histogram: histogram(type, present),
    excludeReason: excludeReason(type, distinct, present.length),
    badNumbers,
  };
}

function inferType(name: string, present: string[], distinct: Set<string>): ColumnType {
  if (present.length === 0) return 'categorical';
  const lower = [...distinct].map((v) => v.toLowerCase());
  if (lower.every((v) => TRUE_WORDS.has(v) || FALSE_WORDS.has(v))) return 'boolean';
  let numbers = 0;
  let integers = 0;
  for (const v of present) {
    const x = cellNumber(v);
    if (!Number.isNaN(x)) {
      numbers++;
      if (Number.isInteger(x)) integers++;
    } else if (NON_FINITE.test(v)) {
      // NaN and Infinity mean a numeric column with bad cells, not a text column.
      numbers++;
      integers++;
    }
  }
  const n = present.length;
  const allUnique = distinct.size === n && n >= 20;
  if (numbers >= n * NUMERIC_SHARE && numbers > 0) {
    const idName = ID_NAME.test(name);
    return allUnique && integers === numbers && (idName || isConsecutive(present.map(Number)))
      ? 'identifier'
      : 'numeric';
  }
  let dates = 0;
  for (const v of present) if (ISO_DATE.test(v) || DMY_DATE.test(v)) dates++;
  if (dates >= n * NUMERIC_SHARE) return 'date';
  const meanLength = present.reduce((a, v) => a + v.length, 0) / n;
  if (distinct.size > Math.max(50, n * 0.5) && (meanLength > 20 || /\s\S+\s/.test(present[0]!))) {
    return 'text';
  }
  if (allUnique) return 'identifier';
  return 'categorical';
}

function isConsecutive(values: number[]): boolean {
  const xs = [...values].sort((a, b) => a - b);
  return xs.every((x, i) => i === 0 || x - xs[i - 1]! === 1);
}

function excludeReason(type: ColumnType, distinct: number, present: number): string | null {
  if (present === 0) return 'every cell is missing';
  if (type === 'identifier') return 'ID-like: every value is different';
  if (distinct <= 1) return 'constant: a single value';
  if (type === 'text') return 'free text is excluded by default';
  if (type === 'date') return 'dates are excluded by default (included: year, month, weekday)';
  return null;
}

function histogram(type: ColumnType, present: string[]): number[] {
  if (type === 'numeric') {
    return numericHistogram(present.map(cellNumber).filter((x) => !Number.isNaN(x)));
  }
  const counts = new Map<string, number>();
  for (const v of present) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.values()].sort((a, b) => b - a).slice(0, 10);
}

/** Ten equal-width bins over the numbers (NaN skipped); empty when there are none. */
function numericHistogram(xs: ArrayLike<number>): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (lo > hi) return [];
  const bins = new Array<number>(10).fill(0);
  const width = hi - lo || 1;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (!Number.isNaN(x)) bins[Math.min(9, Math.floor(((x - lo) / width) * 10))]! += 1;
  }
  return bins;
}

function presentOf(values: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) out.push(values[i]!);
  return out;
}

// Whole numbers within this range are counted with a byte map instead of a Set.
const MAX_DENSE_RANGE = 1 << 20;

/** Distinct non-NaN values; a byte map for whole numbers in a small range (e.g. pixels). */
function distinctNumbers(
  values: Float64Array,
  present: number,
  integers: number,
  lo: number,
  hi: number,
): number {
  if (present === 0) return 0;
  if (integers === present && hi - lo < MAX_DENSE_RANGE) {
    const seen = new Uint8Array(hi - lo + 1);
    let distinct = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (Number.isNaN(v)) continue;
      const k = v - lo;
      if (seen[k] === 0) {
        seen[k] = 1;
        distinct++;
      }
    }
    return distinct;
  }
  const set = new Set<number>();
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) set.add(values[i]!);
  return set.size;
}

/** The task a target column implies, or why it cannot be a target. */
export function inferTask(
  profile: ColumnProfile,
  column: CsvColumn | readonly string[],
  type: ColumnType = profile.inferredType,
): TargetTask {
  const col = asColumn(column);
  // More distinct numbers than classes allowed: regression, without a pass over the cells.
  if (
    col.kind === 'numbers' &&
    type === 'numeric' &&
    profile.inferredType === 'numeric' &&
    profile.distinct > MAX_INTEGER_CLASSES
  ) {
    return { ok: true, task: 'regression' };
  }
  // Numbers stay numbers here: this runs for every column of a wide file.
  const keys = new Set<number | string>();
  let count = 0;
  let first = '';
  if (col.kind === 'numbers') {
    col.values.forEach((v, r) => {
      const bad = col.bad.get(r);
      if (Number.isNaN(v) && bad === undefined) return;
      keys.add(bad ?? v);
      count++;
      if (count === 1) first = bad ?? String(v);
    });
  } else {
    for (const c of col.values) {
      if (isMissing(c)) continue;
      keys.add(c.trim());
      count++;
      if (count === 1) first = c.trim();
    }
  }
  const classes = keys.size;
  const present = { length: count, first };
  if (present.length === 0) {
    return { ok: false, message: `Target "${profile.name}" has no values: choose another column.` };
  }
  let task: TaskKind;
  if (type === 'numeric') {
    const xs = [...keys].map((k) => (typeof k === 'number' ? k : cellNumber(k)));
    const small = xs.every((x) => Number.isInteger(x)) && xs.length <= MAX_INTEGER_CLASSES;
    task = small ? (xs.length === 2 ? 'binary' : 'multiclass') : 'regression';
  } else task = classes === 2 ? 'binary' : 'multiclass';
  if (task !== 'regression' && classes < 2) {
    return {
      ok: false,
      message: `Target "${profile.name}" has a single class ("${present.first}"): a classifier needs at least two classes.`,
    };
  }
  if (task !== 'regression' && classes === present.length && present.length > 2) {
    return {
      ok: false,
      message: `Target "${profile.name}" has as many classes as rows (${classes}): every row is its own class, so nothing can be learned. Choose another target, or a numeric one for regression.`,
    };
  }
  return { ok: true, task };
}
