import { useMemo } from 'react';
import { findingMarkers } from '../charts/findingMarkers';
import { TrainingCharts } from '../charts/TrainingCharts';
import { useAppStore } from '../../state/store';
import { useFindings } from './useFindings';

/** The training charts with the charted run's findings marked on them. */
export function ChartsWithFindings() {
  const record = useAppStore((s) => s.run?.record ?? null);
  const findings = useFindings(record);
  const markers = useMemo(() => findingMarkers(findings), [findings]);
  // Recomputed findings are often the same: keep the markers' identity so charts stay put.
  const key = JSON.stringify(markers);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stable = useMemo(() => markers, [key]);
  return <TrainingCharts markers={stable} />;
}
