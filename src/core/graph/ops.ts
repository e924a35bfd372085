/**
 * The primitive edits of a model graph. Each takes a graph and returns a new one, or the
 * same object when nothing changed, so callers can skip an undo step.
 */
import { defaultParams, getLayer, type LayerType } from '../layers/registry';
import { adjacency, reachable } from './topology';
import type { GraphEdge, LayerParams, ModelGraph } from './types';

/** Vertical distance between consecutive layers of a chain. */
export const LAYER_SPACING = 110;

/** The next free id for a layer type: "dense_3" when dense_1 and dense_2 exist. */
export function newNodeId(graph: ModelGraph, type: string): string {
  const prefix = `${type.toLowerCase()}_`;
  let max = 0;
  for (const node of graph.nodes) {
    if (!node.id.startsWith(prefix)) continue;
    const rest = node.id.slice(prefix.length);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  return `${prefix}${max + 1}`;
}

function edgeId(graph: ModelGraph, source: string, target: string): string {
  const base = `e_${source}_${target}`;
  const taken = new Set(graph.edges.map((e) => e.id));
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}_${i}`;
  return id;
}

/** Adds an unconnected layer with default params; the new node is the last in `nodes`. */
export function addNode(
  graph: ModelGraph,
  type: LayerType,
  position: { x: number; y: number },
): ModelGraph {
  const node = { id: newNodeId(graph, type), type, params: defaultParams(type), position };
  return { ...graph, nodes: [...graph.nodes, node] };
}

/**
 * Adds a layer wired after `afterId`, re-routing that node's outgoing edges through the
 * new one so a chain stays a chain, and moving the layers below down to make room.
 * With `afterId` null it goes after the model's single output, if there is one.
 */
export function addNodeAfter(
  graph: ModelGraph,
  type: LayerType,
  afterId: string | null,
): ModelGraph {
  const adj = adjacency(graph);
  const sinks = graph.nodes.filter((n) => (adj.outgoing.get(n.id) ?? []).length === 0);
  const anchorId = afterId ?? (sinks.length === 1 ? sinks[0]!.id : null);
  const anchor = graph.nodes.find((n) => n.id === anchorId);
  const takesInput = (getLayer(type)?.arity.max ?? 1) > 0;
  if (!anchor || !takesInput) {
    const lowest = graph.nodes.reduce((y, n) => Math.max(y, n.position.y), -LAYER_SPACING);
    const x = graph.nodes[0]?.position.x ?? 250;
    return addNode(graph, type, { x, y: lowest + LAYER_SPACING });
  }
  const id = newNodeId(graph, type);
  const below = reachable(anchor.id, adj.outgoing);
  below.delete(anchor.id);
  const nodes = graph.nodes.map((n) =>
    below.has(n.id) ? { ...n, position: { x: n.position.x, y: n.position.y + LAYER_SPACING } } : n,
  );
  nodes.push({
    id,
    type,
    params: defaultParams(type),
    position: { x: anchor.position.x, y: anchor.position.y + LAYER_SPACING },
  });
  // Re-routed edges keep their place in the list: it is the input order of merge layers.
  const edges: GraphEdge[] = graph.edges.map((e) =>
    e.source === anchor.id ? { id: edgeId(graph, id, e.target), source: id, target: e.target } : e,
  );
  const withNode = { ...graph, nodes, edges };
  edges.push({ id: edgeId(withNode, anchor.id, id), source: anchor.id, target: id });
  return withNode;
}

/**
 * Inserts a layer on the edge `sourceId → targetId` (which must exist), at the target's
 * place, moving the target and everything below it down.
 */
export function insertBefore(
  graph: ModelGraph,
  type: LayerType,
  sourceId: string,
  targetId: string,
): ModelGraph {
  const target = graph.nodes.find((n) => n.id === targetId);
  const index = graph.edges.findIndex((e) => e.source === sourceId && e.target === targetId);
  if (!target || index < 0) return graph;
  const id = newNodeId(graph, type);
  const below = reachable(targetId, adjacency(graph).outgoing);
  const nodes = graph.nodes.map((n) =>
    below.has(n.id) ? { ...n, position: { x: n.position.x, y: n.position.y + LAYER_SPACING } } : n,
  );
  nodes.push({ id, type, params: defaultParams(type), position: { ...target.position } });
  const edges = [...graph.edges];
  edges[index] = { id: edgeId(graph, sourceId, id), source: sourceId, target: id };
  edges.push({ id: edgeId(graph, id, targetId), source: id, target: targetId });
  return { ...graph, nodes, edges };
}

/** Connects two layers; refuses self-loops, duplicates and unknown ids (graph unchanged). */
export function connect(graph: ModelGraph, source: string, target: string): ModelGraph {
  if (source === target) return graph;
  const ids = new Set(graph.nodes.map((n) => n.id));
  if (!ids.has(source) || !ids.has(target)) return graph;
  if (graph.edges.some((e) => e.source === source && e.target === target)) return graph;
  const edge = { id: edgeId(graph, source, target), source, target };
  return { ...graph, edges: [...graph.edges, edge] };
}

/** Removes layers and every connection touching them. */
export function removeNodes(graph: ModelGraph, ids: readonly string[]): ModelGraph {
  const gone = new Set(ids);
  if (!graph.nodes.some((n) => gone.has(n.id))) return graph;
  return {
    ...graph,
    nodes: graph.nodes.filter((n) => !gone.has(n.id)),
    edges: graph.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
  };
}

/** Removes connections by edge id. */
export function removeEdges(graph: ModelGraph, edgeIds: readonly string[]): ModelGraph {
  const gone = new Set(edgeIds);
  if (!graph.edges.some((e) => gone.has(e.id))) return graph;
  return { ...graph, edges: graph.edges.filter((e) => !gone.has(e.id)) };
}

/** Merges `patch` into one layer's params. */
export function updateParams(graph: ModelGraph, id: string, patch: LayerParams): ModelGraph {
  if (!graph.nodes.some((n) => n.id === id)) return graph;
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (n.id === id ? { ...n, params: { ...n.params, ...patch } } : n)),
  };
}

/** Sets the canvas position of the given layers. */
export function moveNodes(
  graph: ModelGraph,
  positions: Record<string, { x: number; y: number }>,
): ModelGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const p = positions[n.id];
      return p ? { ...n, position: { x: p.x, y: p.y } } : n;
    }),
  };
}
