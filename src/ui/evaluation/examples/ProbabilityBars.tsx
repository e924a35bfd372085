import { topClass } from '../../../core/predict/prediction';

const percent = (p: number) => (Number.isFinite(p) ? `${(p * 100).toFixed(1)}%` : '—');

/**
 * Class probabilities as a small bar list in class order, the predicted class (and the
 * actual one, when known) marked in words as well as in colour.
 */
export function ProbabilityBars({
  classNames,
  probabilities,
  actual,
  testId,
  limit,
}: {
  classNames: string[];
  probabilities: ArrayLike<number>;
  actual?: number;
  /** The test id of each bar (the try panel's are `class-probability`). */
  testId?: string;
  /** Show at most this many classes: the most probable ones and the actual one. */
  limit?: number;
}) {
  const ps = Array.from(probabilities);
  const predicted = topClass(ps);
  let shown = classNames.map((_, k) => k);
  if (limit !== undefined && shown.length > limit) {
    const keep = new Set([...shown].sort((a, b) => ps[b]! - ps[a]!).slice(0, limit));
    if (actual !== undefined) keep.add(actual);
    shown = shown.filter((k) => keep.has(k));
  }
  return (
    <ul className="prob-bars" aria-label="Class probabilities">
      {shown.map((k) => {
        const name = classNames[k] ?? String(k);
        const p = ps[k] ?? NaN;
        const marks = [k === predicted ? 'predicted' : '', k === actual ? 'actual' : '']
          .filter(Boolean)
          .join(', ');
        return (
          <li
            key={k}
            data-testid={testId}
            data-class={name}
            data-probability={p}
            className={`${k === predicted ? 'is-predicted' : ''} ${k === actual ? 'is-actual' : ''}`}
          >
            <span className="prob-name" title={name}>
              {name}
              {marks && <span className="prob-mark"> ({marks})</span>}
            </span>
            <span className="prob-bar" aria-hidden="true">
              <span style={{ width: `${Math.max(0, Math.min(1, p)) * 100}%` }} />
            </span>
            <span className="prob-value">{percent(p)}</span>
          </li>
        );
      })}
    </ul>
  );
}
