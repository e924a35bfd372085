/**
 * The graph edits of the dead-units remedies: a ReLU layer's activation moved into a
 * LeakyReLU layer right after it, and He initialisation of its kernel. Pure: each takes a
 * graph and the layers to change and returns the new graph with what it changed.
 */
import type { KernelInitializerName } from '../layers/initializers';
import { getLayer } from '../layers/registry';
import { addNodeAfter, updateParams } from './ops';
import type { GraphNode, ModelGraph } from './types';

/** The layers of `ids` (in graph order) whose activation is ReLU. */
export function reluLayers(graph: ModelGraph, ids: readonly string[]): GraphNode[] {
  const wanted = new Set(ids);
  return graph.nodes.filter((n) => wanted.has(n.id) && n.params.activation === 'relu');
}

/** A layer the LeakyReLU edit changed, and the LeakyReLU it added after it. */
export interface LeakyReluChange {
  layer: string;
  leakyRelu: string;
}

/**
 * Each ReLU layer of `ids` made linear and followed by a LeakyReLU layer, which takes over
 * its outgoing edges (a merge keeps its input order); other layers are left alone.
 */
export function moveReluToLeakyRelu(
  graph: ModelGraph,
  ids: readonly string[],
): { graph: ModelGraph; changed: LeakyReluChange[] } {
  let edited = graph;
  const changed: LeakyReluChange[] = [];
  for (const layer of reluLayers(graph, ids)) {
    edited = addNodeAfter(edited, 'LeakyReLU', layer.id);
    const leakyRelu = edited.nodes[edited.nodes.length - 1]!.id;
    edited = updateParams(edited, layer.id, { activation: 'linear' });
    changed.push({ layer: layer.id, leakyRelu });
  }
  return { graph: edited, changed };
}

/**
 * `initializer` on each layer of `ids` with a kernel initializer param (Dense, Conv2D) that
 * has another one (an absent param is its default); returns the ids it changed.
 */
export function setKernelInitializer(
  graph: ModelGraph,
  ids: readonly string[],
  initializer: KernelInitializerName,
): { graph: ModelGraph; changed: string[] } {
  const wanted = new Set(ids);
  let edited = graph;
  const changed: string[] = [];
  for (const node of graph.nodes) {
    const spec = getLayer(node.type)?.params.find((p) => p.name === 'kernelInitializer');
    if (!wanted.has(node.id) || !spec) continue;
    if ((node.params.kernelInitializer ?? spec.default) === initializer) continue;
    edited = updateParams(edited, node.id, { kernelInitializer: initializer });
    changed.push(node.id);
  }
  return { graph: edited, changed };
}
