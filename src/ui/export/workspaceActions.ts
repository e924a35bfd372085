/**
 * What the project menu does to the app: read the workspace out of the store, and apply a
 * validated one (graph, settings, dataset) in one go. Nothing changes when validation fails.
 */
import { useAppStore } from '../../state/store';
import { selectTrainingActive } from '../../state/trainingSlice';
import { loadDataset } from '../../state/actions';
import {
  workspaceDataset,
  type Workspace,
  type WorkspaceOutcome,
} from '../../core/export/workspaceSchema';
import { decodeShare, sharePayload } from '../../core/export/shareLink';
import type { DatasetChoice } from '../../core/data/types';

export function currentWorkspace(): Workspace {
  const s = useAppStore.getState();
  return { graph: s.graph, datasetChoice: workspaceDataset(s.datasetChoice), config: s.config };
}

function sameChoice(a: Workspace['datasetChoice'], b: DatasetChoice): boolean {
  return JSON.stringify(a) === JSON.stringify(workspaceDataset(b));
}

/** Applies a parsed workspace, or shows why it cannot be; returns whether it was applied. */
export function applyWorkspace(outcome: WorkspaceOutcome, what: string): boolean {
  const s = useAppStore.getState();
  if (!outcome.ok) {
    s.pushNotice('error', outcome.message);
    return false;
  }
  if (selectTrainingActive(s)) {
    s.pushNotice('error', `Stop training before opening ${what}.`);
    return false;
  }
  const ws = outcome.value;
  s.setGraph(ws.graph);
  s.setConfig(ws.config);
  const choice = ws.datasetChoice;
  if (choice.kind === 'upload') {
    const same = sameChoice(choice, s.datasetChoice);
    s.pushNotice(
      'info',
      same
        ? `Opened ${what}.`
        : `Opened ${what}. It was made with the uploaded file "${choice.name}": upload it again to train on it.`,
    );
  } else {
    if (!sameChoice(choice, s.datasetChoice)) loadDataset(choice, false);
    s.pushNotice('info', `Opened ${what}.`);
  }
  // Settings outside their ranges open as they are; one notice names each of them.
  if (outcome.warnings.length > 0) s.pushNotice('warning', outcome.warnings.join(' '));
  return true;
}

/** Restores the workspace of a `#p=` share link in the address, then clears the fragment. */
export function openShareLinkFromLocation(): void {
  const payload = sharePayload(location.hash);
  if (payload === null) return;
  applyWorkspace(decodeShare(payload), 'the shared model');
  // A reload should keep the user's edits, not re-apply the link.
  history.replaceState(null, '', location.pathname + location.search);
}
