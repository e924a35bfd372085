/**
 * The runs list's side of persistence: reading stored runs at start-up (marking runs
 * whose tab is gone as interrupted), and the user's edits, deletes and undo.
 */
import { isLiveStatus, type RunRecord } from '../../core/runs/record';
import { interruptedRecord } from '../../core/runs/live';
import type { UnreadableRun } from '../../core/runs/migrations';
import { useAppStore } from '../store';
import { deleteRunFromDb, readAllRuns } from '../../core/runs/runsDb';
import { lockIsFree, refreshStorage, writeRecord } from './runWrites';
import { selectRunLive, type RunEdit } from '../trainingSlice';

const isRunLive = (id: string) => selectRunLive(useAppStore.getState(), id);

/**
 * Reads the stored runs, marks runs whose tab is gone as interrupted and asks for
 * persistent storage. Idempotent.
 */
export async function initRuns(): Promise<void> {
  if (useAppStore.getState().runsLoadStarted) return;
  useAppStore.setState({ runsLoadStarted: true });
  try {
    const stored = await readAllRuns();
    const records: RunRecord[] = [];
    const unreadable: UnreadableRun[] = [];
    for (const st of stored) {
      if (!st.ok) {
        unreadable.push(st.unreadable);
        continue;
      }
      let rec = st.record;
      if (isLiveStatus(rec.status) && !isRunLive(rec.id) && (await lockIsFree(rec.id))) {
        rec = interruptedRecord(rec, Date.now());
        await writeRecord(rec, null);
      }
      records.push(rec);
    }
    // Runs started while the list was loading were written already; keep them.
    const live = useAppStore.getState().runs.filter((r) => isRunLive(r.id));
    const ids = new Set(records.map((r) => r.id));
    useAppStore
      .getState()
      .setRunsList([...records, ...live.filter((r) => !ids.has(r.id))], unreadable);
  } catch (e) {
    useAppStore.setState({
      runsLoaded: true,
      runsError: `Browser storage is unavailable: saved runs could not be opened (${e instanceof Error ? e.message : String(e)}). Training works, but new runs are not saved; check that this browser allows site storage.`,
    });
  }
  if (typeof navigator !== 'undefined' && navigator.storage?.persist) {
    // Without persistence the browser may evict saved runs under storage pressure.
    await navigator.storage.persist().catch(() => false);
  }
  await refreshStorage();
}

/** Applies a user edit (name, notes, tags, star, decision) to a stored run and writes it. */
export function editRun(id: string, patch: RunEdit): void {
  // The live record is written every epoch: patch it, or the next write reverts the edit.
  if (useAppStore.getState().patchLiveRecord(id, patch)) return;
  const current = useAppStore.getState().runs.find((r) => r.id === id);
  if (!current) return;
  const next = { ...current, ...patch, updatedAt: Date.now() };
  useAppStore.getState().upsertRunLocal(next);
  void writeRecord(next, null);
}

/** Deletes a stored run; `undoDeleteRun` puts it back. A run training in this tab is kept. */
export function deleteRun(id: string): void {
  if (isRunLive(id)) return;
  const s = useAppStore.getState();
  const run = s.runs.find((r) => r.id === id);
  if (!run) return;
  s.removeRunLocal(id);
  useAppStore.setState({ lastDeletedRun: run });
  deleteRunFromDb(id).then(refreshStorage, (e: unknown) => {
    s.upsertRunLocal(run);
    s.pushNotice('error', `"${run.name}" could not be deleted (${String(e)}).`);
  });
}

export function undoDeleteRun(): void {
  const run = useAppStore.getState().lastDeletedRun;
  if (!run) return;
  useAppStore.setState({ lastDeletedRun: null });
  // Its weights went with the delete: the restored record no longer claims them.
  const restored = { ...run, checkpoints: { final: null, best: null } };
  useAppStore.getState().upsertRunLocal(restored);
  void writeRecord(restored, null).then(refreshStorage);
}

/** Removes an unreadable record from the database. */
export function deleteUnreadableRun(id: string): void {
  useAppStore.setState((s) => ({ unreadableRuns: s.unreadableRuns.filter((u) => u.id !== id) }));
  void deleteRunFromDb(id).then(refreshStorage);
}
