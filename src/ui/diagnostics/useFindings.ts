/**
 * The findings of a run, recomputed as its record changes: at most once a second while
 * it trains (batches arrive up to 10 times a second), at once otherwise.
 */
import { useMemo } from 'react';
import { sameRunData } from '../../core/runs/compare';
import { diagnosisInputFor } from '../../core/runs/diagnosisInput';
import type { RunRecord } from '../../core/runs/record';
import { diagnose } from '../../core/train/diagnostics/diagnose';
import type { Finding } from '../../core/train/diagnostics/types';
import { useAppStore } from '../../state/store';
import { selectRunLive } from '../../state/trainingSlice';
import { useRunOutputs } from '../../state/useRunOutputs';
import { useThrottled } from '../hooks/useThrottled';

/** How often a training run's findings are recomputed. */
export const LIVE_DIAGNOSIS_MS = 1000;

const NO_FINDINGS: Finding[] = [];

/** The findings of `record` (null: none), with its stored outputs and the loaded data's class counts. */
export function useFindings(record: RunRecord | null): Finding[] {
  const live = useAppStore((s) => record !== null && selectRunLive(s, record.id));
  const dataset = useAppStore((s) => s.dataset);
  const outputsState = useRunOutputs(record);
  const outputs = outputsState?.status === 'ready' ? outputsState.outputs : null;
  const shown = useThrottled(record, LIVE_DIAGNOSIS_MS, live);
  // The loaded dataset's counts stand in for the training split's until outputs exist.
  const classCounts = useMemo(() => {
    if (!dataset || !shown) return undefined;
    const loaded = {
      name: 'loaded',
      dataset: { ...dataset, content: dataset.fingerprint ?? null },
    };
    return sameRunData(loaded, shown) ? dataset.classCounts : undefined;
  }, [dataset, shown]);
  return useMemo(
    () => (shown ? diagnose(diagnosisInputFor(shown, { outputs, classCounts })) : NO_FINDINGS),
    [shown, outputs, classCounts],
  );
}
