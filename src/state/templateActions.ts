/**
 * Loading a template from the gallery or the proposal banner, and undo/redo that put back
 * the settings and dataset a template load changed. zundo tracks the graph and its origin
 * only; a template load's origin carries the workspace before and after it, so stepping
 * over that load restores those too.
 */
import type { TemplateScale } from '../core/templates/graphs';
import { sameChoice, templateDatasetChoice, type TemplateWorkspace } from '../core/templates/load';
import type { TemplateId } from '../core/templates/templates';
import { loadDataset } from './actions';
import { useAppStore } from './store';
import { applyTemplate } from './templateApply';
import { testHooksEnabled } from './testHooksEnabled';

/** Full size, or CI size with ?testHooks=1&templateScale=tiny (small filters, one epoch). */
export function templateScale(search = location.search): TemplateScale {
  if (!testHooksEnabled()) return 'full';
  return new URLSearchParams(search).get('templateScale') === 'tiny' ? 'tiny' : 'full';
}

/**
 * Loads a template: first its dataset, when the workspace's does not fit it or needs the
 * template's augmentation, then its graph and settings as one undo step.
 */
export function loadTemplate(id: TemplateId): void {
  const s = useAppStore.getState();
  const scale = templateScale();
  const choice = templateDatasetChoice(id, s.datasetChoice, s.dataset, scale);
  const pending = { id, scale, before: { config: s.config, datasetChoice: s.datasetChoice } };
  if (s.dataset && !s.datasetLoading && sameChoice(choice, s.datasetChoice)) {
    applyTemplate(useAppStore, pending, s.dataset);
  } else loadDataset(choice, false, pending);
}

function restore(workspace: TemplateWorkspace): void {
  const s = useAppStore.getState();
  s.setConfig(workspace.config);
  if (!sameChoice(workspace.datasetChoice, s.datasetChoice)) {
    loadDataset(workspace.datasetChoice, false);
  }
}

/** Undo or redo one step; over a template load, its settings and dataset follow. */
function step(direction: 'undo' | 'redo'): void {
  const before = useAppStore.getState().graphOrigin?.load;
  useAppStore.temporal.getState()[direction]();
  const after = useAppStore.getState().graphOrigin?.load;
  if (before === after) return;
  const workspace = direction === 'undo' ? before?.before : after?.after;
  if (workspace) restore(workspace);
}

export const undoEdit = () => step('undo');
export const redoEdit = () => step('redo');
