/**
 * Per-class reports of several runs side by side: classes matched by name, each figure
 * with its difference from the baseline run (the first with a report), for the compare
 * view. Records written before outputs were stored still have their test confusion
 * counts, and precision, recall, F1 and support follow exactly from those.
 */
import type { RunRecord } from '../runs/record';
import { evaluationReport } from './evaluationReport';
import { resolveDecision } from './examples';
import { classificationReport, type ClassificationReport, type ReportCell } from './report';
import type { RunOutputs } from './runOutputs';

/** The per-class report that a test confusion matrix (rows actual) implies. */
export function reportFromConfusion(
  confusion: readonly (readonly number[])[],
): ClassificationReport {
  const actual: number[] = [];
  const predicted: number[] = [];
  confusion.forEach((row, a) =>
    row.forEach((count, p) => {
      for (let i = 0; i < count; i++) {
        actual.push(a);
        predicted.push(p);
      }
    }),
  );
  return classificationReport(actual, predicted, confusion.length);
}

/** One run's figure in the comparison. */
export interface ComparedCell extends ReportCell {
  /** This run's value minus the baseline run's; null for the baseline itself. */
  delta: number | null;
  /** Whether it reads differently from the baseline at the 2 decimals shown. */
  differs: boolean;
}

export interface ComparedRow {
  precision: ComparedCell;
  recall: ComparedCell;
  f1: ComparedCell;
  support: number;
}

/** A class (or an average) across the runs; null where a run has no such row. */
export interface ComparedClass {
  label: string;
  kind: 'class' | 'macro' | 'weighted';
  runs: (ComparedRow | null)[];
}

export interface RunClassReport {
  report: ClassificationReport;
  classNames: readonly string[];
  /** Where the figures come from: the stored outputs, or the record's confusion counts. */
  source: 'outputs' | 'confusion';
}

/**
 * A run's per-class test report: from its stored outputs at its kept decision when it has
 * them, else from the confusion counts its record holds; null for regression or no test.
 */
export function runClassReport(
  record: Pick<RunRecord, 'evaluation' | 'dataset' | 'decision'>,
  outputs: RunOutputs | null,
): RunClassReport | null {
  const test = outputs?.test;
  if (outputs && test && outputs.task !== 'regression') {
    const decision = resolveDecision(record.decision, outputs.trainLabels);
    const r = evaluationReport(test, {
      task: outputs.task,
      numClasses: outputs.classNames.length,
      trainLabels: outputs.trainLabels,
      ...decision,
    });
    if (r.task !== 'regression') {
      return { report: r.report, classNames: outputs.classNames, source: 'outputs' };
    }
  }
  const confusion = record.evaluation?.confusion;
  if (!confusion) return null;
  return {
    report: reportFromConfusion(confusion),
    classNames: record.dataset.classNames,
    source: 'confusion',
  };
}

/** Rows of the side-by-side table: every class by name, then the macro and weighted averages. */
export function compareClassReports(runs: readonly (RunClassReport | null)[]): ComparedClass[] {
  const labels: string[] = [];
  for (const r of runs) {
    r?.report.classes.forEach((_, c) => {
      const label = r.classNames[c] ?? String(c);
      if (!labels.includes(label)) labels.push(label);
    });
  }
  const baseIndex = runs.findIndex((r) => r !== null);
  const rowOf = (r: RunClassReport | null, label: string, kind: ComparedClass['kind']) => {
    if (!r) return null;
    if (kind === 'macro') return r.report.macro;
    if (kind === 'weighted') return r.report.weighted;
    const c = r.report.classes.findIndex((_, i) => (r.classNames[i] ?? String(i)) === label);
    return c < 0 ? null : r.report.classes[c]!;
  };
  const compared = (label: string, kind: ComparedClass['kind']): ComparedClass => {
    const base = baseIndex < 0 ? null : rowOf(runs[baseIndex]!, label, kind);
    return {
      label,
      kind,
      runs: runs.map((r, i): ComparedRow | null => {
        const row = rowOf(r, label, kind);
        if (!row) return null;
        const cell = (column: 'precision' | 'recall' | 'f1'): ComparedCell => {
          const own = row[column];
          const reference = i === baseIndex ? null : (base?.[column] ?? null);
          return {
            ...own,
            delta: reference === null ? null : own.value - reference.value,
            differs: reference !== null && own.value.toFixed(2) !== reference.value.toFixed(2),
          };
        };
        return {
          precision: cell('precision'),
          recall: cell('recall'),
          f1: cell('f1'),
          support: row.support,
        };
      }),
    };
  };
  return [
    ...labels.map((label) => compared(label, 'class')),
    compared('macro avg', 'macro'),
    compared('weighted avg', 'weighted'),
  ];
}
