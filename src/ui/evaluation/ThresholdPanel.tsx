/**
 * A binary classifier's decision: the positive class, and a threshold chosen on the
 * validation split with its ROC and precision–recall curves, precision, recall and
 * validation matrix following the slider live. The test curves are drawn for reference;
 * the test split never moves the threshold.
 */
import { memo, useId, useMemo } from 'react';
import { thresholdMetrics } from '../../core/evaluation/binary';
import { rowNormalized } from '../../core/evaluation/confusion';
import {
  precisionRecallPoints,
  rocPoints,
  thresholdMarker,
} from '../../core/evaluation/curvePoints';
import {
  evaluationReport,
  type BinaryReport,
  type ClassificationEvaluation,
} from '../../core/evaluation/evaluationReport';
import type { RunOutputs } from '../../core/evaluation/runOutputs';
import type { RunDecision } from '../../core/runs/record';
import { ConfusionMatrix } from './ConfusionMatrix';
import { CurveChart, type CurveSeries } from './CurveChart';
import { fixed4, reportCellText } from './format';
import { RangeField } from '../forms/RangeField';
import { twoDecimals } from '../forms/formats';

const VALIDATION = 'var(--series-1)';
const TEST = 'var(--series-2)';

function curves(
  validation: BinaryReport | null,
  test: BinaryReport | null,
  kind: 'roc' | 'pr',
): CurveSeries[] {
  const series: CurveSeries[] = [];
  const add = (b: BinaryReport | null, name: string, color: string, dashed: boolean) => {
    if (!b) return;
    if (kind === 'roc' && b.roc) series.push({ name, points: rocPoints(b.roc), color, dashed });
    if (kind === 'pr')
      series.push({ name, points: precisionRecallPoints(b.pr), color, dashed, step: true });
  };
  add(validation, 'validation', VALIDATION, false);
  add(test, 'test', TEST, true);
  return series;
}

const auc = (b: BinaryReport | null) => (b?.auc == null ? 'undefined' : b.auc.toFixed(3));

export const ThresholdPanel = memo(function ThresholdPanel({
  outputs,
  decision,
  onDecision,
  test,
  onOpenValidationCell,
}: {
  outputs: RunOutputs;
  decision: RunDecision;
  onDecision: (d: RunDecision) => void;
  /** The test report at the chosen decision. */
  test: ClassificationEvaluation;
  onOpenValidationCell: (actual: number, predicted: number) => void;
}) {
  const selectId = useId();
  const panelId = useId();
  const { positive, threshold } = decision;
  const validationSplit = outputs.validation;
  // The curves depend on the positive class only; the slider recomputes the counts.
  const validation = useMemo(
    () =>
      validationSplit && validationSplit.rows.length > 0
        ? evaluationReport(validationSplit, {
            task: outputs.task,
            numClasses: outputs.classNames.length,
            trainLabels: outputs.trainLabels,
            positive,
          })
        : null,
    [validationSplit, outputs, positive],
  );
  const validationBinary = validation?.task === 'regression' ? null : (validation?.binary ?? null);
  const at = useMemo(
    () =>
      validationSplit && validationBinary
        ? thresholdMetrics(validationSplit.labels, validationBinary.scores, positive, threshold)
        : null,
    [validationSplit, validationBinary, positive, threshold],
  );
  const marker = at ? thresholdMarker(at) : { roc: null, pr: null };
  const testBinary = test.binary;
  const rocSeries = useMemo(
    () => curves(validationBinary, testBinary, 'roc'),
    [validationBinary, testBinary],
  );
  const prSeries = useMemo(
    () => curves(validationBinary, testBinary, 'pr'),
    [validationBinary, testBinary],
  );
  const label = `threshold ${threshold.toFixed(2)}`;
  const names = outputs.classNames;
  return (
    <section className="threshold-panel" aria-labelledby={`${panelId}-heading`}>
      <h4 id={`${panelId}-heading`}>Decision (chosen on the validation split)</h4>
      <div className="threshold-controls">
        <label className="field inline" htmlFor={selectId}>
          <span>Positive class</span>
          <select
            id={selectId}
            value={positive}
            onChange={(e) => onDecision({ positive: Number(e.target.value), threshold })}
          >
            {names.slice(0, 2).map((n, c) => (
              <option key={c} value={c}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <RangeField
          label="Decision threshold"
          inline
          className="threshold-slider"
          value={threshold}
          min={0}
          max={1}
          step={0.01}
          disabled={!at}
          format={twoDecimals}
          valueTestId="decision-threshold"
          valueText={`${threshold.toFixed(2)}: predict ${names[positive] ?? positive} when its probability is at least ${threshold.toFixed(2)}`}
          onChange={(v) => onDecision({ positive, threshold: v })}
        />
      </div>
      {at ? (
        <p className="threshold-facts" data-testid="validation-at-threshold">
          Validation at {threshold.toFixed(2)}: precision{' '}
          <span data-testid="validation-precision">{reportCellText(at.precision)}</span>, recall{' '}
          <span data-testid="validation-recall">{reportCellText(at.recall)}</span>, F1{' '}
          {reportCellText(at.f1)} ({at.truePositives + at.falsePositives} of{' '}
          {validationSplit?.rows.length} rows predicted {names[positive] ?? positive}).
        </p>
      ) : (
        <p className="muted">
          This run has no validation rows, so no threshold can be chosen honestly: the test report
          uses 0.5. Give the split a validation share to choose one.
        </p>
      )}
      <div className="eval-charts">
        <CurveChart
          title="ROC curve"
          testId="roc-curve"
          series={rocSeries}
          xLabel="False positive rate"
          yLabel="True positive rate"
          diagonal
          marker={marker.roc && { ...marker.roc, label }}
          summary={`AUC: validation ${auc(validationBinary)}, test ${auc(test.binary)}`}
        />
        <CurveChart
          title="Precision–recall curve"
          testId="pr-curve"
          series={prSeries}
          xLabel="Recall"
          yLabel="Precision"
          marker={marker.pr && { ...marker.pr, label }}
          summary={`Average precision: validation ${fixed4(validationBinary?.averagePrecision) || '–'}, test ${fixed4(test.binary?.averagePrecision) || '–'}`}
        />
      </div>
      {at && (
        <ConfusionMatrix
          split="validation"
          title={`Validation confusion matrix at ${threshold.toFixed(2)}`}
          counts={at.confusion}
          normalized={rowNormalized(at.confusion)}
          classNames={names}
          onOpenCell={onOpenValidationCell}
          pairs={0}
        />
      )}
    </section>
  );
});
