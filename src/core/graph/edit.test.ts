import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeGraph } from './analyze';
import {
  addNode,
  addNodeAfter,
  autoLayout,
  connect,
  fitGraphToDataset,
  moveNodes,
  newNodeId,
  removeEdges,
  removeNodes,
  updateParams,
} from './edit';
import { defaultGraph, presetGraph } from './presets';
import { adjacency, topologicalOrder } from './topology';
import { chainOf, graphOf, type Stub } from './testGraphs';
import type { ModelGraph } from './types';

const pairs = (g: ModelGraph) => g.edges.map((e) => `${e.source}>${e.target}`);

describe('node ids', () => {
  it('numbers nodes per type from the highest existing number', () => {
    const g = defaultGraph();
    expect(newNodeId(g, 'Dense')).toBe('dense_4');
    expect(newNodeId(g, 'MaxPooling2D')).toBe('maxpooling2d_1');
    const gap = removeNodes(g, ['dense_2']);
    expect(newNodeId(gap, 'Dense')).toBe('dense_4');
  });
});

describe('addNode and addNodeAfter', () => {
  it('adds an unconnected layer with default params, last in nodes', () => {
    const g = addNode(defaultGraph(), 'Dropout', { x: 5, y: 6 });
    expect(g.nodes.at(-1)).toEqual({
      id: 'dropout_1',
      type: 'Dropout',
      params: { rate: 0.2 },
      position: { x: 5, y: 6 },
    });
    expect(g.edges).toEqual(defaultGraph().edges);
  });

  it('re-routes the outgoing edges through the new layer so a chain stays a chain', () => {
    const before = defaultGraph();
    const g = addNodeAfter(before, 'Dropout', 'dense_1');
    expect(pairs(g)).toEqual([
      'input_1>dense_1',
      'dropout_1>dense_2',
      'dense_2>dense_3',
      'dense_1>dropout_1',
    ]);
    expect(topologicalOrder(g)).toEqual(['input_1', 'dense_1', 'dropout_1', 'dense_2', 'dense_3']);
    const pos = Object.fromEntries(g.nodes.map((n) => [n.id, n.position.y]));
    const old = Object.fromEntries(before.nodes.map((n) => [n.id, n.position.y]));
    expect(pos['dropout_1']).toBe(old['dense_1']! + 110);
    expect(pos['dense_2']).toBe(old['dense_2']! + 110);
    expect(pos['input_1']).toBe(old['input_1']);
    expect(analyzeGraph(g, null).valid).toBe(true);
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
  });

  it('appends after the output when no node is given', () => {
    const g = addNodeAfter(defaultGraph(), 'Activation', null);
    expect(pairs(g).at(-1)).toBe('dense_3>activation_1');
    expect(analyzeGraph(g, null).sinkId).toBe('activation_1');
  });

  it('does not wire into an Input', () => {
    const g = addNodeAfter(defaultGraph(), 'Input', 'dense_3');
    expect(g.edges).toEqual(defaultGraph().edges);
  });

  it('keeps any random chain a valid chain', () => {
    const types = ['Dense', 'Dropout', 'Activation', 'BatchNormalization'] as const;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...types), { maxLength: 6 }),
        fc.array(fc.tuple(fc.constantFrom(...types), fc.nat()), { minLength: 1, maxLength: 4 }),
        (start, inserts) => {
          let g = chainOf([
            ['input_1', 'Input'],
            ...start.map((t, i): Stub => [`${t.toLowerCase()}_${i + 1}`, t]),
          ]);
          for (const [type, k] of inserts) {
            const after = g.nodes[k % g.nodes.length]!.id;
            g = addNodeAfter(g, type, after);
            const adj = adjacency(g);
            expect(analyzeGraph(g, null).issues).toEqual([]);
            expect([...adj.outgoing.values()].every((o) => o.length <= 1)).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('connect, remove, update, move', () => {
  it('refuses self-loops, duplicates and unknown nodes, but lets a cycle be drawn', () => {
    const g = defaultGraph();
    expect(connect(g, 'dense_1', 'dense_1')).toBe(g);
    expect(connect(g, 'input_1', 'dense_1')).toBe(g);
    expect(connect(g, 'input_1', 'nope')).toBe(g);
    const cyclic = connect(g, 'dense_3', 'dense_1');
    expect(pairs(cyclic).at(-1)).toBe('dense_3>dense_1');
    expect(analyzeGraph(cyclic, null).issues.map((i) => i.kind)).toContain('cycle');
  });

  it('removes nodes with their edges, and edges by id', () => {
    const g = removeNodes(defaultGraph(), ['dense_2']);
    expect(g.nodes.map((n) => n.id)).toEqual(['input_1', 'dense_1', 'dense_3']);
    expect(pairs(g)).toEqual(['input_1>dense_1']);
    const h = removeEdges(defaultGraph(), [defaultGraph().edges[0]!.id]);
    expect(pairs(h)).toEqual(['dense_1>dense_2', 'dense_2>dense_3']);
    const same = defaultGraph();
    expect(removeNodes(same, ['nope'])).toBe(same);
    expect(removeEdges(same, ['nope'])).toBe(same);
  });

  it('patches params and moves nodes without touching the input graph', () => {
    const g = defaultGraph();
    const h = updateParams(g, 'dense_1', { units: 32 });
    expect(h.nodes[1]!.params).toEqual({ units: 32, activation: 'relu', useBias: true });
    expect(g.nodes[1]!.params['units']).toBe(8);
    const m = moveNodes(g, { dense_1: { x: 1, y: 2 } });
    expect(m.nodes[1]!.position).toEqual({ x: 1, y: 2 });
    expect(g.nodes[1]!.position).not.toEqual({ x: 1, y: 2 });
  });
});

describe('autoLayout', () => {
  it('puts every layer below the layers feeding it and keeps branches apart', () => {
    const g = graphOf(
      [
        ['input_1', 'Input'],
        ['dense_1', 'Dense'],
        ['dense_2', 'Dense'],
        ['add_1', 'Add'],
      ],
      [
        ['input_1', 'dense_1'],
        ['input_1', 'dense_2'],
        ['dense_1', 'add_1'],
        ['dense_2', 'add_1'],
      ],
    );
    const scrambled = moveNodes(g, {
      input_1: { x: 300, y: 500 },
      dense_1: { x: 0, y: 0 },
      dense_2: { x: 10, y: 10 },
      add_1: { x: 900, y: 20 },
    });
    const laid = autoLayout(scrambled);
    const at = Object.fromEntries(laid.nodes.map((n) => [n.id, n.position]));
    for (const e of laid.edges) expect(at[e.target]!.y).toBeGreaterThan(at[e.source]!.y);
    expect(at['dense_1']!.y).toBe(at['dense_2']!.y);
    expect(Math.abs(at['dense_1']!.x - at['dense_2']!.x)).toBeGreaterThanOrEqual(200);
    // The layout starts where the graph's top-left corner was.
    expect(Math.min(...laid.nodes.map((n) => n.position.x))).toBe(0);
    expect(Math.min(...laid.nodes.map((n) => n.position.y))).toBe(0);
    expect(autoLayout({ version: 1, nodes: [], edges: [] }).nodes).toEqual([]);
  });
});

describe('fitGraphToDataset', () => {
  it('leaves a graph that already fits unchanged', () => {
    const g = defaultGraph();
    const fit = fitGraphToDataset(g, [2], { shape: [null, 1], task: 'binary' });
    expect(fit.changes).toEqual([]);
    expect(fit.graph).toEqual(g);
  });

  it('fits the default graph to images: input shape, Flatten, head units and activation', () => {
    const target = { shape: [null, 10], task: 'multiclass' } as const;
    const { graph, changes } = fitGraphToDataset(defaultGraph(), [28, 28, 1], target);
    expect(changes).toEqual([
      'Input shape (2) → (28, 28, 1)',
      'Added Flatten #1 before Dense #1',
      'Dense #3 units 1 → 10',
      'Dense #3 activation sigmoid → softmax',
    ]);
    expect(topologicalOrder(graph)).toEqual([
      'input_1',
      'flatten_1',
      'dense_1',
      'dense_2',
      'dense_3',
    ]);
    expect(analyzeGraph(graph, target).issues).toEqual([]);
  });

  it('sets a linear head for regression and a sigmoid one for binary tasks', () => {
    const reg = fitGraphToDataset(presetGraph('mlp'), [13], {
      shape: [null, 1],
      task: 'regression',
    });
    expect(reg.changes).toEqual([
      'Input shape (28, 28, 1) → (13)',
      'Dense #2 units 10 → 1',
      'Dense #2 activation softmax → linear',
    ]);
    expect(analyzeGraph(reg.graph, { shape: [null, 1], task: 'regression' }).valid).toBe(true);
    const bin = fitGraphToDataset(presetGraph('mlp'), [28, 28, 1], {
      shape: [null, 1],
      task: 'binary',
    });
    expect(bin.changes).toEqual(['Dense #2 units 10 → 1', 'Dense #2 activation softmax → sigmoid']);
  });

  it('appends a Dense head (after a Flatten for images) when the output is not Dense', () => {
    const target = { shape: [null, 3], task: 'multiclass' } as const;
    const conv = chainOf([
      ['input_1', 'Input', { shape: [8, 8, 1] }],
      ['conv2d_1', 'Conv2D'],
    ]);
    const fit = fitGraphToDataset(conv, [8, 8, 1], target);
    expect(fit.changes).toEqual([
      'Added Flatten #1 after Conv2D #1',
      'Added Dense #1 (3 units, softmax) as the output layer',
    ]);
    expect(analyzeGraph(fit.graph, target).issues).toEqual([]);
    const flat = chainOf([
      ['input_1', 'Input', { shape: [4] }],
      ['dropout_1', 'Dropout'],
    ]);
    const fit2 = fitGraphToDataset(flat, [4], target);
    expect(fit2.changes).toEqual(['Added Dense #1 (3 units, softmax) as the output layer']);
    expect(analyzeGraph(fit2.graph, target).issues).toEqual([]);
  });

  it('stops flattening where a layer needs the image (Conv2D → Dense)', () => {
    const target = { shape: [null, 10], task: 'multiclass' } as const;
    const g = chainOf([
      ['input_1', 'Input', { shape: [8, 8, 1] }],
      ['conv2d_1', 'Conv2D'],
      ['dense_1', 'Dense', { units: 16 }],
      ['dense_2', 'Dense', { units: 10, activation: 'softmax' }],
    ]);
    const fit = fitGraphToDataset(g, [8, 8, 1], target);
    expect(fit.changes).toEqual(['Added Flatten #1 before Dense #1']);
    expect(topologicalOrder(fit.graph)).toEqual([
      'input_1',
      'conv2d_1',
      'flatten_1',
      'dense_1',
      'dense_2',
    ]);
    expect(analyzeGraph(fit.graph, target).issues).toEqual([]);
  });
});
