/**
 * Reading a Keras/TF.js `modelTopology` back into a model graph. Registry params use
 * Keras names in camelCase, and TF.js writes them in snake_case, so the mapping is
 * generic; a layer whose config differs (Input) reads it in its own `fromKeras` hook.
 * Layers outside the registry are listed, not guessed.
 */
import { autoLayout } from '../graph/layout';
import type { GraphEdge, GraphNode, LayerParams, ModelGraph, ParamValue } from '../graph/types';
import { LAYERS, validateParams, type LayerType } from '../layers/registry';
import { Input } from '../layers/Input';
import { kernelInitializerFromKeras } from '../layers/initializers';
import type { LayerSpec } from '../layers/types';

export type TopologyOutcome =
  { ok: true; graph: ModelGraph } | { ok: false; message: string; unsupported: string[] };

interface KerasLayerJson {
  name?: unknown;
  class_name?: unknown;
  config?: unknown;
  inbound_nodes?: unknown;
}

const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Registry layers by the class name a saved topology gives them. */
const BY_KERAS_CLASS = new Map<string, LayerSpec<LayerType>>(
  LAYERS.map((spec) => [spec.kerasClassName ?? spec.type, spec]),
);

/**
 * The `l1`/`l2` params from a saved `kernel_regularizer` ({class_name: "L1L2" | "L1" | "L2",
 * config: {l1?, l2?}}, in TF.js and Keras 3 alike); null means 0: the layer had none.
 */
function kernelPenaltyFromConfig(config: Record<string, unknown>, name: string): ParamValue {
  const reg = config['kernel_regularizer'];
  const values = isRecord(reg) && isRecord(reg['config']) ? reg['config'] : {};
  const v = values[name];
  return typeof v === 'number' ? v : 0;
}

function paramsFromConfig(layer: LayerSpec, config: Record<string, unknown>): LayerParams {
  if (layer.fromKeras) return layer.fromKeras(config);
  const params: LayerParams = {};
  for (const spec of layer.params) {
    if (spec.name === 'l1' || spec.name === 'l2') {
      if ('kernel_regularizer' in config)
        params[spec.name] = kernelPenaltyFromConfig(config, spec.name);
      continue;
    }
    if (spec.name === 'kernelInitializer') {
      // Another initializer (RandomNormal, Orthogonal...) reads as the default: a model
      // file brings its trained weights, and only training from scratch would differ.
      const initializer = kernelInitializerFromKeras(config['kernel_initializer']);
      if (initializer) params[spec.name] = initializer;
      continue;
    }
    const value = config[snake(spec.name)];
    if (value === undefined || value === null) continue;
    // TF.js writes activations as names; Keras may write {class_name, config}.
    const v =
      isRecord(value) && typeof value['class_name'] === 'string' ? value['class_name'] : value;
    params[spec.name] = (Array.isArray(v) ? [...(v as number[])] : v) as ParamValue;
  }
  return params;
}

/** Names of the layers feeding a layer, from Keras `inbound_nodes` (old and new formats). */
function inboundNames(inbound: unknown): string[] {
  if (!Array.isArray(inbound) || inbound.length === 0) return [];
  const first: unknown = inbound[0];
  if (Array.isArray(first)) {
    return first.filter(Array.isArray).map((entry) => String((entry as unknown[])[0]));
  }
  if (isRecord(first) && Array.isArray(first['args'])) {
    const names: string[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (isRecord(v)) {
        const history = isRecord(v['config']) ? v['config']['keras_history'] : undefined;
        if (Array.isArray(history)) names.push(String(history[0]));
        else Object.values(v).forEach(walk);
      }
    };
    walk(first['args']);
    return names;
  }
  return [];
}

/** The graph of a functional or Sequential model topology, or the unsupported layers. */
export function topologyToGraph(topology: unknown): TopologyOutcome {
  const root =
    isRecord(topology) && isRecord(topology['model_config']) ? topology['model_config'] : topology;
  if (!isRecord(root) || !isRecord(root['config'])) {
    return { ok: false, message: 'model.json has no model topology.', unsupported: [] };
  }
  const sequential = root['class_name'] === 'Sequential';
  const layers = root['config']['layers'];
  if (!Array.isArray(layers))
    return { ok: false, message: 'model.json lists no layers.', unsupported: [] };
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const unsupported: string[] = [];
  let previous: string | null = null;
  for (const raw of layers as KerasLayerJson[]) {
    const cls = String(raw.class_name);
    const config = isRecord(raw.config) ? raw.config : {};
    const name = String(raw.name ?? config['name'] ?? `layer_${nodes.length}`);
    const layer = BY_KERAS_CLASS.get(cls);
    if (!layer) {
      unsupported.push(`${name} (${cls})`);
      continue;
    }
    const type = layer.type;
    // A Sequential model without an InputLayer keeps its input's config on the first layer.
    if (sequential && previous === null && layer.arity.max > 0) {
      const inputParams = paramsFromConfig(Input, config);
      if (Object.keys(inputParams).length === 0) {
        return { ok: false, message: 'The Sequential model has no input shape.', unsupported };
      }
      nodes.push({ id: 'input', type: Input.type, params: inputParams, position: { x: 0, y: 0 } });
      previous = 'input';
    }
    const params = paramsFromConfig(layer, config);
    const bad = Object.values(validateParams(type, params))[0];
    if (bad) unsupported.push(`${name} (${cls}: ${bad})`);
    nodes.push({ id: name, type, params, position: { x: 0, y: 0 } });
    const sources = sequential ? (previous ? [previous] : []) : inboundNames(raw.inbound_nodes);
    for (const source of sources)
      edges.push({ id: `e_${source}_${name}_${edges.length}`, source, target: name });
    previous = name;
  }
  if (unsupported.length > 0) {
    return {
      ok: false,
      message: `The model uses layers or settings this app does not support: ${unsupported.join(', ')}.`,
      unsupported,
    };
  }
  return { ok: true, graph: autoLayout({ version: 1, nodes, edges }) };
}
