import { describe, expect, it } from 'vitest';
import { analyzeGraph } from './analyze';
import { moveReluToLeakyRelu, reluLayers, setKernelInitializer } from './deadUnitEdits';
import { chainOf, graphOf } from './testGraphs';
import type { ModelGraph } from './types';

const pairs = (g: ModelGraph) => g.edges.map((e) => `${e.source}>${e.target}`);
const params = (g: ModelGraph, id: string) => g.nodes.find((n) => n.id === id)?.params;

const mlp = () =>
  chainOf([
    ['input_1', 'Input', { shape: [4] }],
    ['dense_1', 'Dense', { units: 8 }],
    ['dense_2', 'Dense', { units: 8, activation: 'tanh' }],
    ['dense_3', 'Dense', { units: 3, activation: 'softmax' }],
  ]);

describe('moveReluToLeakyRelu', () => {
  it('makes each named ReLU layer linear and puts a LeakyReLU after it, in the chain', () => {
    const g = mlp();
    const { graph, changed } = moveReluToLeakyRelu(g, ['dense_1', 'dense_2', 'nope']);
    expect(changed).toEqual([{ layer: 'dense_1', leakyRelu: 'leakyrelu_1' }]);
    expect(params(graph, 'dense_1')?.activation).toBe('linear');
    expect(params(graph, 'dense_2')?.activation).toBe('tanh');
    expect(params(graph, 'leakyrelu_1')).toEqual({ alpha: 0.3 });
    expect(pairs(graph)).toEqual([
      'input_1>dense_1',
      'leakyrelu_1>dense_2',
      'dense_2>dense_3',
      'dense_1>leakyrelu_1',
    ]);
    expect(analyzeGraph(graph, null).issues).toEqual([]);
    // The input graph is not changed, and a second pass finds no ReLU left to move.
    expect(params(g, 'dense_1')?.activation).toBe('relu');
    expect(moveReluToLeakyRelu(graph, ['dense_1'])).toEqual({ graph, changed: [] });
  });

  it('moves every outgoing edge of a branching layer, keeping a merge’s input order', () => {
    const g = graphOf(
      [
        ['in', 'Input', { shape: [4] }],
        ['a', 'Dense', { units: 3 }],
        ['b', 'Dense', { units: 3, activation: 'linear' }],
        ['cat', 'Concatenate'],
        ['add', 'Add'],
      ],
      [
        ['in', 'a'],
        ['in', 'b'],
        ['b', 'cat'],
        ['a', 'cat'],
        ['a', 'add'],
        ['b', 'add'],
      ],
    );
    const before = analyzeGraph(g, null).info['cat']?.shape;
    const { graph, changed } = moveReluToLeakyRelu(g, ['a', 'b']);
    expect(changed.map((c) => c.layer)).toEqual(['a']);
    const into = (id: string) => graph.edges.filter((e) => e.target === id).map((e) => e.source);
    expect(into('cat')).toEqual(['b', 'leakyrelu_1']);
    expect(into('add')).toEqual(['leakyrelu_1', 'b']);
    expect(analyzeGraph(graph, null).info['cat']?.shape).toEqual(before);
  });

  it('names the ReLU layers among ids, in graph order', () => {
    expect(reluLayers(mlp(), ['dense_3', 'dense_1', 'dense_2']).map((n) => n.id)).toEqual([
      'dense_1',
    ]);
  });
});

describe('setKernelInitializer', () => {
  it('sets it on the named layers with a kernel that have another one', () => {
    const g = chainOf([
      ['input_1', 'Input', { shape: [4] }],
      ['dense_1', 'Dense', { units: 8 }],
      ['dropout_1', 'Dropout'],
      ['dense_2', 'Dense', { units: 3, kernelInitializer: 'heNormal' }],
    ]);
    // Stored before the param existed: absent means Glorot-uniform.
    delete g.nodes[1]!.params.kernelInitializer;
    const ids = ['dense_1', 'dropout_1', 'dense_2'];
    const { graph, changed } = setKernelInitializer(g, ids, 'heNormal');
    expect(changed).toEqual(['dense_1']);
    expect(params(graph, 'dense_1')?.kernelInitializer).toBe('heNormal');
    expect(params(graph, 'dropout_1')).toEqual(params(g, 'dropout_1'));
    expect(setKernelInitializer(graph, ids, 'heNormal')).toEqual({ graph, changed: [] });
    expect(setKernelInitializer(g, ['dense_1'], 'glorotUniform').changed).toEqual([]);
  });
});
