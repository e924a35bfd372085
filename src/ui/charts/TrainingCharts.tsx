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
import { selectTrainingActive } from '../../state/trainingSlice';
import { useThrottled } from '../hooks/useThrottled';
import { downsampleMean } from '../../core/runs/downsample';
import type { BatchPoint, EpochMetrics } from '../../core/train/types';
import type { FoldHistory } from '../../core/runs/record';
import { MetricsStrip } from './MetricsStrip';
import { DecisionBoundary } from './DecisionBoundary';
import { LiveCrossValidationSummary } from '../evaluation/CrossValidationSummary';
import { markerElements, markersOn, type ChartMarker } from './findingMarkers';

// Live charts draw at most ~1,000 points a series and never animate (DESIGN.md).
const MAX_POINTS = 600;
const MAX_DOTS = 60;
/**
 * While a run trains, the batch-loss chart redraws at most this often (batches arrive up
 * to 10 times a second; the metrics strip shows each). Measured on the bench MLP on WebGL
 * (SwiftShader), where the page's drawing shares the GPU process with training: charts
 * redrawn at every batch cost about 6% of the run's speed.
 */
const LIVE_CHART_MS = 500;
const EMPTY_BATCHES: BatchPoint[] = [];
const EMPTY_EPOCHS: EpochMetrics[] = [];
const EMPTY_FOLDS: FoldHistory[] = [];
// Fold curves sit behind the final model's: visible, but not to be read as the result.
const FOLD_OPACITY = 0.3;
const NO_MARKERS: ChartMarker[] = [];
const markerKinds = (markers: readonly ChartMarker[]) => markers.map((m) => m.kind).join(' ');

