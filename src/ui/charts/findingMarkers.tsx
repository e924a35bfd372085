/**
 * Diagnostics evidence drawn on the training charts: a shaded span over the epochs (or
 * batches) a finding rests on, with dots at its first and last value. Returned as plain
 * elements so a chart places them among its own children.
 */
import type { ReactElement } from 'react';
import { ReferenceArea, ReferenceDot, ReferenceLine } from 'recharts';
import type { Finding, FindingKind } from '../../core/train/diagnostics/types';

export type MarkedChart = 'loss' | 'metric' | 'batch-loss';

/** One finding's evidence on one chart, in that chart's x units (epochs, or batches from 1). */
export interface ChartMarker {
  kind: FindingKind;
  chart: MarkedChart;
  xs: number[];
  values: number[];
}

/** The markers of a run's findings (evidence without a chart position, e.g. class counts, has none). */
export function findingMarkers(findings: readonly Finding[]): ChartMarker[] {
  return findings.flatMap((f): ChartMarker[] => {
    const e = f.evidence;
    if (e.chart === 'classes' || e.chart === 'layers') return [];
    // The batch chart numbers batches from 1; the record's steps count from 0.
    const xs = e.chart === 'batch-loss' ? (e.steps ?? []).map((s) => s + 1) : (e.epochs ?? []);
    if (xs.length === 0) return [];
    return [{ kind: f.kind, chart: e.chart, xs, values: e.values ?? [] }];
  });
}

const STROKE = 'var(--marker)';

/** The markers on one chart. */
export function markersOn(markers: readonly ChartMarker[], chart: MarkedChart): ChartMarker[] {
  return markers.filter((m) => m.chart === chart);
}

/** The recharts elements of markers (already chosen for the chart). */
export function markerElements(markers: readonly ChartMarker[]): ReactElement[] {
  return markers.flatMap((m) => {
    const lo = Math.min(...m.xs);
    const hi = Math.max(...m.xs);
    const span =
      lo === hi ? (
        <ReferenceLine key={`${m.kind}-span`} x={lo} stroke={STROKE} strokeDasharray="4 3" />
      ) : (
        <ReferenceArea
          key={`${m.kind}-span`}
          x1={lo}
          x2={hi}
          fill={STROKE}
          fillOpacity={0.12}
          className="finding-marker"
        />
      );
    const ends = [0, m.xs.length - 1]
      .filter((i, k, all) => all.indexOf(i) === k)
      .filter((i) => Number.isFinite(m.values[i]))
      .map((i) => (
        <ReferenceDot
          key={`${m.kind}-dot-${i}`}
          x={m.xs[i]!}
          y={m.values[i]!}
          r={4}
          fill="none"
          stroke={STROKE}
          strokeWidth={2}
        />
      ));
    return [span, ...ends];
  });
}
