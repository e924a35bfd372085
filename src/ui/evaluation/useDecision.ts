/**
 * The decision a binary report uses: the run's kept one (or the default), and the user's
 * choice as it moves, stored with the run a moment after the slider stops.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { resolveDecision } from '../../core/evaluation/examples';
import type { RunDecision, RunRecord } from '../../core/runs/record';
import { editRun } from '../../state/persistence/runsStore';

// Writes wait this long after the last move: one record write per choice, not per step.
const COMMIT_DELAY_MS = 300;

const same = (a: RunDecision | undefined, b: RunDecision) =>
  a !== undefined && a.positive === b.positive && a.threshold === b.threshold;

/** [the decision in effect, set it]; only for a binary run's report. */
export function useDecision(
  record: Pick<RunRecord, 'id' | 'decision'>,
  trainLabels: Float32Array,
): [RunDecision, (d: RunDecision) => void] {
  const kept = useMemo(() => {
    // A decision for another class count (a damaged or hand-edited record) is ignored.
    const valid = record.decision && record.decision.positive <= 1 ? record.decision : undefined;
    return resolveDecision(valid, trainLabels);
  }, [record.decision, trainLabels]);
  const [draft, setDraft] = useState<RunDecision | null>(null);
  const pending = useRef<{ id: string; decision: RunDecision } | null>(null);
  useEffect(() => {
    if (!draft || same(record.decision, draft)) return;
    pending.current = { id: record.id, decision: draft };
    const timer = setTimeout(() => {
      pending.current = null;
      editRun(record.id, { decision: draft });
    }, COMMIT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, record.id, record.decision]);
  // Leaving the report (another run, a reload of the view) still keeps the last choice.
  useEffect(
    () => () => {
      const p = pending.current;
      if (p) editRun(p.id, { decision: p.decision });
    },
    [],
  );
  return [draft ?? kept, setDraft];
}
