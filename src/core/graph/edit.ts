/**
 * Pure edits of a model graph, with no React: each takes a graph and returns a new one,
 * or the same object when nothing changed, so callers can skip an undo step.
 */
export {
  LAYER_SPACING,
  addNode,
  addNodeAfter,
  connect,
  insertBefore,
  moveNodes,
  newNodeId,
  removeEdges,
  removeNodes,
  updateParams,
} from './ops';
export { autoLayout } from './layout';
export { fitGraphToDataset } from './fit';
