/**
 * Shared pieces of run persistence: a Web Lock per training run, writing a record with
 * a clear message when it fails, storage figures, and pruning kept weights.
 */
import { RunWriteError, deleteWeights, putRun } from '../../core/runs/runsDb';
import type { RunRecord } from '../../core/runs/record';
import { useAppStore } from '../store';

const lockName = (runId: string) => `train-smarter-run:${runId}`;

/** Holds the run's Web Lock until the returned function is called. */
export function holdLock(runId: string): () => void {
  let release = () => {};
  if (typeof navigator === 'undefined' || !navigator.locks) return release;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  void navigator.locks.request(lockName(runId), () => held);
  return release;
}

/** True when no tab holds the run's lock (its training tab is gone). */
export async function lockIsFree(runId: string): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.locks) return true;
  return navigator.locks.request(lockName(runId), { ifAvailable: true }, (lock) => lock !== null);
}

/** Tells the user a write failed: once per live run (`warnOnce`), every time for edits. */
export function reportWriteError(
  record: RunRecord,
  e: unknown,
  warnOnce: { warned: boolean } | null,
  notify: (kind: 'error', text: string) => void = useAppStore.getState().pushNotice,
): void {
  if (warnOnce) {
    if (warnOnce.warned) return;
    warnOnce.warned = true;
  }
  const detail = e instanceof Error ? e.message : String(e);
  if (e instanceof RunWriteError && e.quota) {
    notify(
      'error',
      `Browser storage is full: "${record.name}" could not be saved. ${warnOnce ? 'Training goes on; ' : ''}delete old runs to make room.`,
    );
  } else if (e instanceof RunWriteError && e.unavailable) {
    notify(
      'error',
      `Browser storage is unavailable: "${record.name}" could not be saved (${detail}). ${warnOnce ? 'Training goes on; ' : ''}allow site storage for this page to keep runs.`,
    );
  } else {
    notify('error', `"${record.name}" could not be saved (${detail}).`);
  }
}

/** Writes a record (no weights) and shows it in the list; a failure becomes a notice. */
export async function writeRecord(
  record: RunRecord,
  warnOnce: { warned: boolean } | null,
): Promise<void> {
  try {
    await putRun(record);
    useAppStore.getState().upsertRunLocal(record);
  } catch (e) {
    reportWriteError(record, e, warnOnce);
  }
}

/** Storage used by the whole origin, the quota, and whether it is persistent. */
export async function refreshStorage(): Promise<void> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return;
  try {
    const [estimate, persisted] = await Promise.all([
      navigator.storage.estimate(),
      navigator.storage.persisted ? navigator.storage.persisted() : Promise.resolve(null),
    ]);
    useAppStore.setState({
      storage: { usage: estimate.usage ?? null, quota: estimate.quota ?? null, persisted },
    });
  } catch {
    // Estimates are informative only; some browsers refuse them in private windows.
    useAppStore.setState({ storage: { usage: null, quota: null, persisted: null } });
  }
}

// Weights are kept for this many of the newest runs, and for starred runs.
const KEEP_WEIGHTS_FOR_LATEST = 20;

/** Drops the weights of runs that are neither among the latest nor starred. */
export async function pruneWeights(isLive: (runId: string) => boolean): Promise<void> {
  const runs = useAppStore.getState().runs;
  const keep = new Set(runs.slice(0, KEEP_WEIGHTS_FOR_LATEST).map((r) => r.id));
  for (const r of runs) {
    const hasWeights = r.checkpoints.final !== null || r.checkpoints.best !== null;
    if (!hasWeights || keep.has(r.id) || r.starred || isLive(r.id)) continue;
    await deleteWeights(r.id);
    await writeRecord({ ...r, checkpoints: { final: null, best: null } }, null);
  }
}
