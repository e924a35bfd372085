import { useId, useMemo } from 'react';
import { kerasSummary } from '../../core/graph/summary';
import { useAppStore } from '../../state/store';
import { useGraphAnalysis } from './useGraphAnalysis';
import './editor.css';

const count = (n: number) => n.toLocaleString('en');

/**
 * The model at a glance: parameter totals, every problem (click one to select the layer
 * to fix) and the layer table Keras prints for `model.summary()`.
 */
export function ModelSummary() {
  const graph = useAppStore((s) => s.graph);
  const selectedNodeIds = useAppStore((s) => s.selectedNodeIds);
  const setSelection = useAppStore((s) => s.setSelection);
  const analysis = useGraphAnalysis();
  const summary = useMemo(() => kerasSummary(graph, analysis), [graph, analysis]);
  const id = useId();
  const issues = analysis.issues;

  return (
    <section className="model-summary" aria-labelledby={`${id}-title`}>
      <h2 className="editor-heading" id={`${id}-title`}>
        Model summary
      </h2>
      <p className="summary-total" data-testid="total-params">
        Total params: {count(summary.totalParams)}
      </p>
      <p className="summary-status">
        Trainable: {count(summary.trainableParams)} · Non-trainable:{' '}
        {count(summary.nonTrainableParams)} · {graph.nodes.length}{' '}
        {graph.nodes.length === 1 ? 'layer' : 'layers'}
      </p>

      {issues.length === 0 ? (
        <p className="summary-status">No problems found: the model is ready to train.</p>
      ) : (
        <>
          <h3 className="palette-category" id={`${id}-issues`}>
            {issues.length === 1 ? '1 problem' : `${issues.length} problems`}
          </h3>
          <ul className="summary-issues" aria-labelledby={`${id}-issues`}>
            {issues.map((issue, i) => {
              const body = (
                <>
                  <span className="issue-message">{issue.message}</span>
                  {issue.fix && <span className="issue-fix">{issue.fix}</span>}
                </>
              );
              const nodeId = issue.nodeId;
              return (
                <li key={`${issue.kind}-${nodeId ?? ''}-${i}`}>
                  {nodeId ? (
                    <button
                      type="button"
                      className="issue"
                      data-testid="graph-issue"
                      title="Select this layer"
                      onClick={() => setSelection([nodeId], [])}
                    >
                      {body}
                    </button>
                  ) : (
                    <div className="issue" data-testid="graph-issue">
                      {body}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}

      <div className="summary-table-wrap">
        <table className="summary-table">
          <caption>Layers in execution order, as Keras model.summary() prints them</caption>
          <thead>
            <tr>
              <th scope="col">Layer (type)</th>
              <th scope="col">Output shape</th>
              <th scope="col" className="num">
                Param #
              </th>
              <th scope="col">Connected to</th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((row) => (
              <tr
                key={row.id}
                className={selectedNodeIds.includes(row.id) ? 'is-selected' : undefined}
              >
                <th scope="row">
                  {row.label} <span className="muted">({row.type})</span>
                </th>
                <td className="mono">{row.shape}</td>
                <td className="num mono">{count(row.params)}</td>
                <td>{row.connectedTo.length > 0 ? row.connectedTo.join(', ') : '—'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={2}>Total</td>
              <td className="num mono">{count(summary.totalParams)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
