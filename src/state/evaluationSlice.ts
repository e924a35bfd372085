/**
 * The evaluation report's state: which run it shows, and the stored outputs read back for
 * runs other than the live one (a few kept in memory; persistence/outputsStore.ts reads
 * them). The report itself is derived from these, never stored.
 */
import type { StateCreator } from 'zustand';
import type { HeadlineKey } from '../core/evaluation/headline';
import type { RunOutputs } from '../core/evaluation/runOutputs';
import type { AppState } from './store';

/** Stored outputs of one run as the page has them. */
export type OutputsState =
  | { status: 'loading' }
  | { status: 'ready'; outputs: RunOutputs }
  /** The record says they were stored, but the database has none (e.g. cleared). */
  | { status: 'missing' }
  | { status: 'error'; message: string };

export interface EvaluationSlice {
  /** The run whose report is shown; null: the latest run. */
  reportRunId: string | null;
  /** By run id, oldest first (outputsStore.ts drops the oldest unused ones). */
  runOutputs: Record<string, OutputsState>;
  /** How many views show each run's outputs (those are never dropped). */
  outputsRetained: Record<string, number>;
  /** The metric the report's headline leads with (the "report balanced accuracy" remedy); null: the usual order. */
  headlineLead: HeadlineKey | null;
  showReport: (runId: string | null) => void;
  setHeadlineLead: (key: HeadlineKey | null) => void;
  setRunOutputs: (runId: string, state: OutputsState) => void;
  dropRunOutputs: (runIds: readonly string[]) => void;
  /** Counts one more (+1) or one fewer (−1) view showing a run's outputs. */
  retainOutputs: (runId: string, delta: 1 | -1) => void;
}

export const createEvaluationSlice: StateCreator<AppState, [], [], EvaluationSlice> = (set) => ({
  reportRunId: null,
  runOutputs: {},
  outputsRetained: {},
  headlineLead: null,
  showReport: (reportRunId) => set({ reportRunId }),
  setHeadlineLead: (headlineLead) => set({ headlineLead }),
  setRunOutputs: (runId, state) =>
    set((s) => {
      const { [runId]: _previous, ...others } = s.runOutputs;
      return { runOutputs: { ...others, [runId]: state } };
    }),
  dropRunOutputs: (runIds) =>
    set((s) => ({
      runOutputs: Object.fromEntries(
        Object.entries(s.runOutputs).filter(([id]) => !runIds.includes(id)),
      ),
    })),
  retainOutputs: (runId, delta) =>
    set((s) => {
      const { [runId]: count = 0, ...others } = s.outputsRetained;
      const next = count + delta;
      return { outputsRetained: next > 0 ? { ...others, [runId]: next } : others };
    }),
});
