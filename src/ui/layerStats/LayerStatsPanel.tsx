/**
 * The per-layer statistics of a run: weight and activation histograms of a
 * chosen layer as ridge plots over epochs, and every layer's RMS gradient per epoch.
 */
import { useId, useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { LayerStatsEpoch } from '../../core/train/layerStats/types';
import { useAppStore } from '../../state/store';
import { useChosenRun } from '../runs/chosenRun';
import { RidgePlot } from './RidgePlot';
import './layerStats.css';

const NO_STATS: LayerStatsEpoch[] = [];
const COLOURS = ['#4682b4', '#d2691e', '#2e8b57', '#8a2be2', '#b22222', '#708090'];

function GradientNorms({ stats, layers }: { stats: LayerStatsEpoch[]; layers: string[] }) {
  // Zero or non-finite gradients cannot sit on a log axis: they are left as gaps.
  const data = stats.map((s) => ({
    epoch: s.epoch,
    ...Object.fromEntries(
      s.layers.map((l) => [
        l.layer,
        l.gradRms > 0 && Number.isFinite(l.gradRms) ? l.gradRms : null,
      ]),
    ),
  }));
  return (
    <figure role="figure" aria-label="Gradient norms" className="layer-stats-view">
      <figcaption>Gradient norms (RMS per layer)</figcaption>
      <LineChart width={360} height={200} data={data}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="epoch" />
        <YAxis scale="log" domain={['auto', 'auto']} allowDataOverflow width={60} />
        <Tooltip />
        <Legend />
        {layers.map((name, i) => (
          <Line
            key={name}
            dataKey={name}
            stroke={COLOURS[i % COLOURS.length]}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </figure>
  );
}

/**
 * The per-layer statistics of the run the diagnostics show (the live run, else the newest,
 * or the one chosen to diagnose: its dead-units finding points here); stored with each
 * run, so they are back after a reload. Nothing before a first epoch's statistics.
 */
export function LayerStatsPanel() {
  const { record } = useChosenRun(useAppStore((s) => s.diagnosedRunId));
  const stats = record?.layerStats ?? NO_STATS;
  const layers = useMemo(() => stats.at(-1)?.layers.map((l) => l.layer) ?? [], [stats]);
  const [chosen, setChosen] = useState<string | null>(null);
  const selectId = useId();
  if (stats.length === 0 || layers.length === 0) return null;
  const layer = chosen !== null && layers.includes(chosen) ? chosen : layers[0]!;
  const rowsOf = (which: 'weights' | 'activations') =>
    stats.flatMap((s) => {
      const l = s.layers.find((x) => x.layer === layer);
      return l ? [{ epoch: s.epoch, histogram: l[which] }] : [];
    });
  const dead = stats.at(-1)?.layers.find((l) => l.layer === layer)?.deadFraction;
  return (
    <section className="layer-stats" aria-label="Layer statistics">
      <h3>
        Layer statistics <span className="muted">of {record?.name}</span>
      </h3>
      <label htmlFor={selectId}>Layer </label>
      <select id={selectId} value={layer} onChange={(e) => setChosen(e.target.value)}>
        {layers.map((name) => (
          <option key={name}>{name}</option>
        ))}
      </select>
      {dead !== undefined && (
        <span data-testid="dead-units"> Dead units: {Math.round(dead * 100)}%</span>
      )}
      <div className="layer-stats-views">
        <figure role="figure" aria-label="Weight histograms" className="layer-stats-view">
          <figcaption>Weight histograms (one row per epoch)</figcaption>
          <RidgePlot label={`Weights of ${layer} by epoch`} rows={rowsOf('weights')} />
        </figure>
        <figure role="figure" aria-label="Activation histograms" className="layer-stats-view">
          <figcaption>Activation histograms (one row per epoch)</figcaption>
          <RidgePlot label={`Activations of ${layer} by epoch`} rows={rowsOf('activations')} />
        </figure>
        <GradientNorms stats={stats} layers={layers} />
      </div>
    </section>
  );
}
