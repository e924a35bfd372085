import { describe, expect, it } from 'vitest';
import { analyzeGraph, formatShape, nodeLabel } from './analyze';
import { chainOf, graphOf, type Stub } from './testGraphs';
import type { LayerType } from '../layers/registry';
import type { GraphIssueKind, ModelGraph, TargetSpec } from './types';

const kinds = (g: ModelGraph, target: TargetSpec | null = null) =>
  analyzeGraph(g, target).issues.map((i) => i.kind);

const mlp = chainOf([
  ['input_1', 'Input', { shape: [4] }],
  ['dense_1', 'Dense', { units: 8 }],
  ['dense_2', 'Dense', { units: 3, activation: 'softmax' }],
]);

describe('labels and shapes', () => {
  it('labels nodes from their ids', () => {
    expect(nodeLabel({ id: 'dense_2', type: 'Dense' })).toBe('Dense #2');
    expect(nodeLabel({ id: 'maxpooling2d_1', type: 'MaxPooling2D' })).toBe('MaxPooling2D #1');
    expect(nodeLabel({ id: 'custom', type: 'Dense' })).toBe('Dense (custom)');
  });

  it('formats shapes like Keras', () => {
    expect(formatShape([null, 28, 28, 1])).toBe('(None, 28, 28, 1)');
    expect(formatShape([null, 10])).toBe('(None, 10)');
  });
});

describe('analyzeGraph on a valid graph', () => {
  it('infers shapes and counts weights', () => {
    const a = analyzeGraph(mlp, { shape: [null, 3], task: 'multiclass' });
    expect(a.valid).toBe(true);
    expect(a.issues).toEqual([]);
    expect(a.order).toEqual(['input_1', 'dense_1', 'dense_2']);
    expect(a.inputId).toBe('input_1');
    expect(a.sinkId).toBe('dense_2');
    expect(a.info['dense_1']).toEqual({ shape: [null, 8], params: 4 * 8 + 8, label: 'Dense #1' });
    expect(a.info['dense_2']?.params).toBe(8 * 3 + 3);
    expect(a.totalParams).toBe(40 + 27);
  });
});

