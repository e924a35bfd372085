/**
 * One zustand store built from slices, one per concern. Undo/redo (zundo) tracks graph
 * edits, their origin (a template load's origin carries the settings and dataset it
 * changed, which undo and redo put back) and applied remedies (undoRules.ts); the
 * workspace (graph, its origin, dataset choice, training settings, a pending remedy) is
 * persisted to localStorage so it survives a reload.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { skipUnchanged } from './persistence/skipUnchanged';
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
import { createRemedySlice, parseWorkspaceRemedy, type RemedySlice } from './remedySlice';
import { changedFields, sameStep, trackedState } from './undoRules';
import { graphSchema } from '../core/graph/schema';
import { DATA_KINDS, type DataKind } from '../core/templates/dataKind';

export type AppState = GraphSlice &
  DataSlice &
  TrainingSlice &
  RunsSlice &
  SessionSlice &
  CsvUploadSlice &
  EvaluationSlice &
  LrFinderSlice &
  RemedySlice;

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
          ...createRemedySlice(...a),
        }),
        {
          partialize: trackedState,
          limit: 200,
          equality: sameStep,
          diff: changedFields,
        },
      ),
      {
        name: 'train-smarter-workspace',
        version: 1,
        storage: skipUnchanged(createJSONStorage(() => localStorage)),
        partialize: (s) => ({
          graph: s.graph,
          graphOrigin: s.graphOrigin,
          datasetChoice: s.datasetChoice,
          config: s.config,
          pendingRemedy: s.pendingRemedy,
        }),
        // Settings saved before a setting existed get its default (the schema fills it in);
        // settings this build cannot read fall back to the defaults.
        merge: (persisted, current) => {
          const saved = (persisted ?? {}) as Partial<AppState>;
          const config = trainingConfigSchema.safeParse(saved.config);
          return {
            ...current,
            ...saved,
            config: config.success ? config.data : current.config,
            pendingRemedy: parseWorkspaceRemedy(saved.pendingRemedy),
            graphOrigin: savedOrigin(saved.graphOrigin, current.graphOrigin),
          };
        },
      },
    ),
  );

/**
 * A saved graph origin as far as the proposal needs it (its graph checked by the graph
 * schema); a workspace saved before origins existed has none, so its graph counts as the
 * user's. Its template-load record is dropped: undo history does not survive a reload.
 */
function savedOrigin(saved: unknown, current: AppState['graphOrigin']): AppState['graphOrigin'] {
  if (saved === undefined) return current;
  const o = saved as Partial<NonNullable<AppState['graphOrigin']>> | null;
  if (!o || typeof o.source !== 'string' || !Array.isArray(o.fits)) return null;
  const graph = graphSchema.safeParse(o.graph);
  const fits = o.fits.filter((k): k is DataKind => (DATA_KINDS as readonly unknown[]).includes(k));
  return graph.success ? { source: o.source, fits, graph: graph.data } : null;
}

export const useAppStore = createAppStore();

/** Undo/redo of graph edits and remedies. */
export const useGraphHistory = () => useAppStore.temporal.getState();
