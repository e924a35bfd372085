/**
 * From a parsed table and a pipeline spec to training data: which rows are used (rows
 * with a missing target, or missing a 'drop' column, are dropped and counted; an
 * optional seeded sample), the labels, an optional separate test file, and per run the
 * features of a pipeline fitted on that run's training split.
 */
import { predefinedSplit } from '../images/split';
import { stratifiedSample, stratifiedSplit } from '../split';
import { cellText, cellValue } from '../csv/column';
import { cellNumber, isMissing } from '../csv/typing';
import type { CsvTable } from '../csv/types';
import type { Dataset, SplitRatios } from '../types';
import { applyPipeline, fitPipeline } from './fit';
import type { FittedPipeline, PipelineSpec } from './spec';

/** The rows and labels a spec selects from a table; features are fitted per run. */
export interface CsvSource {
  table: CsvTable;
  spec: PipelineSpec;
  /** Table row index of each dataset row. */
  rows: Int32Array;
  /** Class index (classification) or raw value (regression) per dataset row. */
  y: Float32Array;
  classNames: string[];
  /** What was dropped, in the user's words. */
  report: string[];
  /** A separate test file: its selected rows and labels (encoded with the training classes). */
  test?: { table: CsvTable; rows: Int32Array; y: Float32Array };
}

