/**
 * Diagnostics state: the remedy waiting for its child run, and which run the diagnostics
 * panel shows. Findings themselves are derived from the run records, never stored.
 */
import type { StateCreator } from 'zustand';
import { z } from 'zod';
import type { DatasetChoice } from '../core/data/types';
import { graphSchema } from '../core/graph/schema';
import type { PendingRemedy } from '../core/runs/lineage';
import { trainingConfigSchema } from '../core/train/settingsSchema';
import type { AppState } from './store';

/** A remedy applied to the workspace (one undo step); the next run started from it is its child. */
export interface WorkspaceRemedy extends PendingRemedy {
  /** The data choice Undo goes back to when the remedy changed it (augmentation), else null. */
  previousDatasetChoice: DatasetChoice | null;
}

export interface RemedySlice {
  pendingRemedy: WorkspaceRemedy | null;
  /** The run the diagnostics panel shows; null: the latest run. */
  diagnosedRunId: string | null;
  showDiagnosis: (runId: string | null) => void;
  /** Forgets the pending remedy without undoing it: the next run is not linked. */
  dismissRemedy: () => void;
}

export const createRemedySlice: StateCreator<AppState, [], [], RemedySlice> = (set) => ({
  pendingRemedy: null,
  diagnosedRunId: null,
  showDiagnosis: (diagnosedRunId) => set({ diagnosedRunId }),
  dismissRemedy: () => set({ pendingRemedy: null }),
});

const choiceSchema = z.custom<DatasetChoice>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string',
  'must be a dataset choice',
);

// The pending remedy survives a reload (so the next run is still linked): read it back checked.
const workspaceRemedySchema = z.object({
  parentId: z.string().min(1),
  parentName: z.string(),
  remedyId: z.string(),
  change: z.string(),
  graph: graphSchema,
  config: trainingConfigSchema,
  datasetChoice: choiceSchema,
  previousDatasetChoice: choiceSchema.nullable(),
});

/** A stored pending remedy, or null when there is none or it cannot be read. */
export function parseWorkspaceRemedy(raw: unknown): WorkspaceRemedy | null {
  const parsed = workspaceRemedySchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
