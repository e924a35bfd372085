import { classBalance } from '../../../core/data/balance';
import { useAppStore } from '../../../state/store';
import { selectTrainingActive } from '../../../state/trainingSlice';

/** Majority-class baseline, an imbalance warning, and the "Weight classes" switch. */
export function ClassBalanceNote({ names, counts }: { names: string[]; counts: number[] }) {
  const weights = useAppStore((s) => s.config.classWeights);
  const setConfig = useAppStore((s) => s.setConfig);
  const active = useAppStore(selectTrainingActive);
  const b = classBalance(counts);
  if (!b) return null;
  const rare = b.rareClasses.map((k) => names[k] ?? String(k));
  return (
    <div className="class-balance" data-testid="class-balance">
      <p>
        Majority-class baseline:{' '}
        <strong data-testid="majority-baseline">{(b.majorityBaseline * 100).toFixed(1)}%</strong>{' '}
        (always predicting “{names[b.majorityClass]}”)
      </p>
      {b.imbalanced && (
        <p className="warning" role="status" data-testid="imbalance-warning">
          Classes are imbalanced
          {Number.isFinite(b.ratio) ? ` (largest/smallest = ${b.ratio.toFixed(1)})` : ''}
          {rare.length > 0 ? `; under 5% of rows: ${rare.join(', ')}` : ''}. Accuracy can look good
          while rare classes are missed: consider weighting classes.
        </p>
      )}
      <label className="field checkbox">
        <input
          type="checkbox"
          role="switch"
          aria-checked={weights}
          checked={weights}
          disabled={active}
          onChange={(e) => setConfig({ classWeights: e.target.checked })}
        />
        <span>Weight classes</span>
      </label>
    </div>
  );
}
