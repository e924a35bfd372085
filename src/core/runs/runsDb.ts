/**
 * The IndexedDB database of run records ('train-smarter-runs'), opened the same way by
 * the page (which writes records) and the training worker (which writes checkpoints):
 * this module is the one owner of its schema upgrades, and each context closes its
 * connection when another asks for a version change. Records are stored with out-of-line
 * keys (the run id) so a damaged value can still be listed and deleted. DB_VERSION is the
 * IndexedDB structure version (object stores, indexes); the record schema inside has its
 * own version (record.ts) and is migrated on read.
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import { lazyConnection } from '../storage/connection';
import { readStoredRun, type StoredRun } from './migrations';
import type { RunRecord } from './record';
import type { Checkpoint } from '../train/checkpoint';
import type { RunOutputs } from '../evaluation/runOutputs';

export const RUNS_DB_NAME = 'train-smarter-runs';
const DB_VERSION = 3;
const STORE = 'runs';
const WEIGHTS = 'weights';
const OUTPUTS = 'outputs';

/** A checkpoint as stored; those stored before optimizer state was kept lack it. */
type StoredCheckpoint = Omit<Checkpoint, 'optimizer' | 'optimizerPrivate'> &
  Partial<Pick<Checkpoint, 'optimizer' | 'optimizerPrivate'>>;

interface RunsDbSchema extends DBSchema {
  runs: { key: string; value: unknown };
  /** Key `${runId}/${epoch}`; kept apart so listing runs never reads megabytes of weights. */
  weights: { key: string; value: StoredCheckpoint };
  /** Key: the run id. The final model's outputs on the validation and test rows. */
  outputs: { key: string; value: RunOutputs };
}

// The connection of this context (page or worker), opened on first use.
const db = lazyConnection<RunsDbSchema>(RUNS_DB_NAME, DB_VERSION, (database, oldVersion) => {
  // One step per structure version; never edit a released step, add the next one.
  if (oldVersion < 1) database.createObjectStore(STORE);
  if (oldVersion < 2) database.createObjectStore(WEIGHTS);
  if (oldVersion < 3) database.createObjectStore(OUTPUTS);
});

/**
 * A write failed; `quota` when the browser refused for lack of space, `unavailable` when
 * the database could not even be opened (storage disabled or broken).
 */
export class RunWriteError extends Error {
  constructor(
    message: string,
    readonly quota: boolean,
    readonly unavailable = false,
  ) {
    super(message);
  }
}

