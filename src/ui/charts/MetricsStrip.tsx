import { useAppStore } from '../../state/store';

function fmt(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '' : String(Number(v.toFixed(4)));
}

/** The latest epoch's metrics as plain numbers (fractions), per the automation contract. */
export function MetricsStrip() {
  const last = useAppStore((s) => s.run?.record.epochs.at(-1));
  const regression = useAppStore((s) => s.dataset?.task === 'regression');
  const memory = useAppStore((s) => s.workerMemory[s.workerMemory.length - 1]);
  const reports = useAppStore((s) => s.workerMemory.length);
  return (
    <dl className="metrics">
      <div>
        <dt>Loss</dt>
        <dd data-testid="metric-loss">{fmt(last?.loss)}</dd>
      </div>
      <div>
        <dt>Validation loss</dt>
        <dd data-testid="metric-val-loss">{fmt(last?.valLoss)}</dd>
      </div>
      {regression ? (
        <>
          <div>
            <dt>MAE</dt>
            <dd data-testid="metric-mae">{fmt(last?.mae)}</dd>
          </div>
          <div>
            <dt>Validation MAE</dt>
            <dd data-testid="metric-val-mae">{fmt(last?.valMae)}</dd>
          </div>
        </>
      ) : (
        <>
          <div>
            <dt>Accuracy</dt>
            <dd data-testid="metric-accuracy">{fmt(last?.accuracy)}</dd>
          </div>
          <div>
            <dt>Validation accuracy</dt>
            <dd data-testid="metric-val-accuracy">{fmt(last?.valAccuracy)}</dd>
          </div>
        </>
      )}
      {memory && (
        <div>
          <dt>Worker tensors</dt>
          <dd data-testid="worker-tensors" data-report={reports}>
            {memory.numTensors}
          </dd>
        </div>
      )}
    </dl>
  );
}
