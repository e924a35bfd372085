/** A multi-class model's one-vs-rest ROC: AUC per class and the macro average, curves in one chart. */
import { memo, useMemo } from 'react';
import { rocPoints } from '../../core/evaluation/curvePoints';
import type { OneVsRestRoc } from '../../core/evaluation/multiclass';
import { RUN_COLOURS } from '../../core/runs/compare';
import { CurveChart, type CurveSeries } from './CurveChart';
import { fixed4 } from './format';

// Beyond this many classes the chart would be a tangle: it draws the ones with the lowest AUC.
const MAX_CURVES = 8;

export const OneVsRest = memo(function OneVsRest({
  roc,
  classNames,
}: {
  roc: OneVsRestRoc;
  classNames: readonly string[];
}) {
  const name = (c: number) => classNames[c] ?? String(c);
  const series = useMemo((): CurveSeries[] => {
    const defined = roc.perClass
      .map((r, c) => ({ r, c }))
      .filter((x): x is { r: NonNullable<typeof x.r>; c: number } => x.r !== null)
      .sort((a, b) => a.r.auc - b.r.auc)
      .slice(0, MAX_CURVES)
      .sort((a, b) => a.c - b.c);
    return defined.map(({ r, c }) => ({
      name: `${name(c)} (AUC ${r.auc.toFixed(3)})`,
      points: rocPoints(r.curve),
      color: RUN_COLOURS[c % RUN_COLOURS.length]!,
    }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roc, classNames]);
  const drawn = series.length < roc.perClass.filter(Boolean).length;
  return (
    <section className="one-vs-rest" aria-labelledby="ovr-heading">
      <h4 id="ovr-heading">One-vs-rest ROC (test split)</h4>
      <div className="eval-charts">
        <table className="report-table" data-testid="ovr-auc">
          <caption>AUC of each class against the rest</caption>
          <thead>
            <tr>
              <th scope="col">Class</th>
              <th scope="col">ROC AUC</th>
            </tr>
          </thead>
          <tbody>
            {roc.perClass.map((r, c) => (
              <tr key={c} data-class={name(c)}>
                <th scope="row">{name(c)}</th>
                <td>{r ? fixed4(r.auc) : 'undefined (one class only)'}</td>
              </tr>
            ))}
          </tbody>
          <tbody className="averages">
            <tr>
              <th scope="row">macro average</th>
              <td data-testid="test-macro-auc">
                {roc.macroAuc === null ? 'undefined' : fixed4(roc.macroAuc)}
              </td>
            </tr>
          </tbody>
        </table>
        <CurveChart
          title="ROC curves, one class against the rest"
          testId="ovr-roc-curve"
          series={series}
          xLabel="False positive rate"
          yLabel="True positive rate"
          diagonal
          summary={drawn ? `the ${series.length} classes with the lowest AUC are drawn` : undefined}
        />
      </div>
    </section>
  );
});
