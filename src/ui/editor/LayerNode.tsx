import { memo, type KeyboardEvent } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { LayerFlowNode } from './flowModel';
import { categoryClass } from './categories';

/**
 * A handle is a button: Enter or Space clicks it, and React Flow wires two clicked handles
 * (connectOnClick), so layers can be connected from the keyboard as well as by dragging.
 */
const handleButton = {
  role: 'button',
  tabIndex: 0,
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    // Not the node's own Enter (which selects it): this key press is the handle's.
    e.stopPropagation();
    e.currentTarget.click();
  },
} as const;

/**
 * One layer on the canvas: label, key parameters, output shape and weight count, and
 * the problem when there is one. Input arrives at the top handle, output leaves at the
 * bottom one, so a network reads top to bottom like a Keras summary.
 */
function LayerNodeView({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const invalid = data.issue !== null;
  const issueId = `layer-issue-${id}`;
  return (
    <div
      data-testid="layer-node"
      data-layer-type={data.type}
      data-node-id={id}
      aria-invalid={invalid ? 'true' : undefined}
      aria-describedby={invalid ? issueId : undefined}
      className={`layer-node ${categoryClass(data.category)}${selected ? ' is-selected' : ''}${invalid ? ' is-invalid' : ''}`}
    >
      {data.acceptsInput && (
        <Handle
          type="target"
          position={Position.Top}
          className="layer-handle"
          data-testid="handle-target"
          {...handleButton}
          aria-label={`Input of ${data.label}`}
        />
      )}
      <div className="layer-node-head">
        {/* Long names and summaries are clipped to the card; the title shows them whole. */}
        <span className="layer-node-label" title={data.label}>
          {data.label}
        </span>
        <span className="layer-node-category">{data.category ?? 'Unknown'}</span>
      </div>
      {data.summary && (
        <div className="layer-node-summary" title={data.summary}>
          {data.summary}
        </div>
      )}
      <div className="layer-node-foot">
        <span className="layer-shape" data-testid="layer-shape">
          {data.shape ?? '?'}
        </span>
        <span className="layer-node-params">
          {data.params.toLocaleString('en')} {data.params === 1 ? 'param' : 'params'}
        </span>
      </div>
      {invalid && (
        <div className="layer-node-issue" id={issueId} title={data.issue ?? undefined}>
          <span className="layer-node-issue-text">
            <span aria-hidden="true">⚠ </span>
            {data.issue}
          </span>
        </div>
      )}
      <Handle
        type="source"
        position={Position.Bottom}
        className="layer-handle"
        data-testid="handle-source"
        {...handleButton}
        aria-label={`Output of ${data.label}`}
      />
    </div>
  );
}

export const LayerNode = memo(LayerNodeView);
