/** Automatic layout of the model canvas. */
import dagre from '@dagrejs/dagre';
import { LAYER_SPACING, moveNodes } from './ops';
import type { ModelGraph } from './types';

/** Node box size used for layout (the canvas draws nodes about this big). */
const NODE_WIDTH = 200;
const NODE_HEIGHT = 70;

/** Lays the graph out top to bottom in layers (dagre), keeping the top-left corner in place. */
export function autoLayout(graph: ModelGraph): ModelGraph {
  if (graph.nodes.length === 0) return graph;
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: LAYER_SPACING - NODE_HEIGHT });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of graph.edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const left = Math.min(...graph.nodes.map((n) => n.position.x));
  const top = Math.min(...graph.nodes.map((n) => n.position.y));
  const laid = graph.nodes.map((n) => {
    const { x, y } = g.node(n.id) as { x: number; y: number };
    return { id: n.id, x: x - NODE_WIDTH / 2, y: y - NODE_HEIGHT / 2 };
  });
  const dx = left - Math.min(...laid.map((p) => p.x));
  const dy = top - Math.min(...laid.map((p) => p.y));
  const positions: Record<string, { x: number; y: number }> = {};
  for (const p of laid) positions[p.id] = { x: Math.round(p.x + dx), y: Math.round(p.y + dy) };
  return moveNodes(graph, positions);
}
