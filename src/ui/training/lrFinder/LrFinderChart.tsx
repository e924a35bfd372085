/**
 * The range test's curve: smoothed loss against the learning rate on a log axis, the
 * suggestions of both rules marked (the chosen one larger) and the current rate dashed.
 */
import { memo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { LR_FINDER_DEFAULTS, type FinderPoint } from '../../../core/train/lrFinder/rangeTest';
import type { SuggestionRule, Suggestions } from '../../../core/train/lrFinder/suggestions';
import { formatRate } from './format';

const tick = { fontSize: 10 };
// One tick per two decades, from 1e-7 to 10.
const TICKS = [1e-7, 1e-5, 1e-3, 1e-1, 10];

export const LrFinderChart = memo(function LrFinderChart({
  points,
  suggestions,
  rule,
  currentRate,
}: {
  points: readonly FinderPoint[];
  suggestions: Suggestions | null;
  rule: SuggestionRule;
  currentRate: number;
}) {
  // The NaNs after a NaN loss were never trained: they have no place on the curve.
  const data = points.filter((p) => Number.isFinite(p.loss));
  const marks = (
    Object.entries(suggestions ?? {}) as [SuggestionRule, Suggestions[SuggestionRule]][]
  ).filter((e): e is [SuggestionRule, NonNullable<Suggestions[SuggestionRule]>] => e[1] !== null);
  return (
    <figure
      className="chart lr-finder-chart"
      aria-label="Learning-rate finder"
      data-testid="lr-finder-chart"
    >
      <ResponsiveContainer width="100%" height={180}>
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 16, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          <XAxis
            type="number"
            dataKey="lr"
            scale="log"
            domain={[LR_FINDER_DEFAULTS.startLr, LR_FINDER_DEFAULTS.endLr]}
            ticks={TICKS}
            tickFormatter={formatRate}
            tick={tick}
            allowDataOverflow
            label={{
              value: 'Learning rate (log)',
              position: 'insideBottom',
              offset: -8,
              fontSize: 10,
            }}
          />
          <YAxis
            type="number"
            dataKey="loss"
            domain={['auto', 'auto']}
            tick={tick}
            width={44}
            tickFormatter={(v: number) => v.toPrecision(3)}
            label={{ value: 'Loss', angle: -90, position: 'insideLeft', fontSize: 10 }}
          />
          <Tooltip
            isAnimationActive={false}
            formatter={(v) => (typeof v === 'number' ? v.toPrecision(4) : String(v))}
            labelFormatter={(v) => `Rate ${typeof v === 'number' ? formatRate(v) : String(v)}`}
          />
          <ReferenceLine
            x={currentRate}
            stroke="var(--muted)"
            strokeDasharray="4 3"
            label={{ value: 'current', position: 'insideBottomRight', fontSize: 10 }}
          />
          <Line
            dataKey="loss"
            name="Smoothed loss"
            stroke="var(--series-1)"
            dot={false}
            isAnimationActive={false}
          />
          {marks.map(([r, s]) => (
            <ReferenceDot
              key={r}
              x={s.lr}
              y={s.loss}
              r={r === rule ? 6 : 4}
              fill={r === rule ? 'var(--series-2)' : 'var(--panel)'}
              stroke="var(--series-2)"
              // Valley above its dot, steepest below, so close suggestions stay readable.
              label={{
                value: r === 'valley' ? 'valley' : 'steepest',
                position: r === 'valley' ? 'top' : 'bottom',
                fontSize: 10,
              }}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});