describe('analyzeGraph issues', () => {
  const only = (g: ModelGraph, kind: GraphIssueKind, target: TargetSpec | null = null) => {
    const a = analyzeGraph(g, target);
    expect(a.issues.map((i) => i.kind)).toEqual([kind]);
    expect(a.valid).toBe(false);
    return a.issues[0]!;
  };

  it('cycle', () => {
    const g = graphOf(
      [
        ['input_1', 'Input'],
        ['dense_1', 'Dense'],
        ['dense_2', 'Dense'],
        ['dense_3', 'Dense'],
      ],
      [
        ['input_1', 'dense_1'],
        ['dense_1', 'dense_2'],
        ['dense_2', 'dense_1'],
        ['dense_2', 'dense_3'],
      ],
    );
    const a = analyzeGraph(g, null);
    const cycle = a.issues.find((i) => i.kind === 'cycle')!;
    expect(['dense_1', 'dense_2']).toContain(cycle.nodeId);
    expect(cycle.message).toMatch(/Dense #[12] is on a loop/);
    expect(a.order).toEqual([]);
    expect(a.valid).toBe(false);
  });

  it('dangling node not connected to the Input', () => {
    const g = graphOf(
      [...mlp.nodes.map((n): Stub => [n.id, n.type, n.params]), ['dense_3', 'Dense']],
      [
        ['input_1', 'dense_1'],
        ['dense_1', 'dense_2'],
      ],
    );
    const issue = only(g, 'dangling');
    expect(issue).toMatchObject({
      nodeId: 'dense_3',
      message: 'Dense #3 is not connected to the Input.',
    });
    expect(analyzeGraph(g, null).info['dense_3']?.shape).toBeNull();
  });

  it('second sink', () => {
    const g = graphOf(
      [
        ['input_1', 'Input'],
        ['dense_1', 'Dense'],
        ['dense_2', 'Dense'],
        ['dense_3', 'Dense'],
      ],
      [
        ['input_1', 'dense_1'],
        ['dense_1', 'dense_2'],
        ['dense_1', 'dense_3'],
      ],
    );
    const issue = only(g, 'multiple-sinks');
    expect(issue.nodeId).toBe('dense_3');
    expect(issue.message).toContain('Dense #2 already ends the model');
    expect(analyzeGraph(g, null).sinkId).toBeNull();
  });

  it('no input', () => {
    expect(kinds(chainOf([['dense_1', 'Dense']]))).toContain('no-input');
    expect(analyzeGraph({ version: 1, nodes: [], edges: [] }, null).issues).toEqual([
      expect.objectContaining({ kind: 'no-input', message: 'The model is empty.' }),
    ]);
  });

  it('two inputs', () => {
    const g = graphOf(
      [
        ['input_1', 'Input'],
        ['input_2', 'Input'],
        ['concatenate_1', 'Concatenate'],
      ],
      [
        ['input_1', 'concatenate_1'],
        ['input_2', 'concatenate_1'],
      ],
    );
    const issue = only(g, 'multiple-inputs');
    expect(issue.nodeId).toBe('input_2');
    expect(analyzeGraph(g, null).inputId).toBeNull();
  });

  it('arity: Add with one input, Dense with two', () => {
    const add = chainOf([
      ['input_1', 'Input'],
      ['add_1', 'Add'],
    ]);
    expect(only(add, 'arity')).toMatchObject({
      nodeId: 'add_1',
      message: 'Add #1 needs at least 2 inputs but has 1.',
    });
    const dense = graphOf(
      [
        ['input_1', 'Input'],
        ['dense_1', 'Dense'],
        ['dense_2', 'Dense'],
      ],
      [
        ['input_1', 'dense_1'],
        ['input_1', 'dense_2'],
        ['dense_1', 'dense_2'],
      ],
    );
    expect(only(dense, 'arity').message).toBe('Dense #2 takes 1 input but has 2.');
  });

  it('Add and Concatenate with mismatched shapes', () => {
    const merge = (type: LayerType, id: string) =>
      graphOf(
        [
          ['input_1', 'Input', { shape: [6] }],
          ['dense_1', 'Dense', { units: 8 }],
          ['dense_2', 'Dense', { units: 4 }],
          ['reshape_1', 'Reshape', { targetShape: [2, 3] }],
          [id, type],
        ],
        [
          ['input_1', 'dense_1'],
          ['input_1', 'reshape_1'],
          ['reshape_1', 'dense_2'],
          ['dense_1', id],
          ['dense_2', id],
        ],
      );
    const add = only(merge('Add', 'add_1'), 'shape');
    expect(add.nodeId).toBe('add_1');
    expect(add.message).toBe(
      'Add #1: inputs have shapes (None, 8) and (None, 2, 4); they must be equal.',
    );
    const concat = only(merge('Concatenate', 'concatenate_1'), 'shape');
    expect(concat.message).toContain(
      'Concatenate #1: inputs have shapes (None, 8) and (None, 2, 4)',
    );
    expect(concat.fix).toBe('Flatten the branches first so they all have the same rank.');
  });

  it('Add of (None, 8) and (None, 4)', () => {
    const g = graphOf(
      [
        ['input_1', 'Input'],
        ['dense_1', 'Dense', { units: 8 }],
        ['dense_2', 'Dense', { units: 4 }],
        ['add_1', 'Add'],
      ],
      [
        ['input_1', 'dense_1'],
        ['input_1', 'dense_2'],
        ['dense_1', 'add_1'],
        ['dense_2', 'add_1'],
      ],
    );
    expect(only(g, 'shape').message).toBe(
      'Add #1: inputs have shapes (None, 8) and (None, 4); they must be equal.',
    );
  });

  it('Conv2D on a flat input suggests a Reshape', () => {
    const g = chainOf([
      ['input_1', 'Input', { shape: [784] }],
      ['conv2d_1', 'Conv2D'],
    ]);
    const issue = only(g, 'shape');
    expect(issue.message).toBe(
      'Conv2D #1: needs an image input (height, width, channels) but gets (None, 784).',
    );
    expect(issue.fix).toBe('Reshape to (28, 28, 1) first.');
    expect(
      analyzeGraph(
        chainOf([
          ['input_1', 'Input', { shape: [10] }],
          ['conv2d_1', 'Conv2D'],
        ]),
        null,
      ).issues[0]?.fix,
    ).toBe('Reshape to (h, w, c) first.');
  });

  it('target mismatch suggests Flatten when the output is not flat', () => {
    const g = chainOf([
      ['input_1', 'Input', { shape: [9, 9, 1] }],
      ['conv2d_1', 'Conv2D', { filters: 4 }],
      ['dense_1', 'Dense', { units: 10, activation: 'softmax' }],
    ]);
    const issue = only(g, 'target-mismatch', { shape: [null, 10], task: 'multiclass' });
    expect(issue).toEqual({
      kind: 'target-mismatch',
      nodeId: 'dense_1',
      message: 'Output shape (None, 7, 7, 10) of Dense #1 does not match the target (None, 10).',
      fix: 'Insert Flatten before Dense #1.',
    });
  });

  it('target mismatch suggests the right number of units', () => {
    const issue = only(mlp, 'target-mismatch', { shape: [null, 10], task: 'multiclass' });
    expect(issue.fix).toBe('Set units of Dense #2 to 10.');
    const noDense = chainOf([
      ['input_1', 'Input', { shape: [4] }],
      ['dropout_1', 'Dropout'],
    ]);
    expect(only(noDense, 'target-mismatch', { shape: [null, 1], task: 'binary' }).fix).toBe(
      'Add a Dense layer with 1 unit after Dropout #1.',
    );
  });

  it('bad param', () => {
    const g = chainOf([
      ['input_1', 'Input'],
      ['dense_1', 'Dense', { units: 0 }],
    ]);
    const issue = only(g, 'param');
    expect(issue).toMatchObject({
      nodeId: 'dense_1',
      message: 'Dense #1: Units must be a whole number from 1 to 65,536.',
      fix: 'Change Units of Dense #1 in the inspector.',
    });
    expect(analyzeGraph(g, null).info['dense_1']?.shape).toBeNull();
  });

  it('unknown layer type', () => {
    const g = chainOf([
      ['input_1', 'Input'],
      // A graph from another version of the app may name a type this one lacks.
      ['lstm_1', 'LSTM' as LayerType],
    ]);
    expect(only(g, 'unknown-layer').message).toBe(
      'LSTM #1: "LSTM" is not a layer type this app knows.',
    );
  });

  it('kernel larger than the image', () => {
    const g = chainOf([
      ['input_1', 'Input', { shape: [3, 3, 1] }],
      ['conv2d_1', 'Conv2D', { kernelSize: [5, 5] }],
    ]);
    expect(only(g, 'shape').message).toBe('Conv2D #1: the 5×5 kernel does not fit the 3×3 input.');
  });

  it('does not pile up issues downstream of a broken node', () => {
    const g = chainOf([
      ['input_1', 'Input', { shape: [4] }],
      ['conv2d_1', 'Conv2D'],
      ['dense_1', 'Dense', { units: 1 }],
    ]);
    expect(kinds(g, { shape: [null, 1], task: 'binary' })).toEqual(['shape']);
  });
});
