import { useMemo, useState } from 'react';
import { useAppStore } from '../../state/store';
import {
  differentDataWarning,
  runColours,
  type EpochMetricKey,
  type XAxisMode,
} from '../../core/runs/compare';
import type { RunRecord } from '../../core/runs/record';
import { CompareChart, type ChartOptions } from './CompareCharts';
import { ConfigDiffTable, ConfusionMatrices, FinalMetricsTable } from './CompareTables';
import { openRunInEditor } from './openInEditor';
import { CompareClassReports } from '../evaluation/CompareClassReports';
import { RemedyVerdicts } from './RemedyVerdicts';
import { ModalDialog } from '../forms/ModalDialog';
import './runs.css';
import { RangeField } from '../forms/RangeField';
import { twoDecimals } from '../forms/formats';

function CompareDialog({ runs, onClose }: { runs: RunRecord[]; onClose: () => void }) {
  const [xAxis, setXAxis] = useState<XAxisMode>('epoch');
  const [smoothing, setSmoothing] = useState(0);
  const [logScale, setLogScale] = useState(false);
  const options: ChartOptions = useMemo(
    () => ({ xAxis, smoothing, logScale }),
    [xAxis, smoothing, logScale],
  );
  const colours = useMemo(() => runColours(runs), [runs]);
  const regression = runs.some((r) => r.epochs.some((e) => e.valMae !== undefined));
  const warning = differentDataWarning(runs);
  const charts: { metric: EpochMetricKey; title: string }[] = [
    { metric: 'loss', title: 'Train loss' },
    { metric: 'valLoss', title: 'Validation loss' },
    regression
      ? { metric: 'mae', title: 'Train MAE' }
      : { metric: 'accuracy', title: 'Train accuracy' },
    regression
      ? { metric: 'valMae', title: 'Validation MAE' }
      : { metric: 'valAccuracy', title: 'Validation accuracy' },
  ];

  const controls = (
    <>
      <label className="field inline">
        <span>X axis</span>
        <select value={xAxis} onChange={(e) => setXAxis(e.target.value as XAxisMode)}>
          <option value="epoch">Epoch</option>
          <option value="time">Time (s)</option>
        </select>
      </label>
      <RangeField
        label="Smoothing"
        inline
        value={smoothing}
        min={0}
        max={0.99}
        step={0.01}
        format={twoDecimals}
        onChange={setSmoothing}
      />
      <label className="field checkbox">
        <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} />
        <span>Log scale</span>
      </label>
    </>
  );

  return (
    <ModalDialog
      title={`Compare ${runs.length} runs`}
      onClose={onClose}
      className="compare-dialog"
      headerClassName="compare-header"
      headerControls={controls}
      data-testid="compare-view"
    >
      {warning && (
        <p className="compare-warning" role="note" data-testid="data-warning">
          {warning}
        </p>
      )}
      <RemedyVerdicts runs={runs} />
      <div className="chart-grid">
        {charts.map((c) => (
          <CompareChart
            key={c.metric}
            runs={runs}
            colours={colours}
            metric={c.metric}
            title={c.title}
            options={options}
          />
        ))}
      </div>
      <ConfigDiffTable runs={runs} />
      <FinalMetricsTable runs={runs} colours={colours} regression={regression} />
      <ConfusionMatrices runs={runs} />
      <CompareClassReports runs={runs} />
      <section aria-labelledby="restore-heading">
        <h3 id="restore-heading">Change one thing and run again</h3>
        <div className="restore-buttons">
          {runs.map((r) => (
            <button key={r.id} type="button" onClick={() => openRunInEditor(r)}>
              Open {r.name} in editor
            </button>
          ))}
        </div>
      </section>
    </ModalDialog>
  );
}

/** The comparison view over the workspace; the oldest selected run is the baseline. */
export function CompareView() {
  const open = useAppStore((s) => s.compareOpen);
  const allRuns = useAppStore((s) => s.runs);
  const selected = useAppStore((s) => s.selectedRunIds);
  const setOpen = useAppStore((s) => s.setCompareOpen);
  const runs = useMemo(
    () => allRuns.filter((r) => selected.includes(r.id)).sort((a, b) => a.createdAt - b.createdAt),
    [allRuns, selected],
  );
  const close = useMemo(() => () => setOpen(false), [setOpen]);
  if (!open || runs.length < 2) return null;
  return <CompareDialog runs={runs} onClose={close} />;
}
