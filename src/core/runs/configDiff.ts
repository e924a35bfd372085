/**
 * What differs between two runs' configurations, in the user's words:
 * "Dense #2 units 64 → 128", "learningRate 0.01 → 0.1", "Dropout #3 added".
 *
 * Graph nodes are matched by id when the two graphs share a lineage (most ids agree:
 * one was edited from the other), then by topological position and type (the k-th Dense
 * of one graph with the k-th Dense of the other), so identical graphs built separately,
 * or with renamed node ids, show no difference. Node positions on the canvas never count.
 */
import type { DatasetChoice } from '../data/types';
import type { GraphNode, ModelGraph, ParamValue } from '../graph/types';
import { topologicalOrder, nodeLabel } from '../graph/topology';
import { getLayer } from '../layers/registry';
import type { TrainingConfig } from '../train/types';

export interface RunConfigSnapshot {
  graph: ModelGraph;
  config: TrainingConfig;
  datasetChoice: DatasetChoice;
}

export interface ConfigDifference {
  /** Where, e.g. "Dense #2 units", "learningRate", "dataset id", "Dropout #3". */
  path: string;
  /** Formatted values; null where the thing does not exist on that side. */
  before: string | null;
  after: string | null;
  /** The whole line: "Dense #2 units 64 → 128", "Dropout #3 added". */
  text: string;
}

function formatValue(v: ParamValue | undefined): string {
  if (v === undefined) return '(none)';
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  return String(v);
}

/**
 * A node's param as the layer reads it: a param absent from a graph stored before it
 * existed (kernelInitializer, l1) is its default, not a difference.
 */
function paramValue(node: GraphNode, key: string): ParamValue | undefined {
  const spec = getLayer(node.type)?.params.find((p) => p.name === key);
  const fallback = spec && (typeof spec.default === 'object' ? [...spec.default] : spec.default);
  return node.params[key] ?? fallback;
}

function difference(path: string, before: string | null, after: string | null): ConfigDifference {
  let text: string;
  if (before === null) text = `${path} added`;
  else if (after === null) text = `${path} removed`;
  else text = `${path} ${before} → ${after}`;
  return { path, before, after, text };
}

/** Nodes in topological order; nodes on a cycle follow in their stored order. */
function orderedNodes(graph: ModelGraph): GraphNode[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const order = topologicalOrder(graph);
  const seen = new Set(order);
  const rest = graph.nodes.filter((n) => !seen.has(n.id)).map((n) => n.id);
  return [...order, ...rest].map((id) => byId.get(id)).filter((n): n is GraphNode => !!n);
}

/** Pairs nodes of `a` with nodes of `b`; returns the a-id → b-id map. */
export function matchNodes(a: ModelGraph, b: ModelGraph): Map<string, string> {
  const map = new Map<string, string>();
  const bById = new Map(b.nodes.map((n) => [n.id, n]));
  const sameId = a.nodes.filter((n) => bById.get(n.id)?.type === n.type);
  const smaller = Math.min(a.nodes.length, b.nodes.length);
  const sameLineage = sameId.length > 0 && sameId.length * 2 >= smaller;
  if (sameLineage) for (const n of sameId) map.set(n.id, n.id);
  const takenB = new Set(map.values());
  const freeA = orderedNodes(a).filter((n) => !map.has(n.id));
  const freeB = orderedNodes(b).filter((n) => !takenB.has(n.id));
  const queues = new Map<string, GraphNode[]>();
  for (const n of freeB) queues.set(n.type, [...(queues.get(n.type) ?? []), n]);
  for (const n of freeA) {
    const partner = queues.get(n.type)?.shift();
    if (partner) map.set(n.id, partner.id);
  }
  return map;
}

function graphDifferences(a: ModelGraph, b: ModelGraph): ConfigDifference[] {
  const out: ConfigDifference[] = [];
  const map = matchNodes(a, b);
  const bById = new Map(b.nodes.map((n) => [n.id, n]));
  const matchedB = new Set(map.values());
  const label = new Map<string, string>();
  for (const n of orderedNodes(a)) {
    const partnerId = map.get(n.id);
    const partner = partnerId === undefined ? undefined : bById.get(partnerId);
    const name = nodeLabel(n);
    label.set(n.id, name);
    if (!partner) {
      out.push(difference(name, n.type, null));
      continue;
    }
    const keys = [...new Set([...Object.keys(n.params), ...Object.keys(partner.params)])].sort();
    for (const key of keys) {
      const before = formatValue(paramValue(n, key));
      const after = formatValue(paramValue(partner, key));
      if (before !== after) out.push(difference(`${name} ${key}`, before, after));
    }
  }
  for (const n of orderedNodes(b)) {
    if (!matchedB.has(n.id)) out.push(difference(nodeLabel(n), null, n.type));
  }
  // Connections between matched nodes, expressed in a's names.
  const bToA = new Map([...map].map(([ai, bi]) => [bi, ai]));
  const edgeKey = (s: string, t: string) => `${s}\u0000${t}`;
  const aEdges = new Set(
    a.edges
      .filter((e) => map.has(e.source) && map.has(e.target))
      .map((e) => edgeKey(e.source, e.target)),
  );
  const bEdges = new Set<string>();
  for (const e of b.edges) {
    const s = bToA.get(e.source);
    const t = bToA.get(e.target);
    if (s !== undefined && t !== undefined) bEdges.add(edgeKey(s, t));
  }
  const edgeName = (k: string) => {
    const [s = '', t = ''] = k.split('\u0000');
    return `connection ${label.get(s) ?? s} → ${label.get(t) ?? t}`;
  };
  for (const k of aEdges) if (!bEdges.has(k)) out.push(difference(edgeName(k), 'yes', null));
  for (const k of bEdges) if (!aEdges.has(k)) out.push(difference(edgeName(k), null, 'yes'));
  return out;
}

function flatten(prefix: string, value: unknown, into: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v, into);
  } else if (value !== undefined) {
    into.set(prefix, Array.isArray(value) ? `[${value.join(', ')}]` : String(value));
  }
}

function flatDifferences(prefix: string, a: object, b: object): ConfigDifference[] {
  const fa = new Map<string, string>();
  const fb = new Map<string, string>();
  flatten('', a, fa);
  flatten('', b, fb);
  const keys = [...new Set([...fa.keys(), ...fb.keys()])];
  const out: ConfigDifference[] = [];
  for (const key of keys) {
    const before = fa.get(key) ?? null;
    const after = fb.get(key) ?? null;
    if (before !== after) out.push(difference(prefix + key, before, after));
  }
  return out;
}

/** Everything that differs from run `a` to run `b`: data, then model, then training settings. */
export function diffConfigs(a: RunConfigSnapshot, b: RunConfigSnapshot): ConfigDifference[] {
  return [
    ...flatDifferences('dataset ', a.datasetChoice, b.datasetChoice),
    ...graphDifferences(a.graph, b.graph),
    ...flatDifferences('', a.config, b.config),
  ];
}
