import type { StateCreator } from 'zustand';
import { DEFAULT_TRAINING_CONFIG, type TrainingConfig } from '../core/train/types';
import { applyRunEvents, isActive, type LiveRun } from '../core/runs/live';
import type { RunEvent } from '../core/runs/events';
import type { RunRecord } from '../core/runs/record';
import type { AppState } from './store';

export type { LiveRun, RunPhase } from '../core/runs/live';

/** What the user may change on a run's record: its name, notes, tags, star and decision. */
export type RunEdit = Partial<Pick<RunRecord, 'name' | 'notes' | 'tags' | 'starred' | 'decision'>>;

export interface Notice {
  id: number;
  /** 'warning': something opened but needs a look (a setting outside its range). */
  kind: 'info' | 'warning' | 'error';
  text: string;
}

export interface TrainingSlice {
  config: TrainingConfig;
  /** The run shown in the charts (the current one or the last one): the record being written. */
  run: LiveRun | null;
  workerMemory: { numTensors: number; numBytes: number }[];
  workerReady: { webglRenderer: string | null; crossOriginIsolated: boolean } | null;
  notices: Notice[];
  /** Id of the last notice pushed (notices are numbered in order). */
  lastNoticeId: number;
  /** The training worker crashed (and was replaced) or stopped answering (restart offered). */
  workerFailure: { kind: 'crashed' | 'unresponsive'; message: string } | null;
  setConfig: (patch: Partial<TrainingConfig>) => void;
  /** Folds worker events into the live run (events of another run are ignored). */
  applyRunEvents: (events: readonly RunEvent[]) => void;
  startRun: (run: LiveRun) => void;
  /**
   * Applies a user edit to the live run's record. True when that run is still training
   * (its writer stores the edit); a finished run shown here takes the edit too, so the
   * views agree, but false is returned: the caller must store it.
   */
  patchLiveRecord: (runId: string, patch: RunEdit) => boolean;
  pushNotice: (kind: Notice['kind'], text: string) => void;
  dismissNotice: (id: number) => void;
}

export const createTrainingSlice: StateCreator<AppState, [], [], TrainingSlice> = (set, get) => ({
  config: DEFAULT_TRAINING_CONFIG,
  run: null,
  workerMemory: [],
  workerReady: null,
  notices: [],
  lastNoticeId: 0,
  workerFailure: null,
  setConfig: (patch) => set((s) => ({ config: { ...s.config, ...patch } })),
  applyRunEvents: (events) =>
    set((s) => (s.run && events.length > 0 ? { run: applyRunEvents(s.run, events) } : {})),
  startRun: (run) => set({ run }),
  patchLiveRecord: (runId, patch) => {
    const run = get().run;
    if (!run || run.record.id !== runId) return false;
    // A finished run's writer has stopped following it: this set writes nothing.
    set({ run: { ...run, record: { ...run.record, ...patch } } });
    return isActive(run);
  },
  pushNotice: (kind, text) =>
    set((s) => {
      const id = s.lastNoticeId + 1;
      return { lastNoticeId: id, notices: [...s.notices.slice(-4), { id, kind, text }] };
    }),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});

/** True while a run is starting, running or paused: graph edits then apply to the next run. */
export const selectTrainingActive = (s: AppState): boolean => isActive(s.run);

/** Whether this tab is training (and writing) the run with this id. */
export const selectRunLive = (s: AppState, runId: string): boolean =>
  isActive(s.run) && s.run?.record.id === runId;
