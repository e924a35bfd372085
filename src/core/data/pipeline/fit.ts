/**
 * Fits the pipeline on the training rows only and applies it to any rows: imputation,
 * scaling, one-hot encoding with a cardinality guard. Unseen categories map to "Other";
 * zero variance or range never divides by zero.
 */
import { cellText, cellValue, type CsvColumn } from '../csv/column';
import { cellBoolean, dateParts, isMissing } from '../csv/typing';
import type { CsvTable } from '../csv/types';
import {
  DATE_PARTS,
  MAX_CATEGORIES,
  OTHER,
  TOP_CATEGORIES,
  type ColumnSpec,
  type FittedColumn,
  type FittedPipeline,
  type PipelineSpec,
} from './spec';

/** The value of a numeric or boolean cell, NaN when missing or not a number. */
function numericCell(spec: ColumnSpec, col: CsvColumn, r: number): number {
  if (spec.type !== 'boolean') return cellValue(col, r);
  const text = cellText(col, r);
  return isMissing(text) ? NaN : cellBoolean(text);
}

const isNumericType = (c: ColumnSpec) => c.type === 'numeric' || c.type === 'boolean';

/**
 * Fits every included column on `trainRows` (table row indices). Nothing outside those
 * rows is read, so validation and test rows cannot leak into the statistics.
 */
export function fitPipeline(
  table: CsvTable,
  spec: PipelineSpec,
  trainRows: ArrayLike<number>,
  classNames: string[],
): FittedPipeline {
  const columns: FittedColumn[] = [];
  const featureNames: string[] = [];
  for (const col of spec.columns) {
    if (!col.include || col.name === spec.target) continue;
    const j = table.headers.indexOf(col.name);
    const cells = table.columns[j];
    if (!cells) continue;
    const fitted = isNumericType(col)
      ? fitNumeric(col, cells, trainRows)
      : col.type === 'date'
        ? fitDate(col, cells, trainRows)
        : fitCategorical(col, cells, trainRows);
    columns.push(fitted);
    if (fitted.kind === 'numeric') featureNames.push(col.name);
    if (fitted.kind === 'date') featureNames.push(...DATE_PARTS.map((p) => `${col.name}:${p}`));
    if (fitted.kind === 'onehot')
      featureNames.push(...fitted.categories.map((c) => `${col.name}=${c}`));
  }
  let target: FittedPipeline['target'] = null;
  if (spec.task === 'regression' && spec.standardizeTarget) {
    const cells = table.columns[table.headers.indexOf(spec.target)];
    const ys: number[] = [];
    for (let i = 0; cells && i < trainRows.length; i++) {
      const v = cellValue(cells, trainRows[i]!);
      if (!Number.isNaN(v)) ys.push(v);
    }
    const { mean, std } = meanStd(ys);
    target = { mean, std };
  }
  return { version: 1, columns, featureNames, classNames, target, trainRows: trainRows.length };
}

function gatherTexts(col: CsvColumn, rows: ArrayLike<number>): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i++) out.push(cellText(col, rows[i]!));
  return out;
}

function meanStd(xs: number[]): { mean: number; std: number } {
  if (xs.length === 0) return { mean: 0, std: 1 };
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length;
  return { mean, std: variance > 1e-12 ? Math.sqrt(variance) : 1 };
}

function median(sorted: ArrayLike<number>): number {
  if (sorted.length === 0) return 0;
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

function mostFrequent<T>(xs: T[], fallback: T): T {
  const counts = new Map<T, number>();
  let best = fallback;
  let bestCount = 0;
  for (const x of xs) {
    const c = (counts.get(x) ?? 0) + 1;
    counts.set(x, c);
    // Ties go to the first value seen, so the result does not depend on Map order quirks.
    if (c > bestCount) {
      best = x;
      bestCount = c;
    }
  }
  return best;
}

function fitNumeric(col: ColumnSpec, cells: CsvColumn, rows: ArrayLike<number>): FittedColumn {
  const present: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const v = numericCell(col, cells, rows[i]!);
    if (!Number.isNaN(v)) present.push(v);
  }
  const fitted = fitValues(col, present, rows.length);
  return { name: col.name, kind: 'numeric', ...fitted, boolean: col.type === 'boolean' };
}

/** A date becomes year, month and weekday, each imputed and scaled like a number. */
function fitDate(col: ColumnSpec, cells: CsvColumn, rows: ArrayLike<number>): FittedColumn {
  const parts: number[][] = [[], [], []];
  for (let i = 0; i < rows.length; i++) {
    const d = dateParts(cellText(cells, rows[i]!));
    if (d) d.forEach((v, k) => parts[k]!.push(v));
  }
  // A constant fill makes no sense for a date part; 'constant' falls back to the mean.
  const spec: ColumnSpec = col.missing === 'constant' ? { ...col, missing: 'mean' } : col;
  return { name: col.name, kind: 'date', parts: parts.map((p) => fitValues(spec, p, rows.length)) };
}

