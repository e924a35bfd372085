/**
 * A line chart of curves on [0, 1] axes (ROC, precision–recall, reliability): at most
 * MAX_CURVE_POINTS points a series, no animation, an optional marker and diagonal, and a
 * PNG button. The figure carries the chart's accessible name.
 */
import { memo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { XY } from '../../core/evaluation/curvePoints';
import { PngButton } from './ReportTools';

export interface CurveSeries {
  name: string;
  points: XY[];
  color: string;
  dashed?: boolean;
  /** Precision–recall: flat from each point to the next (sklearn's step-wise curve). */
  step?: boolean;
  dots?: boolean;
}

export interface CurveChartProps {
  /** The chart's accessible name and caption ("ROC curve"). */
  title: string;
  testId: string;
  series: CurveSeries[];
  xLabel: string;
  yLabel: string;
  /** A point marked on the chart (the decision threshold). */
  marker?: (XY & { label: string }) | null;
  /** A dashed line from (0, 0) to (1, 1): chance (ROC) or perfect calibration. */
  diagonal?: boolean;
  /** Text under the caption (AUC, ECE). */
  summary?: string;
  height?: number;
}

const tick = { fontSize: 11 };
const format2 = (v: number) => v.toFixed(2);

export const CurveChart = memo(function CurveChart({
  title,
  testId,
  series,
  xLabel,
  yLabel,
  marker,
  diagonal = false,
  summary,
  height = 220,
}: CurveChartProps) {
  return (
    <figure className="chart eval-chart" data-testid={testId} aria-label={title}>
      <figcaption>
        <span className="chart-title">{title}</span>
        {summary && <span className="chart-summary">{summary}</span>}
        <PngButton what={title} filename={`${testId}.png`} chartTestId={testId} />
      </figcaption>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart margin={{ top: 8, right: 16, bottom: 18, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          <XAxis
            type="number"
            dataKey="x"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tick={tick}
            label={{ value: xLabel, position: 'insideBottom', offset: -10, fontSize: 11 }}
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tick={tick}
            width={56}
            label={{
              value: yLabel,
              angle: -90,
              position: 'insideLeft',
              offset: 0,
              fontSize: 11,
              style: { textAnchor: 'middle' },
            }}
          />
          <Tooltip
            isAnimationActive={false}
            formatter={(v) => (typeof v === 'number' ? format2(v) : String(v))}
            labelFormatter={(v) => `${xLabel} ${typeof v === 'number' ? format2(v) : String(v)}`}
          />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 11 }} />
          {diagonal && (
            <ReferenceLine
              segment={[
                { x: 0, y: 0 },
                { x: 1, y: 1 },
              ]}
              stroke="var(--muted)"
              strokeDasharray="4 4"
            />
          )}
          {series.map((s) => (
            <Line
              key={s.name}
              data={s.points}
              dataKey="y"
              name={s.name}
              type={s.step ? 'stepBefore' : 'linear'}
              stroke={s.color}
              strokeDasharray={s.dashed ? '5 3' : undefined}
              dot={s.dots ? { r: 3 } : false}
              isAnimationActive={false}
            />
          ))}
          {marker && (
            <ReferenceDot
              x={marker.x}
              y={marker.y}
              r={5}
              fill="var(--series-2)"
              stroke="var(--panel)"
              // Near the right edge the label goes left of the dot, inside the chart.
              label={{
                value: marker.label,
                position: marker.x > 0.6 ? 'left' : 'right',
                fontSize: 11,
              }}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});
