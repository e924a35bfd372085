/** The run record behind an evaluation view: the live run of this tab, or a stored one. */
import type { RunRecord } from '../../../core/runs/record';
import { useAppStore } from '../../../state/store';
import type { AppState } from '../../../state/store';

/** The record of `runId`: the live run's (newest) or the stored one; null if unknown. */
export function selectRunRecord(s: AppState, runId: string): RunRecord | null {
  if (s.run?.record.id === runId) return s.run.record;
  return s.runs.find((r) => r.id === runId) ?? null;
}

export const useRunRecord = (runId: string): RunRecord | null =>
  useAppStore((s) => selectRunRecord(s, runId));
