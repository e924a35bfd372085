/** Graph structure helpers: adjacency, topological order, cycles, reachability. */
import type { GraphNode, ModelGraph } from './types';

export interface Adjacency {
  /** Source ids of the edges into each node, in edge order (the input order). */
  incoming: Map<string, string[]>;
  outgoing: Map<string, string[]>;
}

/** Incoming and outgoing neighbours of every node; edges to unknown nodes are ignored. */
export function adjacency(graph: ModelGraph): Adjacency {
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const n of graph.nodes) {
    incoming.set(n.id, []);
    outgoing.set(n.id, []);
  }
  for (const e of graph.edges) {
    const into = incoming.get(e.target);
    const out = outgoing.get(e.source);
    if (!into || !out) continue;
    into.push(e.source);
    out.push(e.target);
  }
  return { incoming, outgoing };
}

/**
 * Kahn's algorithm, stable in node order. Nodes on or downstream of a cycle are left
 * out, so `order` is complete exactly when the graph is acyclic.
 */
export function topologicalOrder(graph: ModelGraph, adj = adjacency(graph)): string[] {
  const indegree = new Map<string, number>();
  for (const n of graph.nodes) indegree.set(n.id, adj.incoming.get(n.id)?.length ?? 0);
  const position = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const ready = graph.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (ready.length > 0) {
    // Keep ties in node order, so the same graph always yields the same order.
    ready.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    const id = ready.shift()!;
    order.push(id);
    for (const next of adj.outgoing.get(id) ?? []) {
      const d = (indegree.get(next) ?? 0) - 1;
      indegree.set(next, d);
      if (d === 0) ready.push(next);
    }
  }
  return order;
}

/** The cycles of the graph, one list of node ids per cycle (Tarjan's strongly connected components). */
export function findCycles(graph: ModelGraph, adj = adjacency(graph)): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  // Iterative so a long chain cannot overflow the call stack.
  for (const root of graph.nodes) {
    if (index.has(root.id)) continue;
    const work: { id: string; next: number }[] = [{ id: root.id, next: 0 }];
    index.set(root.id, counter);
    low.set(root.id, counter++);
    stack.push(root.id);
    onStack.add(root.id);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const succ = adj.outgoing.get(frame.id) ?? [];
      if (frame.next < succ.length) {
        const w = succ[frame.next++]!;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ id: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.id);
        const selfLoop = succ.includes(frame.id);
        if (component.length > 1 || selfLoop) cycles.push(component.reverse());
      }
    }
  }
  return cycles;
}

/** Ids reachable from `start` following edges forward (or backward), `start` included. */
export function reachable(start: string, neighbours: Map<string, string[]>): Set<string> {
  const seen = new Set<string>([start]);
  const todo = [start];
  while (todo.length > 0) {
    for (const next of neighbours.get(todo.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
    }
  }
  return seen;
}

/** "Dense #2" for id "dense_2": the type plus the number the editor gave the node. */
export function nodeLabel(node: Pick<GraphNode, 'id' | 'type'>): string {
  const match = /_(\d+)$/.exec(node.id);
  return match ? `${node.type} #${match[1]}` : `${node.type} (${node.id})`;
}
