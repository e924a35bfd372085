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
import { useAppStore } from '../../state/store';
import { downsampleMean } from '../../core/runs/downsample';
import type { BatchPoint, EpochMetrics } from '../../core/train/types';
import { MetricsStrip } from './MetricsStrip';
import { DecisionBoundary } from './DecisionBoundary';

// Live charts draw at most ~1,000 points a series and never animate (DESIGN.md).
const MAX_POINTS = 600;
const MAX_DOTS = 60;
const EMPTY_BATCHES: BatchPoint[] = [];
const EMPTY_EPOCHS: EpochMetrics[] = [];

const BatchLossChart = memo(function BatchLossChart({ batches }: { batches: BatchPoint[] }) {
  const data = useMemo(
    () =>
      downsampleMean(
        batches.map((b) => ({ x: b.step + 1, y: b.loss })),
        MAX_POINTS,
      ).map((p) => ({ batch: p.x, loss: p.y })),
    [batches],
  );
  return (
    <figure className="chart" data-testid="batch-loss-chart" aria-label="Loss per batch">
      <figcaption>Loss per batch</figcaption>
      <ResponsiveContainer width="100%" height={150}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          <XAxis
            dataKey="batch"
            type="number"
            domain={['dataMin', 'dataMax']}
            tick={{ fontSize: 11 }}
          />
          <YAxis tick={{ fontSize: 11 }} width={48} />
          <Tooltip />
          <Line
            type="linear"
            dataKey="loss"
            name="batch loss"
            stroke="var(--series-1)"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});

interface EpochChartProps {
  epochs: EpochMetrics[];
  title: string;
  testId: string;
  train: keyof EpochMetrics;
  val: keyof EpochMetrics;
}

const EpochChart = memo(function EpochChart({
  epochs,
  title,
  testId,
  train,
  val,
}: EpochChartProps) {
  const data = useMemo(
    () => epochs.map((e) => ({ epoch: e.epoch, train: e[train], validation: e[val] })),
    [epochs, train, val],
  );
  // One SVG circle per epoch is costly on long runs; dots help only while they are few.
  const showDots = epochs.length <= MAX_DOTS;
  return (
    <figure className="chart" data-testid={testId} data-points={epochs.length} aria-label={title}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={150}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
          <XAxis
            dataKey="epoch"
            type="number"
            domain={[1, 'dataMax']}
            allowDecimals={false}
            tick={{ fontSize: 11 }}
          />
          <YAxis tick={{ fontSize: 11 }} width={48} />
          <Tooltip />
          <Legend />
          <Line
            type="linear"
            dataKey="train"
            name="train"
            stroke="var(--series-1)"
            dot={showDots}
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="validation"
            name="validation"
            stroke="var(--series-2)"
            dot={showDots}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});

/** Live loss/accuracy charts and the decision boundary of 2-D sets. */
export function TrainingCharts() {
  const batches = useAppStore((s) => s.run?.record.batches ?? EMPTY_BATCHES);
  const epochs = useAppStore((s) => s.run?.record.epochs ?? EMPTY_EPOCHS);
  const task = useAppStore((s) => s.dataset?.task);
  const isPoints = useAppStore((s) => s.dataset?.kind === 'points2d');
  const regression = task === 'regression';
  return (
    <section className="panel charts" aria-labelledby="charts-heading">
      <h2 id="charts-heading">Training</h2>
      <MetricsStrip />
      <div className="chart-grid">
        <BatchLossChart batches={batches} />
        <EpochChart
          epochs={epochs}
          title="Loss per epoch"
          testId="epoch-loss-chart"
          train="loss"
          val="valLoss"
        />
        {regression ? (
          <EpochChart
            epochs={epochs}
            title="Mean absolute error per epoch"
            testId="epoch-metric-chart"
            train="mae"
            val="valMae"
          />
        ) : (
          <EpochChart
            epochs={epochs}
            title="Accuracy per epoch"
            testId="epoch-metric-chart"
            train="accuracy"
            val="valAccuracy"
          />
        )}
        {isPoints && <DecisionBoundary />}
      </div>
    </section>
  );
}
