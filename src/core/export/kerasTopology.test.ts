import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeGraph } from '../graph/analyze';
import { buildModel } from '../graph/build';
import { adjacency } from '../graph/topology';
import type { ModelGraph } from '../graph/types';
import { CASES } from './codegen/testCases';
import { topologyToGraph } from './kerasTopology';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const nodesAndEdges = (g: ModelGraph) => ({
  nodes: g.nodes.map(({ id, type, params }) => ({ id, type, params })),
  edges: g.edges.map((e) => `${e.source}->${e.target}`),
});

/**
 * Same layers (by id), params and inputs in order. A layer TF.js cannot build as such may
 * come back as the identity Reshape the app built in its place (Flatten of a flat input).
 */
function expectSameModel(read: ModelGraph, graph: ModelGraph): void {
  const ids = (g: ModelGraph) => g.nodes.map((n) => n.id).sort();
  expect(ids(read)).toEqual(ids(graph));
  const [inRead, inGraph] = [adjacency(read).incoming, adjacency(graph).incoming];
  const shapes = analyzeGraph(graph, null).info;
  for (const node of graph.nodes) {
    expect(inRead.get(node.id), node.id).toEqual(inGraph.get(node.id));
    const back = read.nodes.find((n) => n.id === node.id)!;
    if (back.type === node.type) expect(back.params, node.id).toEqual(node.params);
    else {
      const identity = {
        type: 'Reshape',
        params: { targetShape: shapes[node.id]?.shape?.slice(1) },
      };
      expect(back, node.id).toMatchObject(identity);
    }
  }
}

describe('topologyToGraph', () => {
  it.each(Object.entries(CASES))('reads %s back from the topology TF.js saves', (_type, graphs) => {
    for (const graph of graphs) {
      const model = buildModel(tf, graph, 1);
      const outcome = topologyToGraph(model.toJSON(undefined, false));
      model.dispose();
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expectSameModel(outcome.graph, graph);
    }
  });

  it('gives a Sequential model without an InputLayer the input shape of its first layer', () => {
    const dense = (name: string, extra: object) => ({
      class_name: 'Dense',
      config: { name, units: 3, activation: 'relu', use_bias: true, ...extra },
    });
    const topology = {
      class_name: 'Sequential',
      config: {
        layers: [
          dense('d1', { batch_input_shape: [null, 5] }),
          // Keras 3 writes the regularizer's module; L2 alone has no l1 entry.
          dense('d2', {
            kernel_regularizer: {
              module: 'keras.regularizers',
              class_name: 'L2',
              config: { l2: 0.01 },
            },
          }),
        ],
      },
    };
    const outcome = topologyToGraph(topology);
    expect(outcome.ok && nodesAndEdges(outcome.graph)).toEqual({
      nodes: [
        { id: 'input', type: 'Input', params: { shape: [5] } },
        { id: 'd1', type: 'Dense', params: { units: 3, activation: 'relu', useBias: true } },
        {
          id: 'd2',
          type: 'Dense',
          params: { units: 3, activation: 'relu', useBias: true, l1: 0, l2: 0.01 },
        },
      ],
      edges: ['input->d1', 'd1->d2'],
    });
    const shapeless = { class_name: 'Sequential', config: { layers: [dense('d1', {})] } };
    expect(topologyToGraph(shapeless)).toEqual({
      ok: false,
      message: 'The Sequential model has no input shape.',
      unsupported: [],
    });
  });

  it('reads a Keras 3 InputLayer, whose shape is under batch_shape', () => {
    const topology = {
      class_name: 'Functional',
      config: {
        layers: [
          { name: 'x', class_name: 'InputLayer', config: { batch_shape: [null, 4, 4, 1] } },
          {
            name: 'f',
            class_name: 'Flatten',
            config: {},
            inbound_nodes: [{ args: [{ config: { keras_history: ['x', 0, 0] } }] }],
          },
        ],
      },
    };
    const outcome = topologyToGraph(topology);
    expect(outcome.ok && nodesAndEdges(outcome.graph)).toEqual({
      nodes: [
        { id: 'x', type: 'Input', params: { shape: [4, 4, 1] } },
        { id: 'f', type: 'Flatten', params: {} },
      ],
      edges: ['x->f'],
    });
  });

  it('reads LeakyReLU’s slope under its Keras 2 / TF.js name (alpha) and its Keras 3 name', () => {
    const layer = (name: string, config: object, from: string) => ({
      name,
      class_name: 'LeakyReLU',
      config,
      inbound_nodes: [{ args: [{ config: { keras_history: [from, 0, 0] } }] }],
    });
    const topology = {
      class_name: 'Functional',
      config: {
        layers: [
          { name: 'x', class_name: 'InputLayer', config: { batch_shape: [null, 3] } },
          layer('keras3', { negative_slope: 0.2 }, 'x'),
          layer('keras2', { alpha: 0.1 }, 'keras3'),
          layer('bare', {}, 'keras2'),
        ],
      },
    };
    const outcome = topologyToGraph(topology);
    expect(outcome.ok && nodesAndEdges(outcome.graph).nodes.slice(1)).toEqual([
      { id: 'keras3', type: 'LeakyReLU', params: { alpha: 0.2 } },
      { id: 'keras2', type: 'LeakyReLU', params: { alpha: 0.1 } },
      { id: 'bare', type: 'LeakyReLU', params: {} },
    ]);
  });
});
