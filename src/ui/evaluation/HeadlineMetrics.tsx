/**
 * The test split's headline metrics, each beside the baseline a model must beat and the
 * difference, with the automation hooks (plain fractions with 4 decimals).
 */
import { memo } from 'react';
import type { HeadlineKey, HeadlineMetric } from '../../core/evaluation/headline';
import { fixed4 } from './format';

const VALUE_HOOKS: Partial<Record<HeadlineKey, string>> = {
  accuracy: 'test-accuracy',
  balancedAccuracy: 'test-balanced-accuracy',
  macroF1: 'test-macro-f1',
  auc: 'test-auc',
  r2: 'test-r2',
  rmse: 'test-rmse',
  mae: 'test-mae',
};
const BASELINE_HOOKS: Partial<Record<HeadlineKey, string>> = {
  accuracy: 'baseline-accuracy',
  rmse: 'baseline-rmse',
};

function Difference({ m }: { m: HeadlineMetric }) {
  if (m.value === null || m.baseline === null || !Number.isFinite(m.value)) return <td />;
  const gain = m.higherIsBetter ? m.value - m.baseline : m.baseline - m.value;
  const sign = m.value - m.baseline >= 0 ? '+' : '−';
  const text = `${sign}${Math.abs(m.value - m.baseline).toFixed(4)}`;
  return (
    <td className={gain > 0 ? 'better' : 'not-better'}>
      {text}
      {gain <= 0 && <span className="warn-text"> not better than the baseline</span>}
    </td>
  );
}

export const HeadlineMetrics = memo(function HeadlineMetrics({
  metrics,
  loss,
  caption,
  lead = null,
}: {
  metrics: readonly HeadlineMetric[];
  /** A metric to put first, marked as the headline (the "report balanced accuracy" remedy). */
  lead?: HeadlineKey | null;
  /** The model's own loss on the test split (its training objective). */
  loss: number | null;
  caption: string;
}) {
  // An older record has no baselines: no empty columns for them.
  const baselines = metrics.some((m) => m.baseline !== null);
  const rows = lead
    ? [...metrics].sort((a, b) => Number(b.key === lead) - Number(a.key === lead))
    : metrics;
  return (
    <table className="report-table headline" data-testid="test-metrics">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col">Test</th>
          {baselines && (
            <>
              <th scope="col">Baseline</th>
              <th scope="col">Difference</th>
              <th scope="col">Baseline predicts</th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.key} className={m.key === lead ? 'lead' : undefined}>
            <th scope="row">
              {m.label}
              {m.key === lead ? ' (headline)' : ''}
            </th>
            <td data-testid={VALUE_HOOKS[m.key]}>{fixed4(m.value)}</td>
            {baselines && (
              <>
                <td data-testid={BASELINE_HOOKS[m.key]}>{fixed4(m.baseline)}</td>
                <Difference m={m} />
                <td className="muted">{m.baseline === null ? '' : m.baselineLabel}</td>
              </>
            )}
          </tr>
        ))}
        {loss !== null && (
          <tr>
            <th scope="row">Loss (training objective)</th>
            <td data-testid="test-loss">{fixed4(loss)}</td>
            {baselines && <td colSpan={3} />}
          </tr>
        )}
      </tbody>
    </table>
  );
});
