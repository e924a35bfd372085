/** Turns a model graph into a TF.js functional model with reproducible initial weights. */
import type * as tfjs from '@tensorflow/tfjs';
import { getLayer } from '../layers/registry';
import { analyzeGraph } from './analyze';
import { adjacency, topologicalOrder } from './topology';
import type { ModelGraph } from './types';

/** 32-bit FNV-1a hash: a stable number per node id, the same in every browser. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The seed of one layer: the run seed offset by a hash of the node id. */
export function layerSeed(seed: number, nodeId: string): number {
  return (Math.trunc(seed) + hashId(nodeId)) >>> 0;
}

/** Builds the model of a valid graph; throws with the first issue if the graph is invalid. */
export function buildModel(tf: typeof tfjs, graph: ModelGraph, seed: number): tfjs.LayersModel {
  const first = analyzeGraph(graph, null).issues[0];
  if (first) throw new Error(`Cannot build the model: ${first.message}`);
  return buildModelUnchecked(tf, graph, seed);
}

/**
 * Builds without checking shapes or params, so TF.js's own checks decide; for tests that
 * hold analyzeGraph to TF.js. Throws on a cycle, or without exactly one Input and one
 * output; weights created before a failure are disposed.
 */
export function buildModelUnchecked(
  tf: typeof tfjs,
  graph: ModelGraph,
  seed: number,
): tfjs.LayersModel {
  const adj = adjacency(graph);
  const order = topologicalOrder(graph, adj);
  if (order.length !== graph.nodes.length) throw new Error('The graph has a cycle');
  const inputs = graph.nodes.filter((n) => n.type === 'Input');
  if (inputs.length !== 1) throw new Error(`The graph has ${inputs.length} Input layers`);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const tensors = new Map<string, tfjs.SymbolicTensor>();
  // A layer can create its weights and then reject its input (Conv2D does), so on failure
  // every variable created during this build is disposed, not just finished layers'.
  const existing = new Set(Object.keys(tf.engine().registeredVariables));
  try {
    for (const id of order) {
      const node = byId.get(id)!;
      const spec = getLayer(node.type);
      if (!spec) throw new Error(`Unknown layer type ${node.type}`);
      const sources = (adj.incoming.get(id) ?? []).map((s) => tensors.get(s));
      // Nodes not fed from the Input cannot be built; they are not part of the model.
      if (node.type !== 'Input' && (sources.length === 0 || sources.some((t) => !t))) continue;
      const ctx = { name: node.id, seed: layerSeed(seed, node.id) };
      tensors.set(id, spec.apply(tf, sources as tfjs.SymbolicTensor[], node.params, ctx));
    }
    const sinks = [...tensors.keys()].filter((id) => (adj.outgoing.get(id) ?? []).length === 0);
    const sink = sinks[0];
    if (sinks.length !== 1 || sink === undefined) {
      throw new Error(`The graph has ${sinks.length} outputs`);
    }
    return tf.model({ inputs: tensors.get(inputs[0]!.id)!, outputs: tensors.get(sink)! });
  } catch (error) {
    const variables = tf.engine().registeredVariables;
    for (const name of Object.keys(variables)) {
      if (!existing.has(name)) variables[name]?.dispose();
    }
    throw error;
  }
}