/** Fill value and scaling of one numeric feature from its present training values. */
function fitValues(
  col: ColumnSpec,
  present: number[],
  total: number,
): { fill: number; center: number; scale: number } {
  // Sorting is only needed for the median and most frequent value (and costs seconds
  // over the 784 pixel columns of Fashion-MNIST).
  const sorted = () => Float64Array.from(present).sort();
  let fill: number;
  switch (col.missing) {
    case 'mean':
      fill = meanStd(present).mean;
      break;
    case 'median':
      fill = median(sorted());
      break;
    case 'mostFrequent':
      fill = mostFrequent(Array.from(sorted()), 0);
      break;
    case 'constant':
      fill = Number.isFinite(Number(col.constant)) ? Number(col.constant) : 0;
      break;
    case 'drop':
      // Rows missing this column were dropped before the split; nothing to fill.
      fill = meanStd(present).mean;
      break;
    default: {
      const never: never = col.missing;
      throw new Error(`Unknown missing-value strategy ${String(never)}`);
    }
  }
  // Scaling is fitted on the imputed training values, as the model will see them.
  const missingCount = total - present.length;
  const filled =
    missingCount > 0 ? [...present, ...new Array<number>(missingCount).fill(fill)] : present;
  let center = 0;
  let scale = 1;
  if (col.scaling === 'standardize') {
    ({ mean: center, std: scale } = meanStd(filled));
  } else if (col.scaling === 'minmax' && filled.length > 0) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of filled) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    center = lo;
    scale = hi - lo > 1e-12 ? hi - lo : 1;
  }
  return { fill, center, scale };
}

function fitCategorical(col: ColumnSpec, cells: CsvColumn, rows: ArrayLike<number>): FittedColumn {
  const present = gatherTexts(cells, rows)
    .filter((c) => !isMissing(c))
    .map((c) => c.trim());
  const counts = new Map<string, number>();
  for (const v of present) counts.set(v, (counts.get(v) ?? 0) + 1);
  const fill = col.missing === 'constant' ? col.constant : mostFrequent(present, OTHER);
  if (rows.length > present.length && col.missing !== 'drop') {
    counts.set(fill, (counts.get(fill) ?? 0) + rows.length - present.length);
  }
  let categories = [...counts.keys()].sort();
  if (categories.length > MAX_CATEGORIES) {
    if (col.highCardinality === 'exclude') {
      return {
        name: col.name,
        kind: 'excluded',
        reason: `${categories.length} categories (more than ${MAX_CATEGORIES})`,
      };
    }
    categories = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, TOP_CATEGORIES)
      .map(([c]) => c)
      .sort();
  }
  return { name: col.name, kind: 'onehot', categories: [...categories, OTHER], fill };
}

/**
 * Features of the given table rows under a fitted pipeline, row-major: row k of the
 * result is table row rows[k]. `out` (rows × features long) is written instead of a new
 * array (it must be zero-filled), so a train and a test file fill one buffer without a copy.
 */
export function applyPipeline(
  table: CsvTable,
  fitted: FittedPipeline,
  rows: ArrayLike<number>,
  out?: Float32Array,
): Float32Array {
  const d = fitted.featureNames.length;
  if (out && out.length !== rows.length * d) {
    throw new RangeError(
      `applyPipeline: out has ${out.length} values, expected ${rows.length * d}`,
    );
  }
  const x = out ?? new Float32Array(rows.length * d);
  let offset = 0;
  for (const col of fitted.columns) {
    if (col.kind === 'excluded') continue;
    const cells = table.columns[table.headers.indexOf(col.name)];
    if (!cells) throw new Error(`Column "${col.name}" is not in ${table.fileName}.`);
    if (col.kind === 'numeric') {
      for (let k = 0; k < rows.length; k++) {
        const r = rows[k]!;
        let raw = cellValue(cells, r);
        if (col.boolean) {
          const text = cellText(cells, r);
          raw = isMissing(text) ? NaN : cellBoolean(text);
        }
        const v = Number.isNaN(raw) ? col.fill : raw;
        x[k * d + offset] = (v - col.center) / col.scale;
      }
      offset += 1;
    } else if (col.kind === 'date') {
      for (let k = 0; k < rows.length; k++) {
        const date = dateParts(cellText(cells, rows[k]!));
        col.parts.forEach((p, j) => {
          const v = date ? date[j]! : p.fill;
          x[k * d + offset + j] = (v - p.center) / p.scale;
        });
      }
      offset += DATE_PARTS.length;
    } else {
      const index = new Map(col.categories.map((c, i) => [c, i]));
      const other = col.categories.length - 1;
      for (let k = 0; k < rows.length; k++) {
        const cell = cellText(cells, rows[k]!);
        const v = isMissing(cell) ? col.fill : cell.trim();
        x[k * d + offset + (index.get(v) ?? other)] = 1;
      }
      offset += col.categories.length;
    }
  }
  return x;
}
