import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { RunRecord } from '../../core/runs/record';
import {
  formatAxisTick,
  metricAxis,
  metricSeries,
  type EpochMetricKey,
  type XAxisMode,
} from '../../core/runs/compare';

export interface ChartOptions {
  xAxis: XAxisMode;
  smoothing: number;
  logScale: boolean;
}

/** One metric of every compared run, overlaid, one colour per run. */
export const CompareChart = memo(function CompareChart({
  runs,
  colours,
  metric,
  title,
  options,
}: {
  runs: RunRecord[];
  colours: Map<string, string>;
  metric: EpochMetricKey;
  title: string;
  options: ChartOptions;
}) {
  const series = useMemo(
    () =>
      runs.map((r) => ({
        run: r,
        points: metricSeries(r.epochs, metric, options.xAxis, options.smoothing).filter(
          // A log axis cannot show zero or negative values.
          (p) => Number.isFinite(p.y) && (!options.logScale || p.y > 0),
        ),
      })),
    [runs, metric, options.xAxis, options.smoothing, options.logScale],
  );
  // Accuracy stays inside [0, 1] with even ticks; losses keep recharts' own axis.
  const shareAxis = useMemo(
    () =>
      options.logScale
        ? undefined
        : metricAxis(
            metric,
            series.flatMap((s) => s.points.map((p) => p.y)),
          ),
    [series, metric, options.logScale],
  );
  return (
    <figure
      className="chart"
      data-testid={`compare-chart-${metric}`}
      data-series-points={series.map((s) => s.points.length).join(',')}
      aria-label={title}
    >
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={190}>
        <LineChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          <XAxis
            dataKey="x"
            type="number"
            domain={['dataMin', 'dataMax']}
            allowDecimals={options.xAxis === 'time'}
            tick={{ fontSize: 11 }}
            label={{
              value: options.xAxis === 'epoch' ? 'epoch' : 'seconds',
              position: 'insideBottomRight',
              fontSize: 11,
              offset: 0,
            }}
          />
          <YAxis
            dataKey="y"
            type="number"
            scale={options.logScale ? 'log' : 'linear'}
            domain={shareAxis?.domain ?? ['auto', 'auto']}
            ticks={shareAxis?.ticks}
            allowDataOverflow={options.logScale}
            tick={{ fontSize: 11 }}
            width={52}
            tickFormatter={formatAxisTick}
          />
          <Tooltip />
          <Legend />
          {series.map(({ run, points }) => (
            <Line
              key={run.id}
              data={points}
              dataKey="y"
              name={run.name}
              type="linear"
              stroke={colours.get(run.id)}
              dot={points.length < 40}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});
