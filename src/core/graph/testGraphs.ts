/** Test helpers: compact graph construction. Not imported by app code. */
import { defaultParams, type LayerType } from '../layers/registry';
import type { LayerParams, ModelGraph } from './types';

export type Stub = [id: string, type: LayerType, params?: LayerParams];

/** A graph from node stubs (default params merged) and `[source, target]` pairs. */
export function graphOf(stubs: readonly Stub[], edges: readonly [string, string][]): ModelGraph {
  return {
    version: 1,
    nodes: stubs.map(([id, type, params], i) => ({
      id,
      type,
      params: { ...defaultParams(type), ...params },
      position: { x: 0, y: i * 100 },
    })),
    edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })),
  };
}

/** A chain graph: each stub feeds the next. */
export function chainOf(stubs: readonly Stub[]): ModelGraph {
  const edges: [string, string][] = [];
  for (let i = 1; i < stubs.length; i++) edges.push([stubs[i - 1]![0], stubs[i]![0]]);
  return graphOf(stubs, edges);
}
