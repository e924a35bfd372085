import type { StateCreator } from 'zustand';
import {
  DEFAULT_TRAINING_CONFIG,
  type BatchPoint,
  type EpochMetrics,
  type Evaluation,
  type Progress,
  type TrainingConfig,
} from '../core/train/types';
import type { ModelGraph } from '../core/graph/types';
import type { BackendInfo, BoundaryGrid } from '../worker/protocol';
import type { AppState } from './store';

export type RunPhase = 'starting' | 'running' | 'paused' | 'completed' | 'stopped' | 'failed';

/** The run shown in the charts: the current one or the last one. */
export interface LiveRun {
  runId: string;
  phase: RunPhase;
  config: TrainingConfig;
  graph: ModelGraph;
  backend: BackendInfo | null;
  progress: Progress | null;
  batches: BatchPoint[];
  epochs: EpochMetrics[];
  evaluation: Evaluation | null;
  boundary: BoundaryGrid | null;
  error: string | null;
  /** Epoch (1-based) in progress when the run stopped. */
  stoppedAtEpoch: number | null;
  rows: { train: number; validation: number; test: number } | null;
  /** Set when the backend was lost mid-run: the run waits, paused, for the user to continue. */
  recovery?: { message: string; backendLabel: string } | null;
}

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export interface TrainingSlice {
  config: TrainingConfig;
  run: LiveRun | null;
  workerMemory: { numTensors: number; numBytes: number }[];
  workerReady: { webglRenderer: string | null; crossOriginIsolated: boolean } | null;
  notices: Notice[];
  /** The training worker crashed (and was replaced) or stopped answering (restart offered). */
  workerFailure: { kind: 'crashed' | 'unresponsive'; message: string } | null;
  setConfig: (patch: Partial<TrainingConfig>) => void;
  /** Applies a function to the live run when its id matches (late messages are ignored). */
  updateRun: (runId: string, update: (run: LiveRun) => Partial<LiveRun>) => void;
  startRun: (run: LiveRun) => void;
  pushNotice: (kind: Notice['kind'], text: string) => void;
  dismissNotice: (id: number) => void;
}

let noticeId = 0;

export const createTrainingSlice: StateCreator<AppState, [], [], TrainingSlice> = (set) => ({
  config: DEFAULT_TRAINING_CONFIG,
  run: null,
  workerMemory: [],
  workerReady: null,
  notices: [],
  workerFailure: null,
  setConfig: (patch) => set((s) => ({ config: { ...s.config, ...patch } })),
  updateRun: (runId, update) =>
    set((s) => (s.run && s.run.runId === runId ? { run: { ...s.run, ...update(s.run) } } : {})),
  startRun: (run) => set({ run }),
  pushNotice: (kind, text) =>
    set((s) => ({ notices: [...s.notices.slice(-4), { id: ++noticeId, kind, text }] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});

/** True while a run is starting, running or paused: graph edits then apply to the next run. */
export const selectTrainingActive = (s: AppState): boolean =>
  s.run !== null &&
  (s.run.phase === 'starting' || s.run.phase === 'running' || s.run.phase === 'paused');
