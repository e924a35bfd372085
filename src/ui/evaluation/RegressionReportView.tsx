/**
 * The regression report in the target's original units: MSE, RMSE, MAE and R² beside the
 * training-mean baseline, predicted against actual, the residuals' histogram, and the
 * largest errors, which open their rows.
 */
import { memo, useMemo, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { evenPositions, niceDomain } from '../../core/evaluation/curvePoints';
import {
  evaluationReport,
  type RegressionEvaluation,
} from '../../core/evaluation/evaluationReport';
import { examplesAt, type ExampleSelection } from '../../core/evaluation/examples';
import { regressionHeadline } from '../../core/evaluation/headline';
import type { RunOutputs, SplitOutputs } from '../../core/evaluation/runOutputs';
import type { RunRecord } from '../../core/runs/record';
import { ExamplesDialog } from './examples/ExamplesDialog';
import { shortNumber } from './format';
import { HeadlineMetrics } from './HeadlineMetrics';
import { PngButton } from './ReportTools';

const tick = { fontSize: 11 };

const PredictedVsActual = memo(function PredictedVsActual({ r }: { r: RegressionEvaluation }) {
  const { points, lo, hi } = useMemo(() => {
    const positions = evenPositions(r.actual.length);
    const pts = positions.map((i) => ({ x: r.actual[i]!, y: r.predicted[i]! }));
    const values = pts.flatMap((p) => [p.x, p.y]).filter(Number.isFinite);
    const [lo, hi] = niceDomain(Math.min(...values), Math.max(...values));
    return { points: pts, lo, hi };
  }, [r]);
  const shown =
    points.length < r.actual.length ? ` (${points.length} of ${r.actual.length} rows)` : '';
  return (
    <figure
      className="chart eval-chart"
      data-testid="predicted-vs-actual"
      aria-label="Predicted vs actual"
    >
      <figcaption>
        <span className="chart-title">Predicted vs actual{shown}</span>
        <span className="chart-summary">on the diagonal, a prediction is exact</span>
        <PngButton
          what="predicted vs actual chart"
          filename="predicted-vs-actual.png"
          chartTestId="predicted-vs-actual"
        />
      </figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 18, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          <XAxis
            type="number"
            dataKey="x"
            name="actual"
            domain={[lo, hi]}
            tick={tick}
            tickFormatter={shortNumber}
            label={{ value: 'Actual', position: 'insideBottom', offset: -10, fontSize: 11 }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name="predicted"
            domain={[lo, hi]}
            tick={tick}
            width={64}
            tickFormatter={shortNumber}
            label={{
              value: 'Predicted',
              angle: -90,
              position: 'insideLeft',
              offset: 0,
              fontSize: 11,
              style: { textAnchor: 'middle' },
            }}
          />
          <Tooltip
            isAnimationActive={false}
            formatter={(v) => (typeof v === 'number' ? shortNumber(v) : String(v))}
          />
          <ReferenceLine
            segment={[
              { x: lo, y: lo },
              { x: hi, y: hi },
            ]}
            stroke="var(--muted)"
            strokeDasharray="4 4"
          />
          <Scatter data={points} fill="var(--series-1)" isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
});

const ResidualHistogram = memo(function ResidualHistogram({ r }: { r: RegressionEvaluation }) {
  const data = useMemo(
    () =>
      r.residuals.counts.map((count, i) => ({
        bin: `${shortNumber(r.residuals.edges[i]!)} to ${shortNumber(r.residuals.edges[i + 1]!)}`,
        mid: (r.residuals.edges[i]! + r.residuals.edges[i + 1]!) / 2,
        count,
      })),
    [r],
  );
  return (
    <figure
      className="chart eval-chart"
      data-testid="residual-histogram"
      aria-label="Residual histogram"
    >
      <figcaption>
        <span className="chart-title">Residuals (actual − predicted)</span>
        <PngButton
          what="residual histogram"
          filename="residual-histogram.png"
          chartTestId="residual-histogram"
        />
      </figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 18, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          <XAxis
            dataKey="mid"
            tick={tick}
            tickFormatter={shortNumber}
            label={{ value: 'Residual', position: 'insideBottom', offset: -10, fontSize: 11 }}
          />
          <YAxis allowDecimals={false} tick={tick} width={40} />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(_, p) => String(p[0]?.payload?.bin ?? '')}
          />
          <Bar dataKey="count" name="rows" fill="var(--series-1)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
});

type Opened = ExampleSelection & { title: string };

export function RegressionReportView({
  record,
  outputs,
  test,
}: {
  record: Pick<RunRecord, 'id' | 'evaluation'>;
  outputs: RunOutputs;
  test: SplitOutputs;
}) {
  const report = useMemo(() => {
    const r = evaluationReport(test, {
      task: 'regression',
      numClasses: 0,
      trainLabels: outputs.trainLabels,
    });
    if (r.task !== 'regression') throw new Error('A regression report was expected');
    return r;
  }, [test, outputs.trainLabels]);
  const headline = useMemo(() => regressionHeadline(report), [report]);
  const [opened, setOpened] = useState<Opened | null>(null);
  const open = (positions: number[], title: string) =>
    setOpened({ title, ...examplesAt(test, positions, true) });
  const largest = report.largest;
  return (
    <div className="report-body">
      <HeadlineMetrics
        metrics={headline}
        loss={record.evaluation?.loss ?? null}
        caption="Test metrics in the target's original units"
      />
      <div className="report-grid">
        <PredictedVsActual r={report} />
        <ResidualHistogram r={report} />
        <section aria-labelledby="largest-errors-heading" className="largest-errors">
          <h4 id="largest-errors-heading">Largest errors (test split)</h4>
          <button
            type="button"
            disabled={largest.length === 0}
            onClick={() =>
              open(
                largest.map((e) => e.row),
                `The ${largest.length} largest test errors`,
              )
            }
          >
            Show these {largest.length} rows
          </button>
          <table className="report-table" data-testid="largest-errors">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Actual</th>
                <th scope="col">Predicted</th>
                <th scope="col">Error</th>
              </tr>
            </thead>
            <tbody>
              {largest.map((e) => (
                <tr key={e.row} data-testid="largest-error">
                  <th scope="row">
                    <button
                      type="button"
                      className="link"
                      aria-label={`Show row ${test.rows[e.row]}`}
                      onClick={() => open([e.row], `Test row ${test.rows[e.row]}`)}
                    >
                      {test.rows[e.row]}
                    </button>
                  </th>
                  <td>{shortNumber(e.actual)}</td>
                  <td>{shortNumber(e.predicted)}</td>
                  <td>{shortNumber(e.residual)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
      {opened && (
        <ExamplesDialog
          runId={record.id}
          title={opened.title}
          rows={opened.rows}
          probabilities={opened.probabilities}
          classNames={[]}
          actual={opened.actual}
          onClose={() => setOpened(null)}
        />
      )}
    </div>
  );
}
