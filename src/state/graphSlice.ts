/**
 * The model graph and the editor selection. Every action that changes the graph replaces
 * `graph` once, so it is exactly one undo step (zundo tracks only `graph`); selection
 * changes are not recorded.
 */
import type { StateCreator } from 'zustand';
import type { ModelGraph } from '../core/graph/types';
import type { LayerParams } from '../core/graph/types';
import type { LayerType } from '../core/layers/registry';
import type { AppState } from './store';
import { defaultGraph } from '../core/graph/presets';
import * as edit from '../core/graph/edit';
import { defaultOrigin, type GraphOrigin } from '../core/templates/proposal';
import type { TemplateLoadRecord } from '../core/templates/load';

/** The model the app last put on the canvas; a template load carries what it changed. */
export type WorkspaceGraphOrigin = GraphOrigin<TemplateLoadRecord>;

export type Position = { x: number; y: number };

export interface GraphSlice {
  graph: ModelGraph;
  selectedNodeIds: string[];
  /** Selected connections; Delete removes them with the selected nodes. */
  selectedEdgeIds: string[];
  /**
   * The model the app put on the canvas (default, preset, template), as it left it; the
   * proposal banner offers a template only while the graph is still that. Undo restores it
   * with the graph. Null: the graph came from the user (a project, a run).
   */
  graphOrigin: WorkspaceGraphOrigin | null;
  /** The dataset (proposalKey) whose proposal the user dismissed. */
  proposalDismissedFor: string | null;
  /** Replaces the graph; one undo step. With `origin`, the app put it there (a preset, a fit). */
  setGraph: (graph: ModelGraph, origin?: WorkspaceGraphOrigin | null) => void;
  dismissProposal: (key: string) => void;
  /** Selects nodes; edges stay selected unless `edgeIds` is given. */
  setSelection: (nodeIds: string[], edgeIds?: string[]) => void;
  setEdgeSelection: (edgeIds: string[]) => void;
  selectAll: () => void;
  /** Adds a layer with default parameters at `position`, selects it and returns its id. */
  addNode: (type: LayerType, position: Position) => string | null;
  /** Adds a layer wired after the (last) selected node, selects it and returns its id. */
  addNodeAfterSelection: (type: LayerType) => string | null;
  connect: (source: string, target: string) => void;
  /** Removes the selected nodes (with their connections) and the selected connections. */
  removeSelected: () => void;
  updateParams: (id: string, patch: LayerParams) => void;
  /** Commits node positions, e.g. when a drag ends (so a whole drag is one undo step). */
  moveNodes: (positions: Record<string, Position>) => void;
  autoLayout: () => void;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Ids in `after` that were not in `before`: how an edit names the node it created. */
function addedNodeId(before: ModelGraph, after: ModelGraph): string | null {
  const old = new Set(before.nodes.map((n) => n.id));
  return after.nodes.find((n) => !old.has(n.id))?.id ?? null;
}

export const createGraphSlice: StateCreator<AppState, [], [], GraphSlice> = (set, get) => {
  /** One graph change = one `set`; an edit that changed nothing records no undo step. */
  const commit = (
    next: ModelGraph,
    selection?: Partial<Pick<GraphSlice, 'selectedNodeIds' | 'selectedEdgeIds'>>,
  ) => {
    if (next === get().graph) {
      if (selection) set(selection);
      return;
    }
    set({ graph: next, ...selection });
  };

  return {
    graph: defaultGraph(),
    graphOrigin: defaultOrigin(),
    proposalDismissedFor: null,
    selectedNodeIds: [],
    selectedEdgeIds: [],
    setGraph: (graph, origin) =>
      set({
        graph,
        selectedNodeIds: [],
        selectedEdgeIds: [],
        ...(origin === undefined ? {} : { graphOrigin: origin }),
      }),
    dismissProposal: (key) => set({ proposalDismissedFor: key }),
    setSelection: (nodeIds, edgeIds) => {
      const s = get();
      // React Flow reports selection often; an unchanged one must not re-render the editor.
      const nodesSame = sameIds(s.selectedNodeIds, nodeIds);
      const edgesSame = edgeIds === undefined || sameIds(s.selectedEdgeIds, edgeIds);
      if (nodesSame && edgesSame) return;
      set({
        ...(nodesSame ? {} : { selectedNodeIds: nodeIds }),
        ...(edgesSame || !edgeIds ? {} : { selectedEdgeIds: edgeIds }),
      });
    },
    setEdgeSelection: (edgeIds) => {
      if (!sameIds(get().selectedEdgeIds, edgeIds)) set({ selectedEdgeIds: edgeIds });
    },
    selectAll: () => {
      const { graph } = get();
      set({
        selectedNodeIds: graph.nodes.map((n) => n.id),
        selectedEdgeIds: graph.edges.map((e) => e.id),
      });
    },
    addNode: (type, position) => {
      const before = get().graph;
      const next = edit.addNode(before, type, position);
      const id = addedNodeId(before, next);
      commit(next, id ? { selectedNodeIds: [id], selectedEdgeIds: [] } : undefined);
      return id;
    },
    addNodeAfterSelection: (type) => {
      const { graph: before, selectedNodeIds } = get();
      const existing = new Set(before.nodes.map((n) => n.id));
      // The last selected node is the one the user clicked most recently.
      const afterId = selectedNodeIds.filter((id) => existing.has(id)).at(-1) ?? null;
      const next = edit.addNodeAfter(before, type, afterId);
      const id = addedNodeId(before, next);
      commit(next, id ? { selectedNodeIds: [id], selectedEdgeIds: [] } : undefined);
      return id;
    },
    connect: (source, target) => commit(edit.connect(get().graph, source, target)),
    removeSelected: () => {
      const { graph, selectedNodeIds, selectedEdgeIds } = get();
      let next = graph;
      if (selectedEdgeIds.length > 0) next = edit.removeEdges(next, selectedEdgeIds);
      if (selectedNodeIds.length > 0) next = edit.removeNodes(next, selectedNodeIds);
      commit(next, { selectedNodeIds: [], selectedEdgeIds: [] });
    },
    updateParams: (id, patch) => commit(edit.updateParams(get().graph, id, patch)),
    moveNodes: (positions) => {
      const { graph } = get();
      const moved = graph.nodes.some((n) => {
        const p = positions[n.id];
        return p !== undefined && (p.x !== n.position.x || p.y !== n.position.y);
      });
      // A click or an aborted drag reports unchanged positions: no undo step for those.
      if (moved) commit(edit.moveNodes(graph, positions));
    },
    autoLayout: () => commit(edit.autoLayout(get().graph)),
  };
};