function isQuotaError(e: unknown): boolean {
  return (
    e instanceof DOMException &&
    (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

async function openForWrite(): Promise<IDBPDatabase<RunsDbSchema>> {
  try {
    return await db();
  } catch (e) {
    throw new RunWriteError(e instanceof Error ? e.message : String(e), isQuotaError(e), true);
  }
}

function writeError(e: unknown): RunWriteError {
  const quota = isQuotaError(e) || (e instanceof Error && /quota/i.test(e.message));
  return new RunWriteError(e instanceof Error ? e.message : String(e), quota);
}

/** Writes (inserts or replaces) a run record. */
export async function putRun(record: RunRecord): Promise<void> {
  const d = await openForWrite();
  try {
    await d.put(STORE, record, record.id);
  } catch (e) {
    throw writeError(e);
  }
}

/**
 * Checkpoints are keyed by run and epoch (`${runId}/${epoch}`), so a record only ever
 * claims weights that exist: the worker stores an epoch's checkpoint before the page
 * hears of it, and the page removes only epochs that its written record no longer claims
 * (pruneCheckpoints). Records of schema ≤ 3 kept them as `${runId}/final` and `/best`.
 */
const checkpointKey = (runId: string, epoch: number) => `${runId}/${epoch}`;
/** Every key of a run's checkpoints (epoch keys and the older final/best keys). */
const runKeys = (runId: string) => IDBKeyRange.bound(`${runId}/`, `${runId}/\uffff`);

/** Stores checkpoints of a run, in one transaction (the worker's job). */
export async function putCheckpoints(
  runId: string,
  checkpoints: readonly Checkpoint[],
): Promise<void> {
  const d = await openForWrite();
  try {
    const tx = d.transaction(WEIGHTS, 'readwrite');
    const writes = checkpoints.map((cp) => tx.store.put(cp, checkpointKey(runId, cp.epoch)));
    await Promise.all([...writes, tx.done]);
  } catch (e) {
    throw writeError(e);
  }
}

/**
 * Removes a run's checkpoints that its record no longer claims: epochs before its final
 * one other than its best. Later epochs stay (the worker may have stored them before the
 * record caught up).
 */
export async function pruneCheckpoints(
  runId: string,
  claimed: { final: { epoch: number } | null; best: { epoch: number } | null },
): Promise<void> {
  const final = claimed.final?.epoch;
  if (final === undefined) return;
  const keep = new Set([final, claimed.best?.epoch]);
  const d = await db();
  const tx = d.transaction(WEIGHTS, 'readwrite');
  const keys = await tx.store.getAllKeys(runKeys(runId));
  const drop = keys.filter((k) => {
    const epoch = Number(k.slice(runId.length + 1));
    return Number.isInteger(epoch) && epoch < final && !keep.has(epoch);
  });
  await Promise.all([...drop.map((k) => tx.store.delete(k)), tx.done]);
}

/** Every stored run, migrated and validated; damaged ones come back as unreadable. */
export async function readAllRuns(): Promise<StoredRun[]> {
  const d = await db();
  const tx = d.transaction(STORE, 'readonly');
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  await tx.done;
  return values.map((v, i) => readStoredRun(v, keys[i] ?? '(unknown id)'));
}

/** Deletes a run with its weights. */
export async function deleteRunFromDb(id: string): Promise<void> {
  const d = await db();
  const tx = d.transaction([STORE, WEIGHTS, OUTPUTS], 'readwrite');
  await Promise.all([
    tx.objectStore(STORE).delete(id),
    tx.objectStore(WEIGHTS).delete(runKeys(id)),
    tx.objectStore(OUTPUTS).delete(id),
    tx.done,
  ]);
}

/** Bytes of a checkpoint's values: weights and optimizer state. */
export function checkpointBytes(checkpoint: Checkpoint): number {
  const tensors = [...checkpoint.weights, ...checkpoint.optimizer, ...checkpoint.optimizerPrivate];
  return tensors.reduce((sum, t) => sum + t.values.byteLength, 0);
}

/**
 * The run's stored checkpoint of `epoch` (falling back to the older `final`/`best` keys).
 * Ones stored before optimizer state was kept have weights only: they come back with
 * empty optimizer state, so such a run continues with a fresh optimizer.
 */
export async function getCheckpoint(runId: string, epoch: number): Promise<Checkpoint | null> {
  const d = await db();
  const stored =
    (await d.get(WEIGHTS, checkpointKey(runId, epoch))) ??
    [await d.get(WEIGHTS, `${runId}/final`), await d.get(WEIGHTS, `${runId}/best`)].find(
      (cp) => cp?.epoch === epoch,
    );
  if (!stored) return null;
  return {
    ...stored,
    optimizer: stored.optimizer ?? [],
    optimizerPrivate: stored.optimizerPrivate ?? [],
  };
}

/** Deletes every stored checkpoint of a run. */
export async function deleteWeights(runId: string): Promise<void> {
  const d = await db();
  const tx = d.transaction(WEIGHTS, 'readwrite');
  await Promise.all([tx.store.delete(runKeys(runId)), tx.done]);
}

/** Stores a run's final outputs (written once, when the run finishes). */
export async function putOutputs(runId: string, outputs: RunOutputs): Promise<void> {
  const d = await openForWrite();
  try {
    await d.put(OUTPUTS, outputs, runId);
  } catch (e) {
    throw writeError(e);
  }
}

/** A run's stored outputs, or null (an older run, or one that never finished). */
export async function getOutputs(runId: string): Promise<RunOutputs | null> {
  return (await (await db()).get(OUTPUTS, runId)) ?? null;
}
