/**
 * The model graph as plain, versioned JSON. It is the single source of truth for the
 * editor, persistence, run snapshots, share links and exporters.
 *
 * Shapes always include the batch dimension first as `null`, Keras-style:
 * a Dense layer with 10 units on a batch of vectors has shape `[null, 10]`.
 */
import type { LayerType } from '../layers/registry';

/** A tensor shape with the batch dimension first (`null` = unknown size). */
export type Shape = ReadonlyArray<number | null>;

/** A parameter value a layer can hold. `number[]` is used for shapes and kernel sizes. */
export type ParamValue = number | string | boolean | number[];

export type LayerParams = Record<string, ParamValue>;

export interface GraphNode {
  /** Stable id, unique within the graph (e.g. "dense_2"). */
  id: string;
  /** Registry name of the layer type, e.g. "Dense"; untrusted JSON is narrowed to it at the edge. */
  type: LayerType;
  params: LayerParams;
  position: { x: number; y: number };
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
}

export interface ModelGraph {
  version: 1;
  nodes: GraphNode[];
  /**
   * Edges into a node are ordered by their position in this array: for Concatenate the
   * order of inputs is the order of the edges targeting it.
   */
  edges: GraphEdge[];
}

/** What the output of the model must look like for the current dataset. */
export interface TargetSpec {
  /** Expected sink output shape, e.g. [null, 10]. */
  shape: Shape;
  task: TaskKind;
}

export type TaskKind = 'binary' | 'multiclass' | 'regression';

export type GraphIssueKind =
  | 'no-input'
  | 'multiple-inputs'
  | 'cycle'
  | 'dangling'
  | 'multiple-sinks'
  | 'arity'
  | 'shape'
  | 'param'
  | 'target-mismatch'
  | 'unknown-layer';

/** A problem found in the graph, attached to the node that should be fixed. */
export interface GraphIssue {
  kind: GraphIssueKind;
  /** The offending node, when there is one. */
  nodeId?: string;
  /** Human message naming the node, e.g. "Add #1: inputs have shapes (None,8) and (None,4)". */
  message: string;
  /** What to do about it, e.g. "Insert Flatten before Dense #2." */
  fix?: string;
}

/** Per-node result of shape inference. */
export interface NodeInfo {
  /** Output shape, or null where it could not be inferred. */
  shape: Shape | null;
  /** Trainable + non-trainable weights, as TF.js `countParams()` reports. */
  params: number;
  /** Short human label, e.g. "Dense #2". */
  label: string;
}

export interface GraphAnalysis {
  /** Node ids in topological order (only when the graph has no cycle). */
  order: string[];
  info: Record<string, NodeInfo>;
  issues: GraphIssue[];
  totalParams: number;
  inputId: string | null;
  sinkId: string | null;
  valid: boolean;
}
