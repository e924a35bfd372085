/**
 * The runs list as the UI sees it: records read from IndexedDB (kept in step by
 * persistence/runsStore.ts), unreadable ones, the selection for comparison and the
 * last deleted run (for undo). The store holds what was stored, not the live run.
 */
import type { StateCreator } from 'zustand';
import type { RunRecord } from '../core/runs/record';
import type { UnreadableRun } from '../core/runs/migrations';
import type { AppState } from './store';

export interface StorageInfo {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

export interface RunsSlice {
  /** Newest first. */
  runs: RunRecord[];
  unreadableRuns: UnreadableRun[];
  runsLoaded: boolean;
  /** Reading the stored runs has begun (it happens once per page). */
  runsLoadStarted: boolean;
  /** Why the runs database could not be opened, if it could not. */
  runsError: string | null;
  selectedRunIds: string[];
  compareOpen: boolean;
  lastDeletedRun: RunRecord | null;
  storage: StorageInfo | null;
  setRunsList: (runs: RunRecord[], unreadable: UnreadableRun[]) => void;
  /** Inserts or replaces a run (after it was written). */
  upsertRunLocal: (run: RunRecord) => void;
  removeRunLocal: (id: string) => void;
  toggleRunSelected: (id: string) => void;
  setCompareOpen: (open: boolean) => void;
}

const newestFirst = (a: RunRecord, b: RunRecord) => b.createdAt - a.createdAt;

export const createRunsSlice: StateCreator<AppState, [], [], RunsSlice> = (set) => ({
  runs: [],
  unreadableRuns: [],
  runsLoaded: false,
  runsLoadStarted: false,
  runsError: null,
  selectedRunIds: [],
  compareOpen: false,
  lastDeletedRun: null,
  storage: null,
  setRunsList: (runs, unreadableRuns) =>
    set({ runs: [...runs].sort(newestFirst), unreadableRuns, runsLoaded: true }),
  upsertRunLocal: (run) =>
    set((s) => ({ runs: [...s.runs.filter((r) => r.id !== run.id), run].sort(newestFirst) })),
  removeRunLocal: (id) =>
    set((s) => ({
      runs: s.runs.filter((r) => r.id !== id),
      selectedRunIds: s.selectedRunIds.filter((x) => x !== id),
    })),
  toggleRunSelected: (id) =>
    set((s) => ({
      selectedRunIds: s.selectedRunIds.includes(id)
        ? s.selectedRunIds.filter((x) => x !== id)
        : [...s.selectedRunIds, id],
    })),
  setCompareOpen: (compareOpen) => set({ compareOpen }),
});
