/**
 * The evaluation panel: the report of the latest run, or of any saved run (its "Report"
 * button), from the outputs the run kept, so it survives a reload. It says how often the
 * test split was used, and when the outputs are a sample of it.
 */
import { useMemo } from 'react';
import { TryModelButton } from './try/TryModelButton';
import { testSplitUses } from '../../core/evaluation/testSplitUses';
import { isLiveStatus, type RunRecord } from '../../core/runs/record';
import { useAppStore } from '../../state/store';
import { useRunOutputs } from '../../state/useRunOutputs';
import { ClassificationReportView } from './ClassificationReportView';
import { LegacyReport } from './LegacyReport';
import { EVALUATION_HEADING_ID, openReport } from './openReport';
import { RegressionReportView } from './RegressionReportView';
import { ChosenRunHeader, useChosenRun } from '../runs/chosenRun';
import './evaluation.css';

const OLD_RECORD =
  'This run was saved before runs kept their outputs: only the figures its record holds are shown. The baselines, curves, per-row examples and a decision threshold need a new run.';

const NO_OUTPUTS =
  'This run kept no per-row outputs: only the figures its record holds are shown. A new run gives the full report.';

function ReportOf({ record }: { record: RunRecord }) {
  const runs = useAppStore((s) => s.runs);
  const outputs = useRunOutputs(record);
  const uses = useMemo(() => testSplitUses(record, runs), [record, runs]);
  const evaluation = record.evaluation;
  if (isLiveStatus(record.status)) {
    return (
      <p className="muted">Training: the report on the test split appears when the run finishes.</p>
    );
  }
  if (!evaluation) {
    return (
      <p className="muted">
        {record.rows?.test === 0
          ? 'This run has no test split (its share is 0), so there is nothing to report on.'
          : 'This run ended before its test split was evaluated.'}
      </p>
    );
  }
  const testRows = record.rows?.test;
  const stored = outputs?.status === 'ready' ? outputs.outputs : null;
  const test = stored?.test ?? null;
  return (
    <>
      <h3>Test split ({testRows ?? '?'} rows the model never trained on)</h3>
      <p className="report-facts">
        <span data-testid="test-split-uses" data-uses={uses}>
          Test split used {uses} {uses === 1 ? 'time' : 'times'}
        </span>
        <span className="muted">
          {' '}
          (evaluated runs on the same data, seed and split; each look that guides a choice makes
          these figures a little optimistic, so choose on validation)
        </span>
        {record.outputs?.sampled && test && (
          <span className="sampled-note" data-testid="outputs-sampled">
            {' '}
            · The report uses a stratified sample of {test.rows.length.toLocaleString('en')} of{' '}
            {test.splitSize.toLocaleString('en')} test rows; the loss is on every row.
          </span>
        )}
      </p>
      {outputs === null && (
        <LegacyReport
          evaluation={evaluation}
          classNames={record.dataset.classNames}
          reason={record.outputs === undefined ? OLD_RECORD : NO_OUTPUTS}
        />
      )}
      {outputs?.status === 'loading' && <p className="muted">Reading the run’s stored outputs…</p>}
      {outputs?.status === 'missing' && (
        <LegacyReport
          evaluation={evaluation}
          classNames={record.dataset.classNames}
          reason="The stored outputs of this run are gone (browser storage was cleared?): only the figures its record holds are shown. A new run gives the full report."
        />
      )}
      {outputs?.status === 'error' && (
        <>
          <p role="alert" className="error">
            {outputs.message}
          </p>
          <LegacyReport
            evaluation={evaluation}
            classNames={record.dataset.classNames}
            reason={OLD_RECORD}
          />
        </>
      )}
      {stored && test && stored.task === 'regression' && (
        <RegressionReportView key={record.id} record={record} outputs={stored} test={test} />
      )}
      {stored && test && stored.task !== 'regression' && (
        <ClassificationReportView key={record.id} record={record} outputs={stored} test={test} />
      )}
    </>
  );
}

/** The report panel below the training charts. */
export function EvaluationPanel() {
  const { record, chosen } = useChosenRun(useAppStore((s) => s.reportRunId));
  return (
    <section
      className="panel evaluation-panel"
      aria-labelledby={EVALUATION_HEADING_ID}
      data-testid="evaluation-panel"
    >
      <ChosenRunHeader
        headingId={EVALUATION_HEADING_ID}
        title="Evaluation"
        record={record}
        chosen={chosen}
        runTestId="report-run"
        backLabel="Show the latest run"
        onBack={() => openReport(null)}
      >
        {record && <TryModelButton runId={record.id} />}
      </ChosenRunHeader>
      {record ? (
        <ReportOf record={record} />
      ) : (
        <p className="muted">Train a model: its report on the test split appears here.</p>
      )}
    </section>
  );
}
