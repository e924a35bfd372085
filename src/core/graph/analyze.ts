/**
 * Validation and shape inference of a model graph: everything the editor shows about a
 * graph (shapes, parameter counts, problems with their fixes) comes from here.
 */
import { getLayer, unknownLayerMessage, validateParams } from '../layers/registry';
import type { LayerSpec } from '../layers/types';
import { formatShape, shapesEqual } from './shape';
import { adjacency, findCycles, nodeLabel, reachable, topologicalOrder } from './topology';
import type {
  GraphAnalysis,
  GraphIssue,
  GraphNode,
  ModelGraph,
  NodeInfo,
  Shape,
  TargetSpec,
} from './types';

export { formatShape } from './shape';
export { nodeLabel } from './topology';

/** Ends a phrase with a full stop unless it already ends with punctuation. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Validates the graph and infers every node's output shape and weight count. */
export function analyzeGraph(graph: ModelGraph, target: TargetSpec | null): GraphAnalysis {
  const adj = adjacency(graph);
  const issues: GraphIssue[] = [];
  const info: Record<string, NodeInfo> = {};
  const byId = new Map<string, GraphNode>();
  for (const node of graph.nodes) {
    byId.set(node.id, node);
    info[node.id] = { shape: null, params: 0, label: nodeLabel(node) };
  }
  const label = (id: string) => info[id]?.label ?? id;

  for (const node of graph.nodes) {
    if (!getLayer(node.type)) {
      issues.push({
        kind: 'unknown-layer',
        nodeId: node.id,
        message: `${label(node.id)}: ${unknownLayerMessage(node.type)}.`,
        fix: 'Delete it and add a layer from the palette.',
      });
    }
  }

  const inputs = graph.nodes.filter((n) => n.type === 'Input');
  if (inputs.length === 0) {
    issues.push({
      kind: 'no-input',
      message: graph.nodes.length === 0 ? 'The model is empty.' : 'The model has no Input layer.',
      fix: 'Add an Input layer from the palette and connect it to the first layer.',
    });
  }
  for (const extra of inputs.slice(1)) {
    issues.push({
      kind: 'multiple-inputs',
      nodeId: extra.id,
      message: `The model has ${inputs.length} Input layers (${inputs.map((n) => label(n.id)).join(', ')}); it takes exactly one.`,
      fix: `Delete ${label(extra.id)}.`,
    });
  }

  const cycles = findCycles(graph, adj);
  const onCycle = new Set(cycles.flat());
  for (const cycle of cycles) {
    const first = cycle[0]!;
    issues.push({
      kind: 'cycle',
      nodeId: first,
      message:
        cycle.length === 1
          ? `${label(first)} is connected to itself; data must flow one way, from the Input to the output.`
          : `${label(first)} is on a loop (${cycle.map(label).join(' → ')}); data must flow one way, from the Input to the output.`,
      fix: 'Remove one of the connections that closes the loop.',
    });
  }

  const fromInput = new Set<string>();
  for (const input of inputs) for (const id of reachable(input.id, adj.outgoing)) fromInput.add(id);
  const sinks = graph.nodes.filter(
    (n) => fromInput.has(n.id) && (adj.outgoing.get(n.id)?.length ?? 0) === 0,
  );
  const mainSink = sinks[0];
  for (const extra of sinks.slice(1)) {
    issues.push({
      kind: 'multiple-sinks',
      nodeId: extra.id,
      message: `${label(extra.id)} is a second output: nothing comes after it, and ${label(mainSink!.id)} already ends the model.`,
      fix: `Connect ${label(extra.id)} to a later layer, or delete it.`,
    });
  }
  const toSink = new Set<string>();
  for (const sink of sinks) for (const id of reachable(sink.id, adj.incoming)) toSink.add(id);

  const dangling = new Set<string>();
  for (const node of graph.nodes) {
    if (node.type === 'Input' || onCycle.has(node.id)) continue;
    if (fromInput.has(node.id) && toSink.has(node.id)) continue;
    dangling.add(node.id);
    const l = label(node.id);
    issues.push({
      kind: 'dangling',
      nodeId: node.id,
      message: fromInput.has(node.id)
        ? `${l} does not lead to the model's output.`
        : `${l} is not connected to the Input.`,
      fix: fromInput.has(node.id)
        ? `Connect ${l} to a later layer, or delete it.`
        : `Connect a layer into ${l}, or delete it.`,
    });
  }

  const order = topologicalOrder(graph, adj);
  for (const id of order) {
    const node = byId.get(id)!;
    const spec = getLayer(node.type);
    if (!spec || dangling.has(id)) continue;
    const sources = adj.incoming.get(id) ?? [];
    const arityIssue = checkArity(spec, label(id), sources.length);
    if (arityIssue) {
      issues.push({ ...arityIssue, nodeId: id });
      continue;
    }
    const paramMessages = Object.entries(validateParams(node.type, node.params));
    for (const [name, message] of paramMessages) {
      const paramLabel = spec.params.find((p) => p.name === name)?.label ?? name;
      issues.push({
        kind: 'param',
        nodeId: id,
        message: `${label(id)}: ${sentence(message)}`,
        fix: `Change ${paramLabel} of ${label(id)} in the inspector.`,
      });
    }
    if (paramMessages.length > 0) continue;
    const inShapes = sources.map((s) => info[s]?.shape ?? null);
    if (inShapes.some((s) => s === null)) continue;
    const shapes = inShapes as Shape[];
    const result = spec.inferShape(shapes, node.params);
    if (!result.ok) {
      issues.push({
        kind: 'shape',
        nodeId: id,
        message: `${label(id)}: ${sentence(result.message)}`,
        ...(result.fix ? { fix: sentence(result.fix) } : {}),
      });
      continue;
    }
    info[id] = {
      shape: result.shape,
      params: spec.countParams(shapes, node.params),
      label: label(id),
    };
  }

  const sinkId = sinks.length === 1 ? mainSink!.id : null;
  const sinkShape = sinkId ? info[sinkId]?.shape : null;
  if (target && sinkId && sinkShape && !shapesEqual(sinkShape, target.shape)) {
    issues.push(targetMismatch(byId.get(sinkId)!, label(sinkId), sinkShape, target.shape));
  }

  const inputId = inputs.length === 1 ? inputs[0]!.id : null;
  const totalParams = Object.values(info).reduce((sum, i) => sum + i.params, 0);
  return {
    order: cycles.length > 0 ? [] : order,
    info,
    issues,
    totalParams,
    inputId,
    sinkId,
    valid: issues.length === 0,
  };
}

