/**
 * Runs built to show one problem each, shared by the unit tests that prove a detector and
 * its remedy on the CPU backend and by the e2e specs that replay them in the browser (the
 * project files under e2e/fixtures/projects are these workspaces, checked to match).
 */
import type { Workspace } from '../../export/workspaceSchema';
import type { GraphNode, LayerParams, ModelGraph } from '../../graph/types';
import { DEFAULT_TRAINING_CONFIG } from '../types';

function chain(layers: readonly { type: string; params: LayerParams }[]): ModelGraph {
  const counts = new Map<string, number>();
  const nodes = layers.map((l, i): GraphNode => {
    const n = (counts.get(l.type) ?? 0) + 1;
    counts.set(l.type, n);
    return {
      id: `${l.type.toLowerCase()}_${n}`,
      type: l.type as GraphNode['type'],
      params: { ...l.params },
      position: { x: 250, y: 40 + i * 110 },
    };
  });
  const edges = nodes.slice(1).map((node, i) => {
    const source = nodes[i]!.id;
    return { id: `e_${source}_${node.id}`, source, target: node.id };
  });
  return { version: 1, nodes, edges };
}

const dense = (units: number, activation: string) => ({
  type: 'Dense',
  params: { units, activation, useBias: true },
});

/**
 * Over-fitting: 200 noisy circle points (140 to train on) and two hidden layers of 128.
 * On the CPU backend the validation loss bottoms out near epoch 7 and climbs to almost
 * twice that by epoch 30 while the training loss keeps falling.
 */
export const OVERFITTING_WORKSPACE: Workspace = {
  datasetChoice: { kind: 'synthetic', id: 'circles', size: 200, noise: 0.5 },
  graph: chain([
    { type: 'Input', params: { shape: [2] } },
    dense(128, 'relu'),
    dense(128, 'relu'),
    dense(1, 'sigmoid'),
  ]),
  config: { ...DEFAULT_TRAINING_CONFIG, epochs: 30, batchSize: 16, learningRate: 0.01 },
};

/** The imbalanced table's file (380 / 80 / 40 rows), relative to the repository root. */
export const IMBALANCED_CSV = 'e2e/fixtures/csv/imbalanced.csv';
