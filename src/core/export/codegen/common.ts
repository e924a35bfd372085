/** What the Keras and PyTorch generators share: graph order, Python names, settings. */
import { analyzeGraph } from '../../graph/analyze';
import { adjacency } from '../../graph/topology';
import type { GraphNode, ModelGraph, Shape, TaskKind } from '../../graph/types';
import { resolveLoss } from '../../train/losses';
import type { LossName, TrainingConfig } from '../../train/types';
import type { PreprocessingInfo } from '../modelFiles';

export interface CodegenInput {
  graph: ModelGraph;
  config: TrainingConfig;
  /** How raw data becomes inputs: from the last trained run when there is one. */
  preprocessing: PreprocessingInfo;
}

export interface OrderedNode {
  node: GraphNode;
  /** Python identifier of the node's output (and module attribute). */
  py: string;
  inputs: string[];
  inShapes: Shape[];
  outShape: Shape;
}

export type Ordered =
  | { ok: true; nodes: OrderedNode[]; input: OrderedNode; output: OrderedNode }
  | { ok: false; message: string };

const PY_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield x self'.split(
    ' ',
  ),
);

/** A Python identifier for a node id ("dense-1" → "dense_1"), unique within `taken`. */
export function pyIdent(id: string, taken: Set<string>): string {
  let base = id.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(base)) base = `l_${base}`;
  if (PY_KEYWORDS.has(base)) base = `${base}_`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  taken.add(name);
  return name;
}

/** Nodes in topological order with their Python names and shapes; only valid graphs. */
export function orderGraph(graph: ModelGraph): Ordered {
  const analysis = analyzeGraph(graph, null);
  const issue = analysis.issues[0];
  if (issue || analysis.inputId === null || analysis.sinkId === null) {
    return {
      ok: false,
      message: `Fix the model first: ${issue?.message ?? 'it has no input or output'}.`,
    };
  }
  const adj = adjacency(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const taken = new Set<string>();
  const names = new Map<string, string>();
  const nodes: OrderedNode[] = [];
  for (const id of analysis.order) {
    const node = byId.get(id)!;
    names.set(id, pyIdent(id, taken));
    const sources = adj.incoming.get(id) ?? [];
    nodes.push({
      node,
      py: names.get(id)!,
      inputs: sources.map((s) => names.get(s)!),
      inShapes: sources.map((s) => analysis.info[s]!.shape!),
      outShape: analysis.info[id]!.shape!,
    });
  }
  const find = (id: string) => nodes.find((n) => n.node.id === id)!;
  return { ok: true, nodes, input: find(analysis.inputId), output: find(analysis.sinkId) };
}

/** JSON embedded in a Python source as `json.loads(r'''...''')`. */
export function pyJson(value: unknown): string {
  const text = JSON.stringify(value).replace(/'/g, '\\u0027');
  return `json.loads(r'''${text}''')`;
}

export function lossOf(task: TaskKind, config: TrainingConfig): LossName {
  return resolveLoss(task, config.loss);
}

export function pyNumber(n: number): string {
  return Number.isInteger(n) ? `${n}` : String(n);
}
