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
import type { WeightsKind } from './events';
import type { Checkpoint } from '../train/checkpoint';

export const RUNS_DB_NAME = 'train-smarter-runs';
const DB_VERSION = 2;
const STORE = 'runs';
const WEIGHTS = 'weights';

/** A checkpoint as stored; those stored before optimizer state was kept lack it. */
type StoredCheckpoint = Omit<Checkpoint, 'optimizer' | 'optimizerPrivate'> &
  Partial<Pick<Checkpoint, 'optimizer' | 'optimizerPrivate'>>;

interface RunsDbSchema extends DBSchema {
  runs: { key: string; value: unknown };
  /** Key `${runId}/${kind}`; kept apart so listing runs never reads megabytes of weights. */
  weights: { key: string; value: StoredCheckpoint };
}

// The connection of this context (page or worker), opened on first use.
const db = lazyConnection<RunsDbSchema>(RUNS_DB_NAME, DB_VERSION, (database, oldVersion) => {
  // One step per structure version; never edit a released step, add the next one.
  if (oldVersion < 1) database.createObjectStore(STORE);
  if (oldVersion < 2) database.createObjectStore(WEIGHTS);
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

/** Stores checkpoints as the run's weights of each kind, in one transaction (the worker's job). */
export async function putWeights(
  runId: string,
  weights: Partial<Record<WeightsKind, Checkpoint>>,
): Promise<void> {
  const d = await openForWrite();
  try {
    const tx = d.transaction(WEIGHTS, 'readwrite');
    const writes = Object.entries(weights).map(([kind, cp]) =>
      tx.store.put(cp, `${runId}/${kind}`),
    );
    await Promise.all([...writes, tx.done]);
  } catch (e) {
    throw writeError(e);
  }
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
  const tx = d.transaction([STORE, WEIGHTS], 'readwrite');
  await Promise.all([
    tx.objectStore(STORE).delete(id),
    tx.objectStore(WEIGHTS).delete(`${id}/final`),
    tx.objectStore(WEIGHTS).delete(`${id}/best`),
    tx.done,
  ]);
}

/** Bytes of a checkpoint's values: weights and optimizer state. */
export function checkpointBytes(checkpoint: Checkpoint): number {
  const tensors = [...checkpoint.weights, ...checkpoint.optimizer, ...checkpoint.optimizerPrivate];
  return tensors.reduce((sum, t) => sum + t.values.byteLength, 0);
}

/**
 * A stored checkpoint. Ones stored before optimizer state was kept have weights only:
 * they come back with empty optimizer state, so such a run continues with a fresh optimizer.
 */
export async function getWeights(runId: string, kind: WeightsKind): Promise<Checkpoint | null> {
  const stored = await (await db()).get(WEIGHTS, `${runId}/${kind}`);
  if (!stored) return null;
  return {
    ...stored,
    optimizer: stored.optimizer ?? [],
    optimizerPrivate: stored.optimizerPrivate ?? [],
  };
}

export async function deleteWeights(runId: string): Promise<void> {
  const d = await db();
  const tx = d.transaction(WEIGHTS, 'readwrite');
  await Promise.all([tx.store.delete(`${runId}/final`), tx.store.delete(`${runId}/best`), tx.done]);
}