const firstRowOf = (t: CsvTable) => (t.hasHeader ? 2 : 1);
const plural = (n: number, word: string) =>
  `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

function listRows(rows: number[], total: number): string {
  const more = total > rows.length ? `, … (${total} in all)` : '';
  return `row${total === 1 ? '' : 's'} ${rows.join(', ')}${more}`;
}

interface SelectedRows {
  kept: number[];
  report: string[];
  /** Present target cells that are not numbers (regression), with the first few rows. */
  badTarget: { count: number; rows: number[]; example: string };
}

/** The table rows with a usable target and no missing cell in a 'drop rows' column. */
function selectRows(table: CsvTable, spec: PipelineSpec, label: string): SelectedRows {
  const targetCells = table.columns[table.headers.indexOf(spec.target)]!;
  const features = spec.columns.filter((c) => c.include && c.name !== spec.target);
  const dropColumns = features
    .filter((c) => c.missing === 'drop')
    .map((c) => table.columns[table.headers.indexOf(c.name)]);
  const base = firstRowOf(table);
  const kept: number[] = [];
  const noTarget: number[] = [];
  let noTargetCount = 0;
  let droppedMissing = 0;
  const badTarget = { count: 0, rows: [] as number[], example: '' };
  const regression = spec.task === 'regression';
  for (let r = 0; r < table.nRows; r++) {
    const cell = cellText(targetCells, r);
    if (isMissing(cell) || (regression && Number.isNaN(cellNumber(cell)))) {
      if (!isMissing(cell)) {
        badTarget.count++;
        if (badTarget.rows.length < 5) badTarget.rows.push(base + r);
        badTarget.example ||= cell.trim();
      }
      noTargetCount++;
      if (noTarget.length < 5) noTarget.push(base + r);
      continue;
    }
    if (dropColumns.some((c) => c && isMissing(cellText(c, r)))) {
      droppedMissing++;
      continue;
    }
    kept.push(r);
  }
  const report: string[] = [];
  if (noTargetCount > 0) {
    report.push(
      `${label}Dropped ${plural(noTargetCount, 'row')} with a missing${badTarget.count > 0 ? ' or non-numeric' : ''} target (${listRows(noTarget, noTargetCount)}).`,
    );
  }
  if (droppedMissing > 0) {
    report.push(
      `${label}Dropped ${plural(droppedMissing, 'row')} with missing values in columns set to "drop rows".`,
    );
  }
  return { kept, report, badTarget };
}

/**
 * Why a test file cannot be used with a training file: the columns it lacks and the ones
 * it has in addition (by header name; order does not matter). Null when they match.
 */
export function columnMismatch(
  train: Pick<CsvTable, 'headers' | 'fileName'>,
  test: Pick<CsvTable, 'headers' | 'fileName'>,
): string | null {
  const trainSet = new Set(train.headers);
  const testSet = new Set(test.headers);
  const missing = train.headers.filter((h) => !testSet.has(h));
  const extra = test.headers.filter((h) => !trainSet.has(h));
  if (missing.length === 0 && extra.length === 0) return null;
  const names = (hs: string[]) =>
    hs
      .slice(0, 8)
      .map((h) => `"${h}"`)
      .join(', ') + (hs.length > 8 ? `, … (${hs.length} in all)` : '');
  const parts = [
    missing.length > 0 ? `missing ${names(missing)}` : '',
    extra.length > 0 ? `extra ${names(extra)}` : '',
  ].filter(Boolean);
  return `The test file ${test.fileName} does not have the columns of ${train.fileName}: ${parts.join('; ')}. Upload a test file with the same header row.`;
}

/**
 * Selects rows and encodes the target; a human message when the spec cannot train.
 * `testTable`, when given, is a separate test file with the same columns: its rows are
 * kept apart (labels encoded with the training file's classes) and become the test split.
 */
export function prepareCsvSource(
  table: CsvTable,
  spec: PipelineSpec,
  testTable?: CsvTable,
): { ok: true; source: CsvSource } | { ok: false; message: string } {
  const t = table.headers.indexOf(spec.target);
  const targetCells = table.columns[t];
  if (!targetCells)
    return { ok: false, message: `Choose a target column (no column "${spec.target}").` };
  const features = spec.columns.filter((c) => c.include && c.name !== spec.target);
  if (features.length === 0) {
    return {
      ok: false,
      message: 'No feature columns are included: include at least one column besides the target.',
    };
  }
  const selected = selectRows(table, spec, '');
  const { badTarget } = selected;
  let kept = selected.kept;
  const regression = spec.task === 'regression';
  if (badTarget.count > 0 && badTarget.count >= table.nRows / 2) {
    return {
      ok: false,
      message: `Target "${spec.target}" is not numeric (${listRows(badTarget.rows, badTarget.count)}: "${badTarget.example}"), so it cannot be a regression target: choose binary or multiclass, or another column.`,
    };
  }
  const report = [...selected.report];
  if (kept.length < 2) {
    return {
      ok: false,
      message: `Only ${kept.length} row${kept.length === 1 ? '' : 's'} remain after dropping rows with a missing target: a dataset needs at least 2.`,
    };
  }
  const values = kept.map((r) => cellText(targetCells, r).trim());
  let classNames: string[] = [];
  let y: Float32Array;
  if (regression) {
    y = Float32Array.from(kept, (r) => cellValue(targetCells, r));
  } else {
    const distinct = [...new Set(values)];
    const numeric = distinct.every((v) => !Number.isNaN(cellNumber(v)));
    classNames = numeric ? distinct.sort((a, b) => cellNumber(a) - cellNumber(b)) : distinct.sort();
    if (classNames.length < 2) {
      return {
        ok: false,
        message: `Target "${spec.target}" has a single class ("${classNames[0]}"): a classifier needs at least two classes.`,
      };
    }
    if (classNames.length === kept.length) {
      return {
        ok: false,
        message: `Target "${spec.target}" has as many classes as rows (${kept.length}): every row is its own class. Choose another target, or regression for a numeric one.`,
      };
    }
    if (spec.task === 'binary' && classNames.length !== 2) {
      return {
        ok: false,
        message: `Target "${spec.target}" has ${classNames.length} classes, so the task cannot be binary: choose multiclass.`,
      };
    }
    const index = new Map(classNames.map((c, i) => [c, i]));
    y = Float32Array.from(values, (v) => index.get(v)!);
  }
  const sample = spec.sample;
  if (sample && sample.percent < 100) {
    if (!(sample.percent > 0)) {
      return { ok: false, message: 'The sample must be more than 0% of the rows.' };
    }
    const size = Math.max(2, Math.round((kept.length * sample.percent) / 100));
    const picked = stratifiedSample(y, spec.task, size, sample.seed);
    report.push(
      `Using a random ${sample.percent}% sample: ${plural(picked.length, 'row')} of ${kept.length.toLocaleString('en')}${regression ? '' : ', stratified by class'} (sample seed ${sample.seed}).`,
    );
    const all = kept;
    kept = Array.from(picked, (i) => all[i]!);
    y = Float32Array.from(picked, (i) => y[i]!);
  }
  const source: CsvSource = { table, spec, rows: Int32Array.from(kept), y, classNames, report };
  if (testTable) {
    const test = prepareTestRows(testTable, source);
    if (!test.ok) return test;
    source.test = test.test;
  }
  return { ok: true, source };
}

/** The rows of a separate test file, its labels encoded with the training file's classes. */
function prepareTestRows(
  testTable: CsvTable,
  source: CsvSource,
): { ok: true; test: NonNullable<CsvSource['test']> } | { ok: false; message: string } {
  const mismatch = columnMismatch(source.table, testTable);
  if (mismatch) return { ok: false, message: mismatch };
  const { spec, classNames } = source;
  const label = `${testTable.fileName}: `;
  const selected = selectRows(testTable, spec, label);
  source.report.push(...selected.report);
  const targetCells = testTable.columns[testTable.headers.indexOf(spec.target)]!;
  const rows: number[] = [];
  const y: number[] = [];
  const index = new Map(classNames.map((c, i) => [c, i]));
  const unseen = new Map<string, number>();
  for (const r of selected.kept) {
    if (spec.task === 'regression') {
      rows.push(r);
      y.push(cellValue(targetCells, r));
      continue;
    }
    const v = cellText(targetCells, r).trim();
    const k = index.get(v);
    if (k === undefined) {
      unseen.set(v, (unseen.get(v) ?? 0) + 1);
      continue;
    }
    rows.push(r);
    y.push(k);
  }
  if (unseen.size > 0) {
    const count = [...unseen.values()].reduce((a, b) => a + b, 0);
    const names = [...unseen.keys()]
      .slice(0, 5)
      .map((c) => `"${c}"`)
      .join(', ');
    source.report.push(
      `${label}Dropped ${plural(count, 'row')} whose class (${names}) is not in ${source.table.fileName}.`,
    );
  }
  if (rows.length === 0) {
    return {
      ok: false,
      message: `The test file ${testTable.fileName} has no usable rows (every row misses the target "${spec.target}" or has a class not in ${source.table.fileName}).`,
    };
  }
  source.report.push(
    `Test split: ${plural(rows.length, 'row')} from ${testTable.fileName}; the split control divides ${source.table.fileName} into training and validation.`,
  );
  return {
    ok: true,
    test: { table: testTable, rows: Int32Array.from(rows), y: Float32Array.from(y) },
  };
}

/** Every dataset row's label: the training file's rows, then the test file's (marked). */
function datasetLabels(source: CsvSource): { labels: Float32Array; isTest?: Uint8Array } {
  const test = source.test;
  if (!test) return { labels: source.y };
  const nTrainFile = source.rows.length;
  const labels = new Float32Array(nTrainFile + test.rows.length);
  labels.set(source.y);
  labels.set(test.y, nTrainFile);
  return { labels, isTest: new Uint8Array(labels.length).fill(1, nTrainFile) };
}

/**
 * The dataset a run trains on: the split of the run (seed, ratios, stratified; with a
 * test file, its rows are the test split and the ratios divide the training file into
 * training and validation), the pipeline fitted on its training rows only and applied
 * to every row.
 */
export function csvDatasetForSplit(
  source: CsvSource,
  ratios: SplitRatios,
  seed: number,
): { dataset: Dataset; fitted: FittedPipeline } {
  const { labels, isTest } = datasetLabels(source);
  const split = isTest
    ? predefinedSplit(labels, source.spec.task, isTest, ratios, seed)
    : stratifiedSplit(labels, source.spec.task, ratios, seed);
  return csvDatasetFittedOn(source, split.train);
}

/**
 * Every row's features under the pipeline fitted on `trainRows` (dataset row indices,
 * all from the training file) only: a run's training split, or a fold's training part.
 */
export function csvDatasetFittedOn(
  source: CsvSource,
  trainRows: ArrayLike<number>,
): { dataset: Dataset; fitted: FittedPipeline } {
  const nTrainFile = source.rows.length;
  const test = source.test;
  const { labels, isTest } = datasetLabels(source);
  const n = labels.length;
  const trainTableRows = Array.from(trainRows, (i) => {
    if (i >= nTrainFile) throw new RangeError(`Row ${i} is not in the training file`);
    return source.rows[i]!;
  });
  const fitted = fitPipeline(source.table, source.spec, trainTableRows, source.classNames);
  const d = fitted.featureNames.length;
  const x = new Float32Array(n * d);
  applyPipeline(source.table, fitted, source.rows, x.subarray(0, nTrainFile * d));
  if (test) applyPipeline(test.table, fitted, test.rows, x.subarray(nTrainFile * d));
  const target = fitted.target;
  const y =
    target === null ? labels : Float32Array.from(labels, (v) => (v - target.mean) / target.std);
  const dataset: Dataset = {
    name: source.table.fileName,
    kind: 'tabular',
    task: source.spec.task,
    featureShape: [d],
    x,
    xScale: 1,
    y,
    n,
    classNames: source.classNames,
    featureNames: fitted.featureNames,
    preprocessed: true,
  };
  if (isTest) dataset.predefinedTest = isTest;
  if (target) dataset.targetScale = { mean: target.mean, std: target.std };
  return { dataset, fitted };
}
