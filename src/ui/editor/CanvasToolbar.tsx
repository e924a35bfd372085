import { Panel, useReactFlow } from '@xyflow/react';
import { useAppStore } from '../../state/store';
import { redo, undo, useCanRedo, useCanUndo } from './history';
import { FIT_VIEW_OPTIONS } from './fitView';

const FIT_OPTIONS = { ...FIT_VIEW_OPTIONS, duration: 200 };

/** Layout and history commands, always visible at the top left of the canvas. */
export function CanvasToolbar() {
  const { fitView } = useReactFlow();
  const autoLayout = useAppStore((s) => s.autoLayout);
  const removeSelected = useAppStore((s) => s.removeSelected);
  const hasSelection = useAppStore(
    (s) => s.selectedNodeIds.length > 0 || s.selectedEdgeIds.length > 0,
  );
  const canUndo = useCanUndo();
  const canRedo = useCanRedo();
  const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);
  const mod = isMac ? '⌘' : 'Ctrl+';

  return (
    <Panel position="top-left" className="canvas-toolbar" role="toolbar" aria-label="Canvas tools">
      <button
        type="button"
        onClick={() => {
          autoLayout();
          // fitView waits for the moved nodes to be measured before it frames them.
          void fitView(FIT_OPTIONS);
        }}
        title="Arrange the layers top to bottom"
      >
        Auto-layout
      </button>
      <button type="button" onClick={() => void fitView(FIT_OPTIONS)} title="Show the whole model">
        Fit view
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <button type="button" onClick={undo} disabled={!canUndo} title={`Undo (${mod}Z)`}>
        Undo
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} title={`Redo (${mod}Shift+Z)`}>
        Redo
      </button>
      <span className="toolbar-sep" aria-hidden="true" />
      <button
        type="button"
        onClick={removeSelected}
        disabled={!hasSelection}
        title="Delete the selection (Delete)"
      >
        Delete selected
      </button>
    </Panel>
  );
}
