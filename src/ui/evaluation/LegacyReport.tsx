/**
 * The report of a run saved before outputs were kept: what its record has (test loss,
 * accuracy or errors, the confusion counts and the per-class figures they imply).
 */
import { useMemo } from 'react';
import { reportFromConfusion } from '../../core/evaluation/compareReports';
import { rowNormalized } from '../../core/evaluation/confusion';
import type { HeadlineMetric } from '../../core/evaluation/headline';
import type { Evaluation } from '../../core/train/types';
import { ClassReportTable } from './ClassReportTable';
import { ConfusionMatrix } from './ConfusionMatrix';
import { HeadlineMetrics } from './HeadlineMetrics';

const plain = (
  key: HeadlineMetric['key'],
  label: string,
  value: number,
  higherIsBetter: boolean,
): HeadlineMetric => ({
  key,
  label,
  value,
  baseline: null,
  baselineLabel: '',
  higherIsBetter,
});

export function LegacyReport({
  evaluation,
  classNames,
  reason,
}: {
  evaluation: Evaluation;
  classNames: readonly string[];
  /** Why only this much is shown. */
  reason: string;
}) {
  const metrics = [
    ...(evaluation.accuracy !== undefined
      ? [plain('accuracy', 'Accuracy', evaluation.accuracy, true)]
      : []),
    ...(evaluation.mae !== undefined ? [plain('mae', 'MAE', evaluation.mae, false)] : []),
    ...(evaluation.rmse !== undefined ? [plain('rmse', 'RMSE', evaluation.rmse, false)] : []),
  ];
  const confusion = evaluation.confusion;
  const report = useMemo(() => (confusion ? reportFromConfusion(confusion) : null), [confusion]);
  return (
    <div className="report-body">
      <p className="notice info" role="note" data-testid="report-needs-new-run">
        {reason}
      </p>
      <HeadlineMetrics
        metrics={metrics}
        loss={evaluation.loss}
        caption="Test metrics kept with the run"
      />
      {confusion && report && (
        <div className="report-grid">
          <section aria-labelledby="legacy-matrix-heading">
            <h4 id="legacy-matrix-heading">Test confusion matrix</h4>
            <ConfusionMatrix
              split="test"
              title="Test confusion matrix"
              counts={confusion}
              normalized={rowNormalized(confusion)}
              classNames={classNames}
            />
          </section>
          <section aria-labelledby="legacy-class-heading">
            <h4 id="legacy-class-heading">Per class (from the confusion counts)</h4>
            <ClassReportTable
              report={report}
              classNames={classNames}
              caption="Precision, recall and F1 per class"
            />
          </section>
        </div>
      )}
    </div>
  );
}
