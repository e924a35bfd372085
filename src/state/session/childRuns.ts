/**
 * When a remedy's child run has finished and is stored, the comparison of parent and child
 * opens (its verdict says whether the remedy worked). Once per child, and only for a run
 * this tab trained: a list reloaded later does not pop comparisons open.
 */
import { isActive } from '../../core/runs/live';
import { isLiveStatus } from '../../core/runs/record';
import type { AppStore } from './types';

/** Watches the store for finished child runs; returns the unsubscribe. */
export function watchChildRuns(store: AppStore): () => void {
  const opened = new Set<string>();
  return store.subscribe((s) => {
    const live = s.run;
    const lineage = live?.record.lineage;
    if (!live || !lineage || isActive(live) || opened.has(live.record.id)) return;
    const stored = s.runs.find((r) => r.id === live.record.id);
    // Wait for the finished record to be written (the comparison reads the stored runs).
    if (!stored || isLiveStatus(stored.status) || stored.status === 'interrupted') return;
    opened.add(stored.id);
    if (!s.runs.some((r) => r.id === lineage.parentId)) return;
    store.setState({ selectedRunIds: [lineage.parentId, stored.id], compareOpen: true });
  });
}