function checkArity(spec: LayerSpec, l: string, n: number): GraphIssue | null {
  const { min, max } = spec.arity;
  if (n < min) {
    const need =
      min === max ? `exactly ${plural(min, 'input')}` : `at least ${plural(min, 'input')}`;
    return {
      kind: 'arity',
      message: `${l} needs ${need} but has ${n}.`,
      fix: n === 0 ? `Connect a layer into ${l}.` : `Connect another layer into ${l}.`,
    };
  }
  if (n > max) {
    return {
      kind: 'arity',
      message:
        max === 0
          ? `${l} takes no inputs but has ${n}.`
          : `${l} takes ${plural(max, 'input')} but has ${n}.`,
      fix:
        max === 0
          ? `Remove the connections into ${l}.`
          : `Remove ${plural(n - max, 'connection')} into ${l}, or join the branches with Add or Concatenate first.`,
    };
  }
  return null;
}

/** The target-mismatch issue on the sink, with the most direct fix for common cases. */
function targetMismatch(sink: GraphNode, l: string, shape: Shape, want: Shape): GraphIssue {
  const wantUnits = want[want.length - 1];
  const hasUnits = getLayer(sink.type)?.params.some((p) => p.name === 'units') ?? false;
  const unitsWrong = shape[shape.length - 1] !== wantUnits;
  const units =
    typeof wantUnits === 'number' ? plural(wantUnits, 'unit') : 'the right number of units';
  let fix: string;
  if (shape.length > want.length && want.length === 2) {
    fix = hasUnits
      ? `Insert Flatten before ${l}${unitsWrong ? `, and set its units to ${wantUnits}` : ''}.`
      : `Add Flatten and then a Dense layer with ${units} after ${l}.`;
  } else if (shape.length === want.length && unitsWrong) {
    fix = hasUnits
      ? `Set units of ${l} to ${wantUnits}.`
      : `Add a Dense layer with ${units} after ${l}.`;
  } else {
    fix = `Change the layers so that ${l} outputs ${formatShape(want)}.`;
  }
  return {
    kind: 'target-mismatch',
    nodeId: sink.id,
    message: `Output shape ${formatShape(shape)} of ${l} does not match the target ${formatShape(want)}.`,
    fix,
  };
}
