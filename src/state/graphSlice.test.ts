import { beforeEach, describe, expect, it } from 'vitest';
import './memoryStorage';
import fc from 'fast-check';
import { useAppStore } from './store';
import { defaultGraph } from '../core/graph/presets';

const state = () => useAppStore.getState();
const past = () => useAppStore.temporal.getState().pastStates.length;
const undo = () => useAppStore.temporal.getState().undo();
const redo = () => useAppStore.temporal.getState().redo();

beforeEach(() => {
  useAppStore.setState({ graph: defaultGraph(), selectedNodeIds: [], selectedEdgeIds: [] });
  useAppStore.temporal.getState().clear();
});

describe('graph slice', () => {
  it('adds a dropped layer at the position, selects it, in one undo step', () => {
    const id = state().addNode('Dropout', { x: 10, y: 20 });
    expect(id).toBe('dropout_1');
    const node = state().graph.nodes.find((n) => n.id === id);
    expect(node?.position).toEqual({ x: 10, y: 20 });
    expect(node?.params).toEqual({ rate: expect.any(Number) });
    expect(state().selectedNodeIds).toEqual([id]);
    expect(past()).toBe(1);
    undo();
    expect(state().graph).toEqual(defaultGraph());
  });

  it('adds a layer wired after the last selected node', () => {
    state().setSelection(['dense_3', 'dense_1']);
    const id = state().addNodeAfterSelection('Dropout');
    const edges = state().graph.edges;
    expect(edges.some((e) => e.source === 'dense_1' && e.target === id)).toBe(true);
    // dense_1's old edge to dense_2 now leaves the new layer: the chain stays a chain.
    expect(edges.some((e) => e.source === id && e.target === 'dense_2')).toBe(true);
    expect(edges.some((e) => e.source === 'dense_1' && e.target === 'dense_2')).toBe(false);
    expect(state().selectedNodeIds).toEqual([id]);
    expect(past()).toBe(1);
  });

  it('with nothing selected, adds after the output layer', () => {
    const id = state().addNodeAfterSelection('Dropout');
    expect(state().graph.edges.some((e) => e.source === 'dense_3' && e.target === id)).toBe(true);
  });

  it('removes selected nodes and edges together as one undo step', () => {
    const edge = state().graph.edges.find((e) => e.source === 'input_1')!;
    state().setSelection(['dense_3'], [edge.id]);
    state().removeSelected();
    const g = state().graph;
    expect(g.nodes.map((n) => n.id)).toEqual(['input_1', 'dense_1', 'dense_2']);
    expect(g.edges.map((e) => [e.source, e.target])).toEqual([['dense_1', 'dense_2']]);
    expect(state().selectedNodeIds).toEqual([]);
    expect(past()).toBe(1);
    undo();
    expect(state().graph).toEqual(defaultGraph());
    redo();
    expect(state().graph).toBe(g);
  });

  it('records no undo step for selection, refused connections or unmoved drags', () => {
    state().setSelection(['dense_1']);
    state().setEdgeSelection(['x']);
    state().selectAll();
    state().connect('dense_1', 'dense_1');
    state().connect('input_1', 'dense_1');
    state().moveNodes({ dense_1: { ...state().graph.nodes[1]!.position } });
    state().setSelection([], []);
    state().removeSelected();
    expect(past()).toBe(0);
    expect(state().graph).toEqual(defaultGraph());
  });

  it('commits a drag as one step and selects everything with selectAll', () => {
    state().moveNodes({ dense_1: { x: 400, y: 300 }, dense_2: { x: 410, y: 420 } });
    expect(past()).toBe(1);
    expect(state().graph.nodes[1]!.position).toEqual({ x: 400, y: 300 });
    state().selectAll();
    expect(state().selectedNodeIds).toHaveLength(4);
    expect(state().selectedEdgeIds).toHaveLength(3);
  });

  it('updates params and auto-layouts as single steps', () => {
    state().updateParams('dense_1', { units: 32 });
    expect(state().graph.nodes[1]!.params['units']).toBe(32);
    state().moveNodes({ dense_3: { x: 900, y: 0 } });
    state().autoLayout();
    expect(past()).toBe(3);
    const xs = new Set(state().graph.nodes.map((n) => n.position.x));
    expect(xs.size).toBe(1); // a chain is laid out in one column
  });

  it('each graph-changing action is exactly one undo step (property)', () => {
    const ids = ['input_1', 'dense_1', 'dense_2', 'dense_3', 'dropout_1', 'flatten_1'];
    const id = fc.constantFrom(...ids);
    const action = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), type: fc.constantFrom('Dropout', 'Flatten') }),
      fc.record({ kind: fc.constant('after' as const), type: fc.constantFrom('Dropout', 'Dense') }),
      fc.record({ kind: fc.constant('connect' as const), source: id, target: id }),
      fc.record({ kind: fc.constant('select' as const), ids: fc.subarray(ids) }),
      fc.record({ kind: fc.constant('remove' as const) }),
      fc.record({
        kind: fc.constant('units' as const),
        id,
        units: fc.integer({ min: 1, max: 64 }),
      }),
      fc.record({ kind: fc.constant('move' as const), id, x: fc.integer({ min: -50, max: 50 }) }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
        useAppStore.setState({ graph: defaultGraph(), selectedNodeIds: [], selectedEdgeIds: [] });
        useAppStore.temporal.getState().clear();
        const history = [state().graph];
        for (const a of actions) {
          const s = state();
          if (a.kind === 'add') s.addNode(a.type, { x: 0, y: 0 });
          else if (a.kind === 'after') s.addNodeAfterSelection(a.type);
          else if (a.kind === 'connect') s.connect(a.source, a.target);
          else if (a.kind === 'select') s.setSelection(a.ids);
          else if (a.kind === 'remove') s.removeSelected();
          else if (a.kind === 'units') s.updateParams(a.id, { units: a.units });
          else s.moveNodes({ [a.id]: { x: a.x, y: 0 } });
          if (state().graph !== history.at(-1)) history.push(state().graph);
        }
        expect(past()).toBe(history.length - 1);
        for (let i = history.length - 2; i >= 0; i--) {
          undo();
          expect(state().graph).toEqual(history[i]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
