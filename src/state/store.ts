/**
 * One zustand store built from slices, one per concern. Undo/redo (zundo) tracks the
 * graph only; the workspace (graph, dataset choice, training settings) is persisted
 * to localStorage so it survives a reload.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { temporal } from 'zundo';
import { createGraphSlice, type GraphSlice } from './graphSlice';
import { createDataSlice, type DataSlice } from './dataSlice';
import { createTrainingSlice, type TrainingSlice } from './trainingSlice';
import { createRunsSlice, type RunsSlice } from './runsSlice';
import { createSessionSlice, type SessionSlice } from './sessionSlice';
import { createCsvUploadSlice, type CsvUploadSlice } from './csvUploadSlice';
import { trainingConfigSchema } from '../core/train/settingsSchema';
import { createEvaluationSlice, type EvaluationSlice } from './evaluationSlice';
import { createLrFinderSlice, type LrFinderSlice } from './lrFinderSlice';

export type AppState = GraphSlice &
  DataSlice &
  TrainingSlice &
  RunsSlice &
  SessionSlice &
  CsvUploadSlice &
  EvaluationSlice &
  LrFinderSlice;

/** Builds the app's store (one per page; tests build their own). */
export const createAppStore = () =>
  create<AppState>()(
    persist(
      temporal(
        (...a) => ({
          ...createGraphSlice(...a),
          ...createDataSlice(...a),
          ...createTrainingSlice(...a),
          ...createRunsSlice(...a),
          ...createSessionSlice(...a),
          ...createCsvUploadSlice(...a),
          ...createEvaluationSlice(...a),
          ...createLrFinderSlice(...a),
        }),
        {
          partialize: (s) => ({ graph: s.graph }),
          limit: 200,
          equality: (a, b) => a.graph === b.graph,
        },
      ),
      {
        name: 'train-smarter-workspace',
        version: 1,
        partialize: (s) => ({
          graph: s.graph,
          datasetChoice: s.datasetChoice,
          config: s.config,
        }),
        // Settings saved before a setting existed get its default (the schema fills it in);
        // settings this build cannot read fall back to the defaults.
        merge: (persisted, current) => {
          const saved = (persisted ?? {}) as Partial<AppState>;
          const config = trainingConfigSchema.safeParse(saved.config);
          return { ...current, ...saved, config: config.success ? config.data : current.config };
        },
      },
    ),
  );

export const useAppStore = createAppStore();

/** Undo/redo of graph edits. */
export const useGraphHistory = () => useAppStore.temporal.getState();
