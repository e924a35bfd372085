import { useMemo } from 'react';
import { changesSinceRemedy } from '../../core/runs/lineage';
import { train } from '../../state/actions';
import { undoRemedy } from '../../state/remedyActions';
import { useAppStore } from '../../state/store';
import { useTrainBlocker } from '../training/useTrainBlocker';

/**
 * The remedy waiting for its run: the change in words, "Start the child run" and Undo.
 * (No button here may be named like "Train": tests find the top bar's by that name.)
 */
export function RemedyBanner() {
  const pending = useAppStore((s) => s.pendingRemedy);
  const graph = useAppStore((s) => s.graph);
  const config = useAppStore((s) => s.config);
  const datasetChoice = useAppStore((s) => s.datasetChoice);
  const dismiss = useAppStore((s) => s.dismissRemedy);
  const blocker = useTrainBlocker();
  const changes = useMemo(
    () => (pending ? changesSinceRemedy(pending, { graph, config, datasetChoice }) : []),
    [pending, graph, config, datasetChoice],
  );
  if (!pending) return null;
  if (changes.length > 0) {
    return (
      <div className="notice warning remedy-banner" role="status" data-testid="remedy-banner">
        <span>
          Remedy of {pending.parentName} ({pending.change}): the workspace has changed since (
          {changes
            .slice(0, 3)
            .map((c) => c.text)
            .join('; ')}
          ), so the next run will not be linked to {pending.parentName}.
        </span>
        <button type="button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    );
  }
  return (
    <div className="notice info remedy-banner" role="status" data-testid="remedy-banner">
      <span>
        Remedy of {pending.parentName}:{' '}
        <strong data-testid="remedy-change">{pending.change}</strong>. The next run is its child,
        with the same seed, split and data.
      </span>
      <button
        type="button"
        className="primary"
        onClick={train}
        disabled={blocker !== null}
        title={blocker ?? undefined}
      >
        Start the child run
      </button>
      <button type="button" onClick={undoRemedy}>
        Undo the remedy
      </button>
    </div>
  );
}
