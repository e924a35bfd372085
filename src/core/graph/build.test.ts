import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeGraph } from './analyze';
import { buildModel, layerSeed } from './build';
import { defaultGraph, PRESET_NAMES, presetGraph } from './presets';
import { chainOf } from './testGraphs';
import type { ModelGraph } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

function initialWeights(graph: ModelGraph, seed: number): number[][] {
  const model = buildModel(tf, graph, seed);
  const values = model.getWeights().map((w) => Array.from(w.dataSync()));
  model.dispose();
  return values;
}

const convNet = chainOf([
  ['input_1', 'Input', { shape: [6, 6, 1] }],
  ['conv2d_1', 'Conv2D', { filters: 2 }],
  ['flatten_1', 'Flatten'],
  ['dense_1', 'Dense', { units: 3 }],
]);

describe('buildModel', () => {
  it('gives the same initial weights for the same seed, others for another seed', () => {
    for (const graph of [defaultGraph(), convNet]) {
      const a = initialWeights(graph, 42);
      expect(initialWeights(graph, 42)).toEqual(a);
      const b = initialWeights(graph, 43);
      expect(b).not.toEqual(a);
      // Kernels are random, biases start at zero.
      expect(a[0]!.some((v) => v !== 0)).toBe(true);
      expect(a[1]!.every((v) => v === 0)).toBe(true);
    }
  });

  it('seeds each layer differently, so equal layers do not start equal', () => {
    const g = chainOf([
      ['input_1', 'Input', { shape: [4] }],
      ['dense_1', 'Dense', { units: 4 }],
      ['dense_2', 'Dense', { units: 4 }],
    ]);
    const [k1, , k2] = initialWeights(g, 1);
    expect(k1).not.toEqual(k2);
    expect(layerSeed(1, 'dense_1')).not.toBe(layerSeed(1, 'dense_2'));
    expect(layerSeed(1, 'dense_1')).toBe(layerSeed(1, 'dense_1'));
  });

  it('names layers by node id and builds a functional model in graph order', () => {
    const before = tf.memory().numTensors;
    const model = buildModel(tf, convNet, 0);
    expect(model.layers.map((l) => l.name)).toEqual([
      'input_1',
      'conv2d_1',
      'flatten_1',
      'dense_1',
    ]);
    expect(model.outputs[0]!.shape).toEqual([null, 3]);
    const y = tf.tidy(() => (model.predict(tf.ones([2, 6, 6, 1])) as tf.Tensor).shape);
    expect(y).toEqual([2, 3]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('builds a graph with branches and the inputs of Concatenate in edge order', () => {
    const g: ModelGraph = {
      ...chainOf([
        ['input_1', 'Input', { shape: [4] }],
        ['dense_1', 'Dense', { units: 2 }],
        ['dense_2', 'Dense', { units: 5 }],
        ['concatenate_1', 'Concatenate'],
      ]),
    };
    g.edges = [
      { id: 'a', source: 'input_1', target: 'dense_1' },
      { id: 'b', source: 'input_1', target: 'dense_2' },
      { id: 'c', source: 'dense_2', target: 'concatenate_1' },
      { id: 'd', source: 'dense_1', target: 'concatenate_1' },
    ];
    expect(analyzeGraph(g, null).info['concatenate_1']?.shape).toEqual([null, 7]);
    const model = buildModel(tf, g, 3);
    const concat = model.getLayer('concatenate_1');
    expect(concat.inboundNodes[0]!.inboundLayers.map((l) => l.name)).toEqual([
      'dense_2',
      'dense_1',
    ]);
    model.dispose();
  });

  it('throws on an invalid graph without leaking tensors', () => {
    const before = tf.memory().numTensors;
    const bad = chainOf([
      ['input_1', 'Input', { shape: [4] }],
      ['dense_1', 'Dense'],
      ['conv2d_1', 'Conv2D'],
    ]);
    expect(() => buildModel(tf, bad, 1)).toThrow(/Conv2D #1: needs an image input/);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('builds every preset, and each is valid for its dataset shape', () => {
    const targets = { default: [null, 1], mlp: [null, 10], cnn: [null, 10] } as const;
    for (const name of PRESET_NAMES) {
      const graph = presetGraph(name);
      const task = name === 'default' ? 'binary' : 'multiclass';
      const analysis = analyzeGraph(graph, { shape: targets[name], task });
      expect(analysis.issues, name).toEqual([]);
      const model = buildModel(tf, graph, 7);
      expect(model.countParams()).toBe(analysis.totalParams);
      model.dispose();
    }
    expect(analyzeGraph(presetGraph('mlp'), null).totalParams).toBe(
      784 * 128 + 128 + 128 * 10 + 10,
    );
  });
});

describe('defaultGraph', () => {
  it('is Input [2] → Dense 8 relu → Dense 8 relu → Dense 1 sigmoid, top to bottom', () => {
    const g = defaultGraph();
    expect(g.nodes.map((n) => [n.id, n.type, n.params['units'] ?? n.params['shape']])).toEqual([
      ['input_1', 'Input', [2]],
      ['dense_1', 'Dense', 8],
      ['dense_2', 'Dense', 8],
      ['dense_3', 'Dense', 1],
    ]);
    expect(g.nodes.map((n) => n.params['activation'])).toEqual([
      undefined,
      'relu',
      'relu',
      'sigmoid',
    ]);
    const ys = g.nodes.map((n) => n.position.y);
    expect(ys.slice(1).map((y, i) => y - ys[i]!)).toEqual([110, 110, 110]);
    expect(g.nodes.every((n) => n.position.x === 250)).toBe(true);
    expect(defaultGraph()).not.toBe(g);
  });
});
