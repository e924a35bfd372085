import { useMemo } from 'react';
import { parentOf } from '../../core/runs/lineage';
import type { RunRecord } from '../../core/runs/record';
import { childVerdict, keptEpoch, verdictMetric } from '../../core/runs/verdict';
import { useRunsOutputs } from '../../state/useRunOutputs';

/** "epoch 12 (restored best)" or "epoch 30 (last)": which weights a run keeps. */
function keptText(run: RunRecord): string {
  const kept = keptEpoch(run);
  if (!kept) return 'no epochs';
  return run.earlyStop ? `epoch ${kept.epoch} (restored best)` : `epoch ${kept.epoch} (last)`;
}

function VerdictLine({ parent, child }: { parent: RunRecord; child: RunRecord }) {
  const [parentOutputs, childOutputs] = useRunsOutputs([parent, child]);
  const ready = (o: typeof parentOutputs) => (o?.status === 'ready' ? o.outputs : null);
  const p = ready(parentOutputs);
  const c = ready(childOutputs);
  // A verdict on recall waits for the outputs rather than showing the loss one first.
  const waiting =
    verdictMetric(child.lineage?.remedyId ?? '') === 'valMacroRecall' &&
    [parentOutputs, childOutputs].some((o) => o?.status === 'loading');
  const verdict = useMemo(
    () => (waiting ? null : childVerdict(parent, child, { parent: p, child: c })),
    [waiting, parent, child, p, c],
  );
  if (waiting) return <p className="muted">Reading the runs’ outputs for the verdict…</p>;
  return (
    <div>
      <p
        className={`remedy-verdict outcome-${verdict?.outcome.replaceAll(' ', '-') ?? 'none'}`}
        data-testid="remedy-verdict"
        data-outcome={verdict?.outcome ?? ''}
      >
        {verdict ? verdict.text : 'No verdict: a run has no finished epoch.'}
      </p>
      <p className="muted">
        {child.name} ({child.lineage?.change}) against its parent {parent.name}, on the weights each
        keeps: {keptText(child)} and {keptText(parent)}.
      </p>
    </div>
  );
}

/** Did the remedy work? One verdict per compared run whose parent is compared too. */
export function RemedyVerdicts({ runs }: { runs: RunRecord[] }) {
  const pairs = runs.flatMap((child) => {
    const parent = parentOf(child, runs);
    return parent ? [{ parent, child }] : [];
  });
  if (pairs.length === 0) return null;
  return (
    <section className="remedy-verdicts" aria-labelledby="remedy-verdict-heading">
      <h3 id="remedy-verdict-heading">Did the remedy work?</h3>
      {pairs.map(({ parent, child }) => (
        <VerdictLine key={child.id} parent={parent} child={child} />
      ))}
    </section>
  );
}
