import { useAppStore } from '../../state/store';

const NO_CLASSES: string[] = [];

/** Test-split results of the finished run: loss, accuracy or errors, confusion matrix. */
export function EvaluationView() {
  const evaluation = useAppStore((s) => s.run?.record.evaluation ?? null);
  const classNames = useAppStore((s) => s.dataset?.classNames ?? NO_CLASSES);
  const rows = useAppStore((s) => s.run?.record.rows ?? null);
  if (!evaluation) return null;
  return (
    <section className="evaluation" aria-labelledby="eval-heading">
      <h3 id="eval-heading">Test split ({rows?.test ?? '?'} rows the model never trained on)</h3>
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
                  <td key={j} className={i === j ? 'diag' : v > 0 ? 'off' : ''}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
