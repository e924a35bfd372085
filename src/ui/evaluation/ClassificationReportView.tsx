/**
 * The classification report of a run with stored outputs: headline metrics beside their
 * baselines, the binary decision (or one-vs-rest ROC), the test confusion matrix whose
 * cells open their examples, the per-class table and the reliability diagram.
 */
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { rowsInCell } from '../../core/evaluation/confusion';
import { examplesAt, type ExampleSelection } from '../../core/evaluation/examples';
import {
  evaluationReport,
  type ClassificationEvaluation,
  type ReportContext,
} from '../../core/evaluation/evaluationReport';
import { classificationHeadline } from '../../core/evaluation/headline';
import type { RunOutputs, SplitOutputs } from '../../core/evaluation/runOutputs';
import type { RunRecord } from '../../core/runs/record';
import { CalibrationChart } from './CalibrationChart';
import { ClassReportTable } from './ClassReportTable';
import { ConfusionMatrix } from './ConfusionMatrix';
import { ExamplesDialog } from './examples/ExamplesDialog';
import { HeadlineMetrics } from './HeadlineMetrics';
import { OneVsRest } from './OneVsRest';
import { ThresholdPanel } from './ThresholdPanel';
import { useDecision } from './useDecision';
import { useAppStore } from '../../state/store';

type Opened = ExampleSelection & { title: string };

const BALANCED_NOTE =
  ', led by balanced accuracy: the mean recall over the classes, which always predicting the largest class cannot raise';

function classify(split: SplitOutputs, ctx: ReportContext): ClassificationEvaluation {
  const r = evaluationReport(split, ctx);
  if (r.task === 'regression') throw new Error('A classification report was expected');
  return r;
}

export function ClassificationReportView({
  record,
  outputs,
  test,
}: {
  record: Pick<RunRecord, 'id' | 'decision' | 'evaluation'>;
  outputs: RunOutputs;
  test: SplitOutputs;
}) {
  const names = outputs.classNames;
  const binaryTask = outputs.task === 'binary' && (test.units === 1 || test.units === 2);
  const [decision, setDecision] = useDecision(record, outputs.trainLabels);
  // The slider stays smooth: the test report (curves, cells, calibration) may lag a frame.
  const threshold = useDeferredValue(decision.threshold);
  const context = useMemo(
    (): ReportContext => ({
      task: outputs.task,
      numClasses: names.length,
      trainLabels: outputs.trainLabels,
      ...(binaryTask ? { positive: decision.positive, threshold } : {}),
    }),
    [outputs, names.length, binaryTask, decision.positive, threshold],
  );
  const report = useMemo(() => classify(test, context), [test, context]);
  const headline = useMemo(
    () => classificationHeadline(report, test.labels, outputs.trainLabels, names),
    [report, test, outputs.trainLabels, names],
  );
  const [opened, setOpened] = useState<Opened | null>(null);
  const lead = useAppStore((s) => s.headlineLead);
  const name = useCallback((c: number) => names[c] ?? String(c), [names]);
  const openTestCell = useCallback(
    (a: number, p: number) =>
      setOpened({
        title: `Test split: actual ${name(a)}, predicted ${name(p)}`,
        ...examplesAt(test, rowsInCell(report.cells, a, p), false),
      }),
    [test, report, name],
  );
  const openValidationCell = useCallback(
    (a: number, p: number) => {
      const validation = outputs.validation;
      if (!validation) return;
      const r = classify(validation, { ...context, threshold: decision.threshold });
      setOpened({
        title: `Validation split at ${decision.threshold.toFixed(2)}: actual ${name(a)}, predicted ${name(p)}`,
        ...examplesAt(validation, rowsInCell(r.cells, a, p), false),
      });
    },
    [outputs.validation, context, decision.threshold, name],
  );
  const thresholdNote = binaryTask
    ? ` at threshold ${threshold.toFixed(2)} for ${name(decision.positive)} (threshold chosen on validation)`
    : '';
  return (
    <div className="report-body">
      <HeadlineMetrics
        metrics={headline}
        loss={record.evaluation?.loss ?? null}
        caption={`Test metrics${thresholdNote}${lead === 'balancedAccuracy' ? BALANCED_NOTE : ''}`}
        lead={lead}
      />
      {binaryTask && report.binary ? (
        <ThresholdPanel
          outputs={outputs}
          decision={decision}
          onDecision={setDecision}
          test={report}
          onOpenValidationCell={openValidationCell}
        />
      ) : (
        report.oneVsRest && <OneVsRest roc={report.oneVsRest} classNames={names} />
      )}
      <div className="report-grid">
        <section aria-labelledby="test-matrix-heading">
          <h4 id="test-matrix-heading">Test confusion matrix</h4>
          <ConfusionMatrix
            split="test"
            title={`Test confusion matrix${binaryTask ? ` at ${threshold.toFixed(2)}` : ''}`}
            counts={report.confusion}
            normalized={report.normalized}
            classNames={names}
            onOpenCell={openTestCell}
          />
        </section>
        <section aria-labelledby="class-report-heading">
          <h4 id="class-report-heading">Per class (test split)</h4>
          <ClassReportTable
            report={report.report}
            classNames={names}
            baselineRecall={report.baseline.recall}
            caption={`Precision, recall and F1 per class${thresholdNote}`}
          />
        </section>
        <CalibrationChart
          calibration={report.calibration}
          binaryClass={report.binary ? name(report.binary.positive) : null}
        />
      </div>
      {opened && (
        <ExamplesDialog
          runId={record.id}
          title={opened.title}
          rows={opened.rows}
          probabilities={opened.probabilities}
          classNames={names}
          actual={opened.actual}
          onClose={() => setOpened(null)}
        />
      )}
    </div>
  );
}
