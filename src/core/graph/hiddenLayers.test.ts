import { describe, expect, it } from 'vitest';
import { hiddenLayers, lastHiddenLayer, widthParam } from './hiddenLayers';
import { defaultGraph, presetGraph } from './presets';
import { graphOf } from './testGraphs';

const ids = (g: Parameters<typeof hiddenLayers>[0]) => hiddenLayers(g).map((n) => n.id);

describe('hidden layers', () => {
  it('reads the width param from the registry', () => {
    expect(widthParam('Dense')).toBe('units');
    expect(widthParam('Conv2D')).toBe('filters');
    expect(widthParam('Dropout')).toBeNull();
  });

  it('are the layers with a width that are not the output, in topological order', () => {
    expect(ids(defaultGraph())).toEqual(['dense_1', 'dense_2']);
    expect(lastHiddenLayer(defaultGraph())?.id).toBe('dense_2');
    // The Keras quickstart: Flatten and Dropout have no width; dense_2 is the output.
    expect(ids(presetGraph('mlp'))).toEqual(['dense_1']);
    expect(ids(presetGraph('cnn'))).toEqual(['conv2d_1', 'conv2d_2']);
  });

  it('follow the edges, not the order nodes are stored in', () => {
    const g = graphOf(
      [
        ['out', 'Dense', { units: 1 }],
        ['b', 'Dense'],
        ['a', 'Dense'],
        ['input_1', 'Input', { shape: [2] }],
      ],
      [
        ['input_1', 'a'],
        ['a', 'b'],
        ['b', 'out'],
      ],
    );
    expect(ids(g)).toEqual(['a', 'b']);
    expect(lastHiddenLayer({ version: 1, nodes: [], edges: [] })).toBeNull();
  });
});
