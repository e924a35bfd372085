import { memo } from 'react';
import {
  evidenceText,
  FINDING_TITLES,
  SEVERITY_LABELS,
} from '../../core/train/diagnostics/describe';
import type { Finding, Remedy } from '../../core/train/diagnostics/types';

/**
 * One finding: what is wrong and why (the thresholds), where the evidence is on the charts,
 * and its remedies as buttons — or, while a run trains, why they are not offered yet.
 */
export const FindingCard = memo(function FindingCard({
  finding,
  regression,
  remediesOffered,
  onRemedy,
}: {
  finding: Finding;
  regression: boolean;
  /** False while a run trains: a remedy prepares the next run, which cannot start yet. */
  remediesOffered: boolean;
  /** Called with the finding too: its evidence names the layers a remedy changes. */
  onRemedy: (remedy: Remedy, finding: Finding) => void;
}) {
  const titleId = `finding-${finding.kind}-title`;
  return (
    <li
      className={`finding severity-${finding.severity}`}
      data-testid="finding"
      data-kind={finding.kind}
      data-severity={finding.severity}
      aria-labelledby={titleId}
    >
      <h3 id={titleId}>
        <span className="finding-severity">{SEVERITY_LABELS[finding.severity]}</span>{' '}
        {FINDING_TITLES[finding.kind]}
      </h3>
      <p className="finding-why">{finding.explanation}</p>
      <p className="finding-evidence muted">
        Evidence: {evidenceText(finding.evidence, regression)}.
      </p>
      {remediesOffered ? (
        <div className="finding-remedies" role="group" aria-label="Remedies">
          {finding.remedies.map((r) => (
            <button
              key={r.id}
              type="button"
              data-remedy={r.id}
              onClick={() => onRemedy(r, finding)}
            >
              {r.label}
            </button>
          ))}
        </div>
      ) : (
        <p className="muted">
          Remedies ({finding.remedies.map((r) => r.label).join('; ')}) are offered once no run is
          training.
        </p>
      )}
    </li>
  );
});