const BatchLossChart = memo(function BatchLossChart({
  batches,
  markers,
}: {
  batches: BatchPoint[];
  markers: readonly ChartMarker[];
}) {
  const data = useMemo(
    () =>
      downsampleMean(
        batches.map((b) => ({ x: b.step + 1, y: b.loss })),
        MAX_POINTS,
      ).map((p) => ({ batch: p.x, loss: p.y })),
    [batches],
  );
  return (
    <figure
      className="chart"
      data-testid="batch-loss-chart"
      data-points={batches.length}
      data-finding-markers={markerKinds(markers)}
      aria-label="Loss per batch"
    >
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
          {markerElements(markers)}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});

interface EpochChartProps {
  epochs: EpochMetrics[];
  /** A cross-validated run's folds: each one's held-out curve, drawn faintly. */
  folds: FoldHistory[];
  title: string;
  testId: string;
  train: keyof EpochMetrics;
  val: keyof EpochMetrics;
  /** Diagnostics evidence on this chart. */
  markers: readonly ChartMarker[];
}

type EpochRow = { epoch: number } & Record<string, number | undefined>;

/** One row per epoch: the final model's train and validation values, and each fold's. */
function epochRows(
  epochs: EpochMetrics[],
  folds: FoldHistory[],
  train: keyof EpochMetrics,
  val: keyof EpochMetrics,
): EpochRow[] {
  const rows = new Map<number, EpochRow>();
  const row = (epoch: number) => {
    const existing = rows.get(epoch);
    if (existing) return existing;
    const created: EpochRow = { epoch };
    rows.set(epoch, created);
    return created;
  };
  for (const e of epochs) Object.assign(row(e.epoch), { train: e[train], validation: e[val] });
  for (const f of folds) for (const e of f.epochs) row(e.epoch)[`fold${f.fold}`] = e[val];
  return [...rows.values()].sort((a, b) => a.epoch - b.epoch);
}

const EpochChart = memo(function EpochChart({
  epochs,
  folds,
  title,
  testId,
  train,
  val,
  markers,
}: EpochChartProps) {
  const data = useMemo(() => epochRows(epochs, folds, train, val), [epochs, folds, train, val]);
  // One SVG circle per epoch is costly on long runs; dots help only while they are few.
  const showDots = epochs.length <= MAX_DOTS;
  return (
    <figure
      className="chart"
      data-testid={testId}
      data-points={epochs.length}
      data-fold-series={folds.length}
      data-finding-markers={markerKinds(markers)}
      aria-label={title}
    >
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
          {folds.map((f, i) => (
            <Line
              key={f.fold}
              type="linear"
              dataKey={`fold${f.fold}`}
              // One legend entry for all folds.
              name="folds"
              legendType={i === 0 ? 'line' : 'none'}
              stroke="var(--series-2)"
              strokeOpacity={FOLD_OPACITY}
              strokeDasharray="4 3"
              dot={false}
              activeDot={false}
              tooltipType="none"
              isAnimationActive={false}
            />
          ))}
          <Line
            type="linear"
            dataKey="validation"
            name="validation"
            stroke="var(--series-2)"
            dot={showDots}
            isAnimationActive={false}
          />
          {markerElements(markers)}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});

/** The learning rate of each epoch's last step, as the run's schedule set it. */
const LearningRateChart = memo(function LearningRateChart({ epochs }: { epochs: EpochMetrics[] }) {
  const data = useMemo(
    () => epochs.flatMap((e) => (e.lr === undefined ? [] : [{ epoch: e.epoch, lr: e.lr }])),
    [epochs],
  );
  return (
    <figure
      className="chart"
      data-testid="epoch-lr-chart"
      data-points={data.length}
      aria-label="Learning rate per epoch"
    >
      <figcaption>Learning rate</figcaption>
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
          <YAxis tick={{ fontSize: 11 }} width={56} tickFormatter={formatRate} />
          <Tooltip formatter={(v) => formatRate(Number(v))} />
          <Line
            type="stepAfter"
            dataKey="lr"
            name="learning rate"
            stroke="var(--series-1)"
            dot={data.length <= MAX_DOTS}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});

function formatRate(v: number): string {
  return v === 0 ? '0' : v.toPrecision(2);
}

/**
 * Live loss/accuracy charts, the learning rate when the run's schedule changes it (a flat
 * line for a constant rate would take a chart's room to say nothing), and the decision
 * boundary of 2-D sets; `markers`: diagnostics evidence.
 */
export function TrainingCharts({ markers = NO_MARKERS }: { markers?: readonly ChartMarker[] }) {
  const training = useAppStore(selectTrainingActive);
  const batches = useThrottled(
    useAppStore((s) => s.run?.record.batches ?? EMPTY_BATCHES),
    LIVE_CHART_MS,
    training,
  );
  const epochs = useAppStore((s) => s.run?.record.epochs ?? EMPTY_EPOCHS);
  const folds = useAppStore((s) => s.run?.record.folds ?? EMPTY_FOLDS);
  const task = useAppStore((s) => s.dataset?.task);
  const isPoints = useAppStore((s) => s.dataset?.kind === 'points2d');
  const scheduled = useAppStore(
    (s) => (s.run?.record.config.lrSchedule ?? 'constant') !== 'constant',
  );
  const regression = task === 'regression';
  // Stable per chart, so a new batch does not redraw the memoised epoch charts.
  const marked = useMemo(
    () => ({
      batch: markersOn(markers, 'batch-loss'),
      loss: markersOn(markers, 'loss'),
      metric: markersOn(markers, 'metric'),
    }),
    [markers],
  );
  return (
    <section className="panel charts" aria-labelledby="charts-heading">
      <h2 id="charts-heading">Training</h2>
      <MetricsStrip />
      <div className="chart-grid">
        <BatchLossChart batches={batches} markers={marked.batch} />
        <EpochChart
          epochs={epochs}
          folds={folds}
          title="Loss per epoch"
          testId="epoch-loss-chart"
          train="loss"
          val="valLoss"
          markers={marked.loss}
        />
        {scheduled && <LearningRateChart epochs={epochs} />}
        {regression ? (
          <EpochChart
            epochs={epochs}
            folds={folds}
            title="Mean absolute error per epoch"
            testId="epoch-metric-chart"
            train="mae"
            val="valMae"
            markers={marked.metric}
          />
        ) : (
          <EpochChart
            epochs={epochs}
            folds={folds}
            title="Accuracy per epoch"
            testId="epoch-metric-chart"
            train="accuracy"
            val="valAccuracy"
            markers={marked.metric}
          />
        )}
        {isPoints && <DecisionBoundary />}
      </div>
      <LiveCrossValidationSummary />
    </section>
  );
}
