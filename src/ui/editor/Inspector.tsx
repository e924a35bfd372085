import { useCallback } from 'react';
import type { ParamValue } from '../../core/graph/types';
import { getLayer } from '../../core/layers/registry';
import { formatShape } from '../../core/graph/shape';
import { useAppStore } from '../../state/store';
import { useGraphAnalysis } from './useGraphAnalysis';
import { ParamField } from './ParamField';
import { withoutHistory } from './history';
import { categoryClass } from './categories';
import './editor.css';

/** Applies one parameter; `merge` folds it into the previous undo step. */
function commitParam(nodeId: string, name: string, value: ParamValue, merge: boolean): boolean {
  const store = useAppStore.getState();
  const before = store.graph;
  const run = () => store.updateParams(nodeId, { [name]: value });
  if (merge) withoutHistory(run);
  else run();
  return useAppStore.getState().graph !== before;
}

/** The selected layer: what it is, what it outputs, its problems and its parameters. */
export function Inspector() {
  const graph = useAppStore((s) => s.graph);
  const selectedNodeIds = useAppStore((s) => s.selectedNodeIds);
  const removeSelected = useAppStore((s) => s.removeSelected);
  const analysis = useGraphAnalysis();
  const selected = graph.nodes.filter((n) => selectedNodeIds.includes(n.id));
  const node = selected.length === 1 ? selected[0] : undefined;
  const nodeId = node?.id;
  const onCommit = useCallback(
    (name: string, value: ParamValue, merge: boolean) =>
      nodeId ? commitParam(nodeId, name, value, merge) : false,
    [nodeId],
  );

  if (!node) {
    return (
      <section className="inspector" aria-label="Layer inspector">
        <h2 className="editor-heading">Layer</h2>
        <p className="inspector-hint">
          {selected.length > 1
            ? `${selected.length} layers selected. Select a single layer to edit it.`
            : 'Select a layer on the canvas to see and edit its parameters.'}
        </p>
      </section>
    );
  }

  const spec = getLayer(node.type);
  const info = analysis.info[node.id];
  const issues = analysis.issues.filter((i) => i.nodeId === node.id);
  const label = info?.label ?? node.id;

  return (
    <section className="inspector" aria-label="Layer inspector">
      <header className={`inspector-head ${categoryClass(spec?.category)}`}>
        <h2 className="editor-heading">{label}</h2>
        <span className="inspector-type">
          {node.type}
          {spec ? ` · ${spec.category}` : ''}
        </span>
      </header>
      {spec ? (
        <p className="inspector-desc">{spec.description}</p>
      ) : (
        <p className="field-error" role="alert">
          Unknown layer type “{node.type}”.
        </p>
      )}
      <dl className="inspector-stats">
        <div>
          <dt>Output shape</dt>
          <dd className="mono">{info?.shape ? formatShape(info.shape) : 'unknown'}</dd>
        </div>
        <div>
          <dt>Parameters</dt>
          <dd className="mono">{(info?.params ?? 0).toLocaleString('en')}</dd>
        </div>
      </dl>
      {issues.length > 0 && (
        <ul className="inspector-issues" aria-label={`Problems with ${label}`}>
          {issues.map((issue, i) => (
            <li key={i} className="issue">
              <span className="issue-message">{issue.message}</span>
              {issue.fix && <span className="issue-fix">{issue.fix}</span>}
            </li>
          ))}
        </ul>
      )}
      {spec && spec.params.length > 0 && (
        <form
          className="inspector-params"
          aria-label={`Parameters of ${label}`}
          onSubmit={(e) => e.preventDefault()}
        >
          {spec.params.map((p) => (
            <ParamField
              key={`${node.id}:${p.name}`}
              spec={p}
              value={node.params[p.name]}
              onCommit={(value, merge) => onCommit(p.name, value, merge)}
            />
          ))}
        </form>
      )}
      {spec && spec.params.length === 0 && (
        <p className="inspector-hint">This layer has no parameters.</p>
      )}
      <button type="button" className="danger" onClick={removeSelected}>
        Delete layer
      </button>
    </section>
  );
}
