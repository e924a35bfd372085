/**
 * Putting a template on the canvas once its dataset is loaded: the graph built for that
 * dataset, the template's settings and its origin (with what the load changed) in one
 * store update, so the whole load is one undo step (state/history.ts restores the
 * settings and dataset that zundo, tracking the graph, does not).
 */
import type { DatasetSummary } from '../core/data/types';
import type { TemplateScale } from '../core/templates/graphs';
import { templateConfigAfterLoad, type TemplateWorkspace } from '../core/templates/load';
import { templateOrigin } from '../core/templates/proposal';
import { TEMPLATES, type TemplateId } from '../core/templates/templates';
import type { AppStore } from './session/types';

/** A template waiting for its dataset: which, at what scale, and the workspace it replaces. */
export interface PendingTemplate {
  id: TemplateId;
  scale: TemplateScale;
  before: TemplateWorkspace;
}

/** Applies a template to the loaded dataset `summary`, as one undo step, and says so. */
export function applyTemplate(
  store: AppStore,
  pending: PendingTemplate,
  summary: DatasetSummary,
): void {
  const s = store.getState();
  const spec = TEMPLATES[pending.id];
  const graph = spec.graph(summary, pending.scale);
  const config = templateConfigAfterLoad(
    pending.id,
    pending.before.config,
    s.config,
    pending.scale,
  );
  const after = { config, datasetChoice: s.datasetChoice };
  store.setState({
    graph,
    graphOrigin: templateOrigin(pending.id, graph, {
      id: pending.id,
      before: pending.before,
      after,
    }),
    config,
    selectedNodeIds: [],
    selectedEdgeIds: [],
  });
  s.pushNotice(
    'info',
    `Loaded the template “${spec.title}” for ${summary.name}. Undo (Ctrl+Z) brings back the previous model, settings and dataset.`,
  );
}
