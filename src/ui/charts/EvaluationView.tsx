import { useMemo, useState } from 'react';
import { cellRows } from '../../core/evaluation/confusion';
import { cellExamples, type CellExamples } from '../../core/evaluation/examples';
import { predictedClasses } from '../../core/evaluation/classification';
import { classCount } from '../../core/evaluation/outputs';
import { useAppStore } from '../../state/store';
import { ExamplesDialog } from '../evaluation/examples/ExamplesDialog';
import { TryModelButton } from '../evaluation/try/TryModelButton';

const NO_CLASSES: string[] = [];

/** The test split's stored rows of each confusion cell, most confidently wrong first. */
function useTestCells() {
  const test = useAppStore((s) => s.run?.outputs?.test ?? null);
  return useMemo(() => {
    if (!test || test.rows.length === 0) return null;
    const k = classCount(test.units);
    const predicted = predictedClasses(test.outputs, test.units);
    return { test, cells: cellRows(test.labels, predicted, test.outputs, test.units, k) };
  }, [test]);
}

/** Test-split results of the finished run: loss, accuracy or errors, confusion matrix. */
export function EvaluationView() {
  const evaluation = useAppStore((s) => s.run?.record.evaluation ?? null);
  const runId = useAppStore((s) => s.run?.record.id ?? null);
  // The run's own classes: the workspace may have loaded another dataset since.
  const classNames = useAppStore((s) => s.run?.record.dataset.classNames ?? NO_CLASSES);
  const rows = useAppStore((s) => s.run?.record.rows ?? null);
  const testCells = useTestCells();
  const [open, setOpen] = useState<{ title: string; examples: CellExamples } | null>(null);
  if (!evaluation || !runId) return null;
  const name = (k: number) => classNames[k] ?? String(k);
  const openCell = (actual: number, predicted: number) => {
    if (!testCells) return;
    const examples = cellExamples(testCells.test, testCells.cells, actual, predicted);
    const n = examples.rows.length;
    const title = `Actual ${name(actual)}, predicted ${name(predicted)}: ${n} test row${n === 1 ? '' : 's'}`;
    setOpen({ title, examples });
  };
  return (
    <section className="evaluation" aria-labelledby="eval-heading">
      <h3 id="eval-heading">Test split ({rows?.test ?? '?'} rows the model never trained on)</h3>
      <TryModelButton runId={runId} />
      <dl className="metrics">
        <div>
          <dt>Test loss</dt>
          <dd data-testid="test-loss">{evaluation.loss.toFixed(4)}</dd>
        </div>
        {evaluation.accuracy !== undefined && (
          <div>
            <dt>Test accuracy</dt>
            <dd data-testid="test-accuracy">{evaluation.accuracy.toFixed(4)}</dd>
          </div>
        )}
        {evaluation.mae !== undefined && (
          <div>
            <dt>Test MAE</dt>
            <dd>{evaluation.mae.toFixed(4)}</dd>
          </div>
        )}
        {evaluation.rmse !== undefined && (
          <div>
            <dt>Test RMSE</dt>
            <dd>{evaluation.rmse.toFixed(4)}</dd>
          </div>
        )}
      </dl>
      {evaluation.confusion && (
        <table className="confusion">
          <caption>Confusion matrix (rows: actual, columns: predicted)</caption>
          <thead>
            <tr>
              <th scope="col">actual \ predicted</th>
              {evaluation.confusion.map((_, j) => (
                <th scope="col" key={j}>
                  {classNames[j] ?? j}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {evaluation.confusion.map((row, i) => (
              <tr key={i}>
                <th scope="row">{classNames[i] ?? i}</th>
                {row.map((v, j) => (
                  <td
                    key={j}
                    className={i === j ? 'diag' : v > 0 ? 'off' : ''}
                    data-testid="cm-cell"
                    data-actual={name(i)}
                    data-predicted={name(j)}
                    data-count={v}
                  >
                    {v > 0 && testCells ? (
                      <button
                        type="button"
                        className="cm-cell-button"
                        aria-label={`${v}: actual ${name(i)}, predicted ${name(j)}; show the examples`}
                        onClick={() => openCell(i, j)}
                      >
                        {v}
                      </button>
                    ) : (
                      v
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <ExamplesDialog
          runId={runId}
          title={open.title}
          rows={open.examples.rows}
          probabilities={open.examples.probabilities}
          classNames={classNames}
          actual={open.examples.actual}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}
