/**
 * The data-aware starting model: when the canvas holds a model the app put there (the
 * default, a preset or a template) and the user has not edited it, and it does not fit
 * the loaded data, propose the template that does (CNN for images, the dense network for
 * tables). An edited graph is never proposed away.
 */
import type { ModelGraph } from '../graph/types';
import type { DatasetSummary } from '../data/types';
import { defaultGraph, type PresetName } from '../graph/presets';
import { dataKindsOf, type DataKind } from './dataKind';
import { TEMPLATES, type TemplateId } from './templates';

/**
 * The model the app last put on the canvas, as it left it (after fitting it to the data):
 * `source` names it, `fits` the data it is meant for. `load` is set by a template load:
 * the settings and dataset it replaced and those it set, which undo and redo restore.
 */
export interface GraphOrigin<Load = unknown> {
  source: string;
  fits: readonly DataKind[];
  graph: ModelGraph;
  load?: Load;
}

/** What each preset of the "Model template" select is meant for. */
const PRESET_FITS: Record<PresetName, readonly DataKind[]> = {
  default: ['points2d'],
  mlp: ['image', 'pixels'],
  cnn: ['image'],
};

/** The origin of a preset graph (the default one on a fresh workspace included). */
export function presetOrigin(name: PresetName, graph: ModelGraph): GraphOrigin<never> {
  return { source: `preset:${name}`, fits: PRESET_FITS[name], graph };
}

/** The origin of a fresh workspace: the default graph. */
export function defaultOrigin(): GraphOrigin<never> {
  return presetOrigin('default', defaultGraph());
}

/** The origin of a template's graph, with what its load changed (for undo and redo). */
export function templateOrigin<Load>(
  id: TemplateId,
  graph: ModelGraph,
  load: Load,
): GraphOrigin<Load> {
  return { source: `template:${id}`, fits: TEMPLATES[id].fits, graph, load };
}

/** The template proposed for each kind of dataset (none: the default suits 2-D points). */
const PROPOSED: Record<DatasetSummary['kind'], TemplateId | null> = {
  image: 'image',
  tabular: 'tabular',
  points2d: null,
};

/**
 * Whether two graphs are the same model: the same layers with the same parameters, wired
 * the same way. Positions are layout, not model: moving a layer is not an edit of it.
 */
export function sameModel(a: ModelGraph, b: ModelGraph): boolean {
  if (a === b) return true;
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  const sameNodes = a.nodes.every((n, i) => {
    const m = b.nodes[i]!;
    return n.id === m.id && n.type === m.type && sameParams(n.params, m.params);
  });
  return (
    sameNodes &&
    a.edges.every((e, i) => e.source === b.edges[i]!.source && e.target === b.edges[i]!.target)
  );
}

function sameParams(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** Whether the canvas still holds the model the app put there, unedited. */
export function isUnedited(graph: ModelGraph, origin: GraphOrigin | null): boolean {
  return origin !== null && sameModel(graph, origin.graph);
}

/**
 * The origin after the app fitted the graph to a new dataset: it follows the fitted graph
 * while the user had not edited it (fitting is the app's change, not the user's), and is
 * kept, object and all, once they had.
 */
export function originAfterFit<O extends GraphOrigin>(
  origin: O | null,
  before: ModelGraph,
  fitted: ModelGraph,
): O | null {
  return origin && isUnedited(before, origin) ? { ...origin, graph: fitted } : origin;
}

/** A key naming the dataset a proposal was dismissed for (dismissing holds for that data). */
export function proposalKey(ds: Pick<DatasetSummary, 'name' | 'kind' | 'featureShape'>): string {
  return `${ds.kind}:${ds.name}:${ds.featureShape.join('x')}`;
}

/**
 * The template to propose for the loaded dataset, or null: none for 2-D points, none when
 * the user has edited the graph, none when the model on the canvas already fits the data,
 * and none when the user dismissed the proposal for this dataset.
 */
export function proposeTemplate(input: {
  dataset: Pick<DatasetSummary, 'name' | 'kind' | 'featureShape'> | null;
  graph: ModelGraph;
  origin: GraphOrigin | null;
  dismissedFor: string | null;
}): TemplateId | null {
  const { dataset, graph, origin } = input;
  if (!dataset || !origin) return null;
  const wanted = PROPOSED[dataset.kind];
  if (wanted === null || !isUnedited(graph, origin)) return null;
  const kinds = dataKindsOf(dataset);
  if (origin.fits.some((k) => kinds.includes(k))) return null;
  return input.dismissedFor === proposalKey(dataset) ? null : wanted;
}
