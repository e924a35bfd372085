/**
 * A copy of a trained model that outputs logits: saliency differentiates the chosen
 * class's score before softmax (or sigmoid), whose gradient does not vanish where the
 * model is sure, and does not mix in every other class the way softmax's does.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { buildModel } from '../../graph/build';
import { adjacency } from '../../graph/topology';
import type { GraphNode, ModelGraph } from '../../graph/types';

/**
 * The graph with its last activation made linear: the output layer's, or, behind layers
 * with no activation of their own (Dropout, Flatten, Reshape), the nearest one's. A graph
 * ending in a merge (Add, Concatenate) or with no activation is returned unchanged.
 */
export function logitGraph(graph: ModelGraph): ModelGraph {
  const { incoming, outgoing } = adjacency(graph);
  const sinks = graph.nodes.filter((n) => (outgoing.get(n.id) ?? []).length === 0);
  if (sinks.length !== 1) throw new Error(`The graph has ${sinks.length} outputs`);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  let node: GraphNode | undefined = sinks[0];
  while (node && !('activation' in node.params)) {
    const sources: string[] = incoming.get(node.id) ?? [];
    node = sources.length === 1 ? byId.get(sources[0]!) : undefined;
  }
  if (!node || node.params['activation'] === 'linear') return graph;
  const target = node.id;
  return {
    ...graph,
    nodes: graph.nodes.map((n) =>
      n.id === target ? { ...n, params: { ...n.params, activation: 'linear' } } : n,
    ),
  };
}

/** A logit copy of `trained` (built from `graph`), holding the same weights; dispose it after. */
export function logitModel(
  tf: typeof tfjs,
  graph: ModelGraph,
  seed: number,
  trained: tfjs.LayersModel,
): tfjs.LayersModel {
  const copy = buildModel(tf, logitGraph(graph), seed);
  try {
    // The values are shared with `trained` (assign takes a reference), not copied.
    copy.setWeights(trained.getWeights());
    return copy;
  } catch (err) {
    copy.dispose();
    throw err;
  }
}
