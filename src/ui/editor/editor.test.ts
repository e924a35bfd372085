import { beforeEach, describe, expect, it } from 'vitest';
import '../../state/memoryStorage';

import { useAppStore } from '../../state/store';
import { defaultGraph } from '../../core/graph/presets';
import { addNode, updateParams } from '../../core/graph/edit';
import { getLayer } from '../../core/layers/registry';
import type { DatasetSummary } from '../../core/data/types';
import { paramSummary, toFlowEdges, toFlowNodes } from './flowModel';
import { commandForKey } from './useEditorShortcuts';
import { withoutHistory, undo, redo } from './history';
import { analysisFor } from './analysisCache';

const multiclass: DatasetSummary = {
  name: 'three',
  kind: 'tabular',
  task: 'multiclass',
  featureShape: [2],
  n: 10,
  classNames: ['a', 'b', 'c'],
  classCounts: [3, 3, 4],
  featureNames: ['x', 'y'],
  inputScale: 1,
};

describe('flow model', () => {
  it('summarises key params in words', () => {
    expect(paramSummary(getLayer('Dense'), { units: 16, activation: 'relu', useBias: true })).toBe(
      '16 units, relu',
    );
    expect(paramSummary(getLayer('Dropout'), { rate: 0.2 })).toBe('rate 0.2');
    // Penalties show only when on, the kernel initializer only when not the default.
    const dense = {
      units: 16,
      activation: 'relu',
      useBias: true,
      kernelInitializer: 'glorotUniform',
      l1: 0,
      l2: 0,
    };
    expect(paramSummary(getLayer('Dense'), dense)).toBe('16 units, relu');
    expect(paramSummary(getLayer('Dense'), { ...dense, kernelInitializer: 'heNormal' })).toBe(
      '16 units, relu, heNormal',
    );
    expect(paramSummary(getLayer('Dense'), { ...dense, l2: 1e-4 })).toBe(
      '16 units, relu, l2 0.0001',
    );
    expect(paramSummary(undefined, { units: 3 })).toBe('');
  });

  it('shows shapes, counts, issues and input handles per node', () => {
    const graph = addNode(defaultGraph(), 'Dropout', { x: 0, y: 0 });
    const analysis = analysisFor(graph, null);
    const nodes = toFlowNodes(graph, analysis, new Set(['dense_1']), []);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get('dense_1')).toMatchObject({
      selected: true,
      data: { label: 'Dense #1', shape: '(None, 8)', params: 24, issue: null, acceptsInput: true },
    });
    expect(byId.get('input_1')?.data.acceptsInput).toBe(false);
    expect(byId.get('dropout_1')?.data.issue).toMatch(/Dropout #1/);
    expect(byId.get('dropout_1')?.data.shape).toBeNull();
    const edges = toFlowEdges(graph, analysis, new Set());
    expect(edges.map((e) => e.ariaLabel)).toContain('Connection from Input #1 to Dense #1');
  });

  it('keeps data objects of unchanged nodes, so memoised nodes skip re-rendering', () => {
    const g1 = defaultGraph();
    const first = toFlowNodes(g1, analysisFor(g1, null), new Set(), []);
    const withSize = first.map((n) => ({ ...n, measured: { width: 200, height: 70 } }));
    const g2 = updateParams(g1, 'dense_3', { units: 4 });
    const second = toFlowNodes(g2, analysisFor(g2, null), new Set(), withSize);
    expect(second[1]!.data).toBe(first[1]!.data);
    expect(second[3]!.data).not.toBe(first[3]!.data);
    expect(second[3]!.data.shape).toBe('(None, 4)');
    expect(second[0]!.measured).toEqual({ width: 200, height: 70 });
  });
});

describe('analysis cache', () => {
  it('analyses once per graph and dataset, against the dataset target', () => {
    const graph = defaultGraph();
    const a = analysisFor(graph, null);
    expect(analysisFor(graph, null)).toBe(a);
    expect(a.valid).toBe(true);
    const b = analysisFor(graph, multiclass);
    expect(b).not.toBe(a);
    expect(b.issues.map((i) => i.kind)).toEqual(['target-mismatch']);
  });
});

describe('shortcuts', () => {
  const key = (
    k: string,
    mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
  ) =>
    commandForKey({
      key: k,
      ctrlKey: false,
      metaKey: false,
      shiftKey: false,
      altKey: false,
      ...mods,
    });

  it('maps keys to editor commands', () => {
    expect(key('Delete')).toBe('delete');
    expect(key('Backspace')).toBe('delete');
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('z', { metaKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
    expect(key('a', { metaKey: true })).toBe('selectAll');
    expect(key('Escape')).toBe('clearSelection');
    expect(key('z')).toBeNull();
    expect(key('Delete', { ctrlKey: true })).toBeNull();
    expect(key('z', { ctrlKey: true, altKey: true })).toBeNull();
  });
});

describe('history', () => {
  beforeEach(() => {
    useAppStore.setState({ graph: defaultGraph(), selectedNodeIds: [], selectedEdgeIds: [] });
    useAppStore.temporal.getState().clear();
  });

  it('folds the keystrokes of one typing session into one undo step', () => {
    const set = (units: number) => useAppStore.getState().updateParams('dense_1', { units });
    const units = () => useAppStore.getState().graph.nodes[1]!.params['units'];
    set(1);
    withoutHistory(() => set(12));
    withoutHistory(() => set(128));
    expect(units()).toBe(128);
    expect(useAppStore.temporal.getState().pastStates).toHaveLength(1);
    undo();
    expect(units()).toBe(8);
    redo();
    expect(units()).toBe(128);
    // Tracking resumes after the session: the next edit is its own step.
    set(5);
    expect(useAppStore.temporal.getState().pastStates).toHaveLength(2);
  });
});
