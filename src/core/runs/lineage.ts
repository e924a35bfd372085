/**
 * A remedy's child run: the workspace a remedy prepared, and whether the run about to start
 * is still that workspace (then it is linked to its parent, and the remedy is the only
 * difference between them).
 */
import { diffConfigs, type ConfigDifference, type RunConfigSnapshot } from './configDiff';
import type { RunLineage, RunRecord } from './record';
import type { DatasetChoice } from '../data/types';
import type { ModelGraph } from '../graph/types';
import { DEFAULT_TRAINING_CONFIG } from '../train/settings';

const EMPTY_GRAPH: ModelGraph = { version: 1, nodes: [], edges: [] };

/** A remedy applied to the workspace, waiting for the run that tests it. */
export interface PendingRemedy extends RunLineage, RunConfigSnapshot {
  parentName: string;
}

/**
 * What differs between the remedy's workspace and the current one. An image upload's
 * fingerprint is left out: it is filled in when the files load, and names the same data.
 */
export function changesSinceRemedy(
  pending: RunConfigSnapshot,
  workspace: RunConfigSnapshot,
): ConfigDifference[] {
  return diffConfigs(pending, workspace).filter((d) => !d.path.startsWith('dataset fingerprint'));
}

/** Whether two data choices name the same data (an image upload's fingerprint aside). */
export function sameDataChoice(a: DatasetChoice, b: DatasetChoice): boolean {
  const same = { graph: EMPTY_GRAPH, config: DEFAULT_TRAINING_CONFIG };
  return (
    changesSinceRemedy({ ...same, datasetChoice: a }, { ...same, datasetChoice: b }).length === 0
  );
}

/** The lineage of a run started from `workspace`: the remedy's, while nothing else changed. */
export function lineageFor(
  pending: PendingRemedy | null,
  workspace: RunConfigSnapshot,
): RunLineage | null {
  if (!pending || changesSinceRemedy(pending, workspace).length > 0) return null;
  return { parentId: pending.parentId, remedyId: pending.remedyId, change: pending.change };
}

/** The parent of a run among `runs`, if it is still there. */
export function parentOf(run: Pick<RunRecord, 'lineage'>, runs: readonly RunRecord[]) {
  const id = run.lineage?.parentId;
  return id === undefined ? undefined : runs.find((r) => r.id === id);
}
