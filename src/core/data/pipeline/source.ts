/**
 * From a parsed table and a pipeline spec to training data: which rows are used (rows
 * with a missing target, or missing a 'drop' column, are dropped and counted), the
 * labels, and per run the features of a pipeline fitted on that run's training split.
 */
import { stratifiedSplit } from '../split';
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
}

const firstRowOf = (t: CsvTable) => (t.hasHeader ? 2 : 1);

function listRows(rows: number[], total: number): string {
  const more = total > rows.length ? `, … (${total} in all)` : '';
  return `row${total === 1 ? '' : 's'} ${rows.join(', ')}${more}`;
}

/** Selects rows and encodes the target; a human message when the spec cannot train. */
export function prepareCsvSource(
  table: CsvTable,
  spec: PipelineSpec,
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
  const dropColumns = features
    .filter((c) => c.missing === 'drop')
    .map((c) => ({ name: c.name, cells: table.columns[table.headers.indexOf(c.name)] }));
  const base = firstRowOf(table);
  const kept: number[] = [];
  const noTarget: number[] = [];
  let noTargetCount = 0;
  let droppedMissing = 0;
  const badTarget: number[] = [];
  let badTargetCount = 0;
  let badExample = '';
  const regression = spec.task === 'regression';
  for (let r = 0; r < table.nRows; r++) {
    const cell = cellText(targetCells, r);
    if (isMissing(cell) || (regression && Number.isNaN(cellNumber(cell)))) {
      if (!isMissing(cell)) {
        badTargetCount++;
        if (badTarget.length < 5) badTarget.push(base + r);
        badExample ||= cell.trim();
      }
      noTargetCount++;
      if (noTarget.length < 5) noTarget.push(base + r);
      continue;
    }
    if (dropColumns.some((c) => c.cells && isMissing(cellText(c.cells, r)))) {
      droppedMissing++;
      continue;
    }
    kept.push(r);
  }
  if (badTargetCount > 0 && badTargetCount >= table.nRows / 2) {
    return {
      ok: false,
      message: `Target "${spec.target}" is not numeric (${listRows(badTarget, badTargetCount)}: "${badExample}"), so it cannot be a regression target: choose binary or multiclass, or another column.`,
    };
  }
  const report: string[] = [];
  if (noTargetCount > 0) {
    report.push(
      `Dropped ${noTargetCount} row${noTargetCount === 1 ? '' : 's'} with a missing${badTargetCount > 0 ? ' or non-numeric' : ''} target (${listRows(noTarget, noTargetCount)}).`,
    );
  }
  if (droppedMissing > 0) {
    report.push(
      `Dropped ${droppedMissing} row${droppedMissing === 1 ? '' : 's'} with missing values in columns set to "drop rows".`,
    );
  }
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
  return {
    ok: true,
    source: { table, spec, rows: Int32Array.from(kept), y, classNames, report },
  };
}

/**
 * The dataset a run trains on: the split of the run (seed, ratios, stratified), the
 * pipeline fitted on its training rows only and applied to every row.
 */
export function csvDatasetForSplit(
  source: CsvSource,
  ratios: SplitRatios,
  seed: number,
): { dataset: Dataset; fitted: FittedPipeline } {
  const split = stratifiedSplit(source.y, source.spec.task, ratios, seed);
  const trainTableRows = Array.from(split.train, (i) => source.rows[i]!);
  const fitted = fitPipeline(source.table, source.spec, trainTableRows, source.classNames);
  const x = applyPipeline(source.table, fitted, source.rows);
  const y =
    fitted.target === null
      ? source.y
      : Float32Array.from(source.y, (v) => (v - fitted.target!.mean) / fitted.target!.std);
  return {
    dataset: {
      name: source.table.fileName,
      kind: 'tabular',
      task: source.spec.task,
      featureShape: [fitted.featureNames.length],
      x,
      xScale: 1,
      y,
      n: source.rows.length,
      classNames: source.classNames,
      featureNames: fitted.featureNames,
      preprocessed: true,
    },
    fitted,
  };
}
