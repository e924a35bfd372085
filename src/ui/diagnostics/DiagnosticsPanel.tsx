/**
 * The diagnostics panel: what the detectors found in the latest run (live, as epochs
 * arrive) or in a run chosen from the runs list, each finding with its "why", its evidence
 * (also marked on the charts) and its remedies; a remedy prepares a linked child run.
 */
import { useCallback } from 'react';
import type { RunRecord } from '../../core/runs/record';
import { recordTask } from '../../core/runs/diagnosisInput';
import type { Finding, Remedy } from '../../core/train/diagnostics/types';
import { LR_FINDER_ID } from '../training/lrFinder/LrFinderPanel';
import { prepareRemedy } from '../../state/remedyActions';
import { useAppStore } from '../../state/store';
import { selectTrainingActive } from '../../state/trainingSlice';
import { openReport } from '../evaluation/openReport';
import { FindingCard } from './FindingCard';
import { DIAGNOSTICS_HEADING_ID, openDiagnosis } from './openDiagnosis';
import { RemedyBanner } from './RemedyBanner';
import { useFindings } from './useFindings';
import { ChosenRunHeader, useChosenRun } from '../runs/chosenRun';
import './diagnostics.css';

const CHECKS =
  'over-fitting, under-fitting, learning rate, plateau, class imbalance and divergence';

function Findings({ record }: { record: RunRecord }) {
  const findings = useFindings(record);
  const training = useAppStore(selectTrainingActive);
  const onRemedy = useCallback(
    (remedy: Remedy, finding: Finding) => {
      const plan = prepareRemedy(record, remedy.id, finding.evidence.layers);
      if (plan.kind === 'view') openReport(record.id);
      if (plan.kind === 'tool')
        document.getElementById(LR_FINDER_ID)?.scrollIntoView({ block: 'center' });
    },
    [record],
  );
  const regression = recordTask(record) === 'regression';
  if (findings.length === 0) {
    const epochs = record.epochs.length;
    return (
      <p className="findings-none" data-testid="findings-none">
        {epochs === 0
          ? `No problems found yet: the checks (${CHECKS}) run as epochs arrive.`
          : `No problems found: none of the checks (${CHECKS}) fired on ${record.name}'s ${epochs} ${epochs === 1 ? 'epoch' : 'epochs'}.`}
      </p>
    );
  }
  return (
    <ul className="findings" aria-label={`Findings of ${record.name}`}>
      {findings.map((f) => (
        <FindingCard
          key={f.kind}
          finding={f}
          regression={regression}
          remediesOffered={!training}
          onRemedy={onRemedy}
        />
      ))}
    </ul>
  );
}

/** The diagnostics panel below the charts. */
export function DiagnosticsPanel() {
  const { record, chosen } = useChosenRun(useAppStore((s) => s.diagnosedRunId));
  const lineage = record?.lineage;
  const parentName = useAppStore(
    (s) => s.runs.find((r) => r.id === lineage?.parentId)?.name ?? null,
  );
  return (
    <section
      className="panel diagnostics-panel"
      aria-labelledby={DIAGNOSTICS_HEADING_ID}
      data-testid="diagnostics-panel"
    >
      <ChosenRunHeader
        headingId={DIAGNOSTICS_HEADING_ID}
        title="Diagnostics"
        record={record}
        chosen={chosen}
        runTestId="diagnosed-run"
        backLabel="Diagnose the latest run"
        onBack={() => openDiagnosis(null)}
      />
      <RemedyBanner />
      {lineage && (
        <p className="muted">
          A child of {parentName ?? 'a deleted run'}: {lineage.change}.
        </p>
      )}
      {record ? (
        <Findings record={record} />
      ) : (
        <p className="muted">Train a model: what its numbers say about it appears here.</p>
      )}
    </section>
  );
}
