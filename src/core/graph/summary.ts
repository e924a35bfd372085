/** The Keras-style `model.summary()` table of a graph. */
import { getLayer } from '../layers/registry';
import { formatShape } from './shape';
import { adjacency, topologicalOrder } from './topology';
import type { GraphAnalysis, ModelGraph, Shape } from './types';

export interface SummaryRow {
  id: string;
  label: string;
  type: string;
  /** "(None, 28, 28, 8)", or "?" where the shape could not be inferred. */
  shape: string;
  params: number;
  /** Labels of the layers feeding this one, in input order. */
  connectedTo: string[];
}

export interface KerasSummary {
  rows: SummaryRow[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
}

/** Weights of one node that the optimizer does not train (BatchNormalization moving stats). */
function nonTrainable(graph: ModelGraph, analysis: GraphAnalysis, id: string): number {
  const node = graph.nodes.find((n) => n.id === id);
  const spec = node ? getLayer(node.type) : undefined;
  if (!node || !spec?.nonTrainableParams || analysis.info[id]?.shape == null) return 0;
  const inputs = graph.edges
    .filter((e) => e.target === id)
    .map((e) => analysis.info[e.source]?.shape ?? null);
  if (inputs.some((s) => s === null)) return 0;
  return spec.nonTrainableParams(inputs as Shape[], node.params);
}

/** Total weights the optimizer trains (all weights minus the non-trainable ones). */
export function trainableParams(graph: ModelGraph, analysis: GraphAnalysis): number {
  const frozen = graph.nodes.reduce((sum, n) => sum + nonTrainable(graph, analysis, n.id), 0);
  return analysis.totalParams - frozen;
}

/** Rows in topological order (node order for what a cycle leaves out), with totals. */
export function kerasSummary(graph: ModelGraph, analysis: GraphAnalysis): KerasSummary {
  const adj = adjacency(graph);
  const order =
    analysis.order.length === graph.nodes.length ? analysis.order : topologicalOrder(graph, adj);
  const seen = new Set(order);
  const ids = [...order, ...graph.nodes.map((n) => n.id).filter((id) => !seen.has(id))];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const label = (id: string) => analysis.info[id]?.label ?? id;
  const rows = ids.map((id): SummaryRow => {
    const shape = analysis.info[id]?.shape;
    return {
      id,
      label: label(id),
      type: byId.get(id)?.type ?? '?',
      shape: shape ? formatShape(shape) : '?',
      params: analysis.info[id]?.params ?? 0,
      connectedTo: (adj.incoming.get(id) ?? []).map(label),
    };
  });
  const trainable = trainableParams(graph, analysis);
  return {
    rows,
    totalParams: analysis.totalParams,
    trainableParams: trainable,
    nonTrainableParams: analysis.totalParams - trainable,
  };
}
