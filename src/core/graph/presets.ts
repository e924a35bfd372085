/**
 * Starting graphs: the default shown on first load and the presets the user can pick.
 * They are plain data (no registry import) so the store can build them cheaply.
 */
import type { LayerType } from '../layers/registry';
import type { GraphEdge, GraphNode, LayerParams, ModelGraph } from './types';

const X = 250;
const Y_STEP = 110;

/** A layer of a chain before it is placed: its type and parameters. */
export type NodeStub = { type: LayerType; params: LayerParams };

/** Builds a chain graph from layer stubs, ids numbered per type as the editor does. */
export function chain(stubs: readonly NodeStub[]): ModelGraph {
  const counts = new Map<string, number>();
  const nodes: GraphNode[] = stubs.map((stub, i) => {
    const n = (counts.get(stub.type) ?? 0) + 1;
    counts.set(stub.type, n);
    return {
      id: `${stub.type.toLowerCase()}_${n}`,
      type: stub.type,
      params: { ...stub.params },
      position: { x: X, y: 40 + i * Y_STEP },
    };
  });
  const edges: GraphEdge[] = [];
  for (let i = 1; i < nodes.length; i++) {
    const source = nodes[i - 1]!.id;
    const target = nodes[i]!.id;
    edges.push({ id: `e_${source}_${target}`, source, target });
  }
  return { version: 1, nodes, edges };
}

/** A Dense layer stub with a bias. */
export const dense = (units: number, activation: string): NodeStub => ({
  type: 'Dense',
  params: { units, activation, useBias: true },
});

/** A 3×3, stride-1 ReLU Conv2D stub ('valid' padding unless told). */
export const conv = (filters: number, padding: 'valid' | 'same' = 'valid'): NodeStub => ({
  type: 'Conv2D',
  params: {
    filters,
    kernelSize: [3, 3],
    strides: [1, 1],
    padding,
    activation: 'relu',
    useBias: true,
  },
});

/** Input [2] → Dense 8 relu → Dense 8 relu → Dense 1 sigmoid: fits the 2-D point sets. */
export function defaultGraph(): ModelGraph {
  return chain([
    { type: 'Input', params: { shape: [2] } },
    dense(8, 'relu'),
    dense(8, 'relu'),
    dense(1, 'sigmoid'),
  ]);
}

/** A 2×2 max pooling stub with stride 2. */
export const maxPool2 = (): NodeStub => ({
  type: 'MaxPooling2D',
  params: { poolSize: [2, 2], strides: [2, 2], padding: 'valid' },
});

export type PresetName = 'default' | 'mlp' | 'cnn';

export const PRESET_NAMES: readonly PresetName[] = ['default', 'mlp', 'cnn'];

/** A named starting model: 'mlp' is the Keras quickstart, 'cnn' a tiny two-conv network. */
export function presetGraph(name: PresetName): ModelGraph {
  switch (name) {
    case 'default':
      return defaultGraph();
    case 'mlp':
      return chain([
        { type: 'Input', params: { shape: [28, 28, 1] } },
        { type: 'Flatten', params: {} },
        dense(128, 'relu'),
        { type: 'Dropout', params: { rate: 0.2 } },
        dense(10, 'softmax'),
      ]);
    case 'cnn':
      return chain([
        { type: 'Input', params: { shape: [28, 28, 1] } },
        conv(8),
        maxPool2(),
        conv(8),
        { type: 'GlobalAveragePooling2D', params: {} },
        dense(10, 'softmax'),
      ]);
    default: {
      const never: never = name;
      throw new Error(`Unknown preset ${String(never)}`);
    }
  }
}
