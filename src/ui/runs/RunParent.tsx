import type { RunLineage } from '../../core/runs/record';
import { useAppStore } from '../../state/store';

/** Selects the parent run for comparison (if it is not already) and moves the focus to its row. */
function selectParent(parentId: string): void {
  const s = useAppStore.getState();
  if (!s.selectedRunIds.includes(parentId)) s.toggleRunSelected(parentId);
  const row = document.querySelector(
    `[data-testid="run-row"][data-run-id="${CSS.escape(parentId)}"]`,
  );
  row?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
}

/** A remedy's child run names its parent and the change: "Child of Run 3: Epochs 30 → 60". */
export function RunParent({
  lineage,
  parentName,
}: {
  lineage: RunLineage;
  parentName: string | null;
}) {
  return (
    <span className="run-parent" data-testid="run-parent" data-parent-id={lineage.parentId}>
      Child of{' '}
      {parentName === null ? (
        'a deleted run'
      ) : (
        <button
          type="button"
          className="link"
          onClick={() => selectParent(lineage.parentId)}
          aria-label={`Select the parent run ${parentName}`}
          title="Select the parent for comparison"
        >
          {parentName}
        </button>
      )}
      : {lineage.change}
    </span>
  );
}
