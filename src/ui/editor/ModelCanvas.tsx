import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type NodeOrigin,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './editor.css';
import { useAppStore } from '../../state/store';
import { selectTrainingActive } from '../../state/trainingSlice';
import { useGraphAnalysis } from './useGraphAnalysis';
import { LayerNode } from './LayerNode';
import { toFlowEdges, toFlowNodes, type LayerFlowNode } from './flowModel';
import { carriesLayer, droppedLayer } from './layerDnd';
import { CanvasToolbar } from './CanvasToolbar';
import { useEditorShortcuts } from './useEditorShortcuts';
import { categoryClass } from './categories';
import { FIT_VIEW_OPTIONS } from './fitView';

// Declared once: a new object per render would make React Flow re-create every node.
const NODE_TYPES: NodeTypes = { layer: LayerNode };
/**
 * A node's position is its centre, so a layer dropped from the palette is centred on
 * the pointer whatever its height (which grows when it shows a problem).
 */
const NODE_ORIGIN: NodeOrigin = [0.5, 0.5];
const MINIMAP_SIZE = { width: 160, height: 110 };
const MULTI_SELECT_KEYS = ['Meta', 'Control'];

function minimapClass(node: LayerFlowNode): string {
  return categoryClass(node.data.category);
}

export interface ModelCanvasProps {
  /** Overrides the store's training state (for embedding the canvas elsewhere). */
  trainingActive?: boolean;
}

/**
 * The model graph as a node editor. The store's graph is the truth: React Flow gets
 * nodes derived from it and reports changes back; only sizes and in-flight drag
 * positions live here, and a drag is committed to the graph when it ends.
 */
export function ModelCanvas({ trainingActive }: ModelCanvasProps) {
  const wrapperRef = useRef<HTMLDivElement>(null);
  const { screenToFlowPosition } = useReactFlow();
  const graph = useAppStore((s) => s.graph);
  const selectedNodeIds = useAppStore((s) => s.selectedNodeIds);
  const selectedEdgeIds = useAppStore((s) => s.selectedEdgeIds);
  const storeTraining = useAppStore(selectTrainingActive);
  const training = trainingActive ?? storeTraining;
  const analysis = useGraphAnalysis();
  useEditorShortcuts(wrapperRef);

  const nodeSelection = useMemo(() => new Set(selectedNodeIds), [selectedNodeIds]);
  const edgeSelection = useMemo(() => new Set(selectedEdgeIds), [selectedEdgeIds]);
  const [nodes, setNodes] = useState<LayerFlowNode[]>(() =>
    toFlowNodes(graph, analysis, nodeSelection, []),
  );
  // Re-derive during render (not in an effect) when the store changes, so the canvas
  // never paints a frame with a stale graph; measured sizes carry over from `nodes`.
  const [source, setSource] = useState({ graph, analysis, nodeSelection });
  if (
    source.graph !== graph ||
    source.analysis !== analysis ||
    source.nodeSelection !== nodeSelection
  ) {
    setSource({ graph, analysis, nodeSelection });
    setNodes(toFlowNodes(graph, analysis, nodeSelection, nodes));
  }
  const edges = useMemo(
    () => toFlowEdges(graph, analysis, edgeSelection),
    [graph, analysis, edgeSelection],
  );

  const onNodesChange = useCallback((changes: NodeChange<LayerFlowNode>[]) => {
    setNodes((current) => applyNodeChanges(changes, current));
    const store = useAppStore.getState();
    if (changes.some((c) => c.type === 'select')) {
      const selected = store.selectedNodeIds.slice();
      for (const c of changes) {
        if (c.type !== 'select') continue;
        const at = selected.indexOf(c.id);
        if (at >= 0) selected.splice(at, 1);
        if (c.selected) selected.push(c.id);
      }
      store.setSelection(selected);
    }
    // React Flow reports `dragging: false` once a drag ends (and for arrow-key moves).
    const moved: Record<string, { x: number; y: number }> = {};
    for (const c of changes) {
      if (c.type === 'position' && c.dragging === false && c.position) moved[c.id] = c.position;
    }
    if (Object.keys(moved).length > 0) store.moveNodes(moved);
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    if (!changes.some((c) => c.type === 'select')) return;
    const store = useAppStore.getState();
    const selected = new Set(store.selectedEdgeIds);
    for (const c of changes) {
      if (c.type !== 'select') continue;
      if (c.selected) selected.add(c.id);
      else selected.delete(c.id);
    }
    store.setEdgeSelection([...selected]);
  }, []);

  const onConnect = useCallback((c: Connection) => {
    useAppStore.getState().connect(c.source, c.target);
  }, []);

  const isValidConnection = useCallback(
    (c: { source: string; target: string }) => c.source !== c.target,
    [],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!carriesLayer(e.dataTransfer)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = droppedLayer(e.dataTransfer);
      if (!type) return;
      e.preventDefault();
      const position = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      useAppStore.getState().addNode(type, position);
    },
    [screenToFlowPosition],
  );

  return (
    <div
      className="model-canvas"
      data-testid="model-canvas"
      ref={wrapperRef}
      role="region"
      aria-label="Model canvas"
    >
      {training && (
        // Above the canvas, not over it, so it never hides a layer.
        <div className="canvas-banner" role="note">
          Training in progress — edits apply to the next run
        </div>
      )}
      <div className="model-canvas-flow">
        <ReactFlow<LayerFlowNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          nodeOrigin={NODE_ORIGIN}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          isValidConnection={isValidConnection}
          onDragOver={onDragOver}
          onDrop={onDrop}
          // Delete is ours (useEditorShortcuts): nodes and edges go in one undo step.
          deleteKeyCode={null}
          multiSelectionKeyCode={MULTI_SELECT_KEYS}
          fitView
          fitViewOptions={FIT_VIEW_OPTIONS}
          minZoom={0.2}
          maxZoom={2}
          colorMode="system"
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
          <CanvasToolbar />
          {graph.nodes.length === 0 && (
            <Panel position="top-center" className="canvas-empty">
              Drag a layer here from the palette, or focus one and press Enter.
            </Panel>
          )}
          <Controls showFitView={false} showInteractive={false} />
          <MiniMap<LayerFlowNode>
            pannable
            zoomable
            style={MINIMAP_SIZE}
            nodeClassName={minimapClass}
            ariaLabel="Minimap of the model"
          />
        </ReactFlow>
      </div>
    </div>
  );
}
