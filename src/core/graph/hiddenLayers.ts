/**
 * The model's hidden layers as the diagnostics remedies see them: the layers with a width
 * (a `units` or `filters` param in their registry schema) that are not an output. Read from
 * the layer registry, so a new layer type with `units` counts without a change here.
 */
import { getLayer } from '../layers/registry';
import { adjacency, topologicalOrder } from './topology';
import type { GraphNode, ModelGraph } from './types';

/** The params that set a layer's width, in the order they are looked for. */
const WIDTH_PARAMS = ['units', 'filters'] as const;

export type WidthParam = (typeof WIDTH_PARAMS)[number];

/** The name of a layer type's width param (`units`, `filters`), or null when it has none. */
export function widthParam(type: string): WidthParam | null {
  const names = new Set(getLayer(type)?.params.map((p) => p.name) ?? []);
  return WIDTH_PARAMS.find((name) => names.has(name)) ?? null;
}

/** The hidden layers (with a width, not an output), in topological order. */
export function hiddenLayers(graph: ModelGraph): GraphNode[] {
  const adj = adjacency(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return topologicalOrder(graph, adj)
    .map((id) => byId.get(id))
    .filter(
      (n): n is GraphNode =>
        n !== undefined && (adj.outgoing.get(n.id) ?? []).length > 0 && widthParam(n.type) !== null,
    );
}

/** The last hidden layer before the output (the one Dropout and L2 remedies name), or null. */
export function lastHiddenLayer(graph: ModelGraph): GraphNode | null {
  return hiddenLayers(graph).at(-1) ?? null;
}
