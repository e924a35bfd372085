/**
 * Turns the store's graph and its analysis into React Flow nodes and edges. The graph
 * stays the single source of truth; these objects are a view of it.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type {
  GraphAnalysis,
  GraphIssue,
  LayerParams,
  ModelGraph,
  ParamValue,
} from '../../core/graph/types';
import type { LayerCategory, LayerSpec, ParamSpec } from '../../core/layers/types';
import { getLayer } from '../../core/layers/registry';
import { formatShape } from '../../core/graph/shape';

export interface LayerNodeData extends Record<string, unknown> {
  type: string;
  label: string;
  category: LayerCategory | undefined;
  /** Key parameters in a few words, e.g. "16 units, relu". */
  summary: string;
  /** Output shape, e.g. "(None, 16)"; null when it could not be inferred. */
  shape: string | null;
  params: number;
  /** The first issue of this node, with a count of the others. */
  issue: string | null;
  /** False for layers that take no input (Input): they get no target handle. */
  acceptsInput: boolean;
}

export type LayerFlowNode = Node<LayerNodeData, 'layer'>;

/** Parameters shown on the node itself; the inspector shows them all. */
const SUMMARY_PARTS = 3;

export function formatParamValue(spec: ParamSpec, value: ParamValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(spec.kind === 'ints' ? ', ' : ',');
  return String(value);
}

function summaryPart(spec: ParamSpec, value: ParamValue | undefined): string | null {
  if (value === undefined || (spec.quietDefault && value === spec.default)) return null;
  const name = spec.label.toLowerCase();
  switch (spec.kind) {
    case 'int': {
      const n = Number(value);
      // "1 unit", "8 filters": labels are plural nouns.
      const noun = n === 1 && name.endsWith('s') ? name.slice(0, -1) : name;
      return `${n.toLocaleString('en')} ${noun}`;
    }
    case 'float':
      // A float whose default is 0 is off at 0 (the L1/L2 penalties): noise on every node.
      if (value === 0 && spec.default === 0) return null;
      return `${name} ${String(value)}`;
    case 'enum':
      return String(value);
    case 'ints':
      return Array.isArray(value) ? `${name} ${value.join('×')}` : null;
    case 'bool':
      // Booleans are mostly on by default (useBias): naming them on every node is noise.
      return null;
    default: {
      const never: never = spec;
      return never;
    }
  }
}

/** Key parameters of a node in a few words, e.g. "16 units, relu". */
export function paramSummary(spec: LayerSpec | undefined, params: LayerParams): string {
  if (!spec) return '';
  const parts: string[] = [];
  for (const p of spec.params) {
    const part = summaryPart(p, params[p.name]);
    if (part) parts.push(part);
    if (parts.length === SUMMARY_PARTS) break;
  }
  return parts.join(', ');
}

function issueText(issues: readonly GraphIssue[]): string | null {
  const first = issues[0];
  if (!first) return null;
  return issues.length > 1 ? `${first.message} (+${issues.length - 1} more)` : first.message;
}

function sameData(a: LayerNodeData, b: LayerNodeData): boolean {
  return (
    a.type === b.type &&
    a.label === b.label &&
    a.category === b.category &&
    a.summary === b.summary &&
    a.shape === b.shape &&
    a.params === b.params &&
    a.issue === b.issue &&
    a.acceptsInput === b.acceptsInput
  );
}

/**
 * React Flow nodes for the graph. `previous` supplies what React Flow measured (it must
 * be handed back or nodes are re-measured and flicker) and lets unchanged nodes keep the
 * same `data` object, so the memoised LayerNode skips re-rendering them.
 */
export function toFlowNodes(
  graph: ModelGraph,
  analysis: GraphAnalysis,
  selected: ReadonlySet<string>,
  previous: readonly LayerFlowNode[],
): LayerFlowNode[] {
  const prevById = new Map(previous.map((n) => [n.id, n]));
  const issuesByNode = new Map<string, GraphIssue[]>();
  for (const issue of analysis.issues) {
    if (!issue.nodeId) continue;
    const list = issuesByNode.get(issue.nodeId) ?? [];
    list.push(issue);
    issuesByNode.set(issue.nodeId, list);
  }
  return graph.nodes.map((node) => {
    const spec = getLayer(node.type);
    const info = analysis.info[node.id];
    const data: LayerNodeData = {
      type: node.type,
      label: info?.label ?? node.id,
      category: spec?.category,
      summary: paramSummary(spec, node.params),
      shape: info?.shape ? formatShape(info.shape) : null,
      params: info?.params ?? 0,
      issue: issueText(issuesByNode.get(node.id) ?? []),
      acceptsInput: spec ? spec.arity.max > 0 : true,
    };
    const prev = prevById.get(node.id);
    return {
      id: node.id,
      type: 'layer',
      position: node.position,
      data: prev && sameData(prev.data, data) ? prev.data : data,
      selected: selected.has(node.id),
      ...(prev?.measured ? { measured: prev.measured } : {}),
      ariaLabel: `${data.label}${data.issue ? ', has a problem' : ''}`,
    };
  });
}

/** React Flow edges for the graph, labelled for screen readers by their end nodes. */
export function toFlowEdges(
  graph: ModelGraph,
  analysis: GraphAnalysis,
  selected: ReadonlySet<string>,
): Edge[] {
  const label = (id: string) => analysis.info[id]?.label ?? id;
  return graph.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    selected: selected.has(e.id),
    markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
    ariaLabel: `Connection from ${label(e.source)} to ${label(e.target)}`,
  }));
}
