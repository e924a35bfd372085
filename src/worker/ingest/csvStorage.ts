/**
 * Uploaded CSV files up to 200 MB kept in IndexedDB (database 'train-smarter-csv'), so
 * the workspace survives a reload. Larger files are asked for again.
 */
import { openDB, type IDBPDatabase } from 'idb';

export const MAX_STORED_BYTES = 200 * 1024 * 1024;
const DB_NAME = 'train-smarter-csv';
const STORE = 'files';

interface StoredFile {
  uploadId: string;
  fileName: string;
  blob: Blob;
  /** When it was stored (ms since 1970): the oldest files are dropped first. */
  storedAt?: number;
}

// A training file and its test file, and the upload before them.
const KEPT_FILES = 3;

let db: Promise<IDBPDatabase> | null = null;

function open(): Promise<IDBPDatabase> {
  db ??= openDB(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore(STORE, { keyPath: 'uploadId' });
    },
  });
  return db;
}

/** Stores a file; only the latest few uploads are kept. Returns whether it was stored. */
export async function storeCsvFile(
  uploadId: string,
  fileName: string,
  blob: Blob,
): Promise<boolean> {
  if (blob.size > MAX_STORED_BYTES) return false;
  try {
    const d = await open();
    // Keep the store small: the workspace needs only the dataset in use. Blobs read from
    // IndexedDB are references, so listing the records does not load the files.
    const others = ((await d.getAll(STORE)) as StoredFile[])
      .filter((f) => f.uploadId !== uploadId)
      .sort((a, b) => (b.storedAt ?? 0) - (a.storedAt ?? 0));
    for (const old of others.slice(KEPT_FILES - 1)) await d.delete(STORE, old.uploadId);
    await d.put(STORE, { uploadId, fileName, blob, storedAt: Date.now() } satisfies StoredFile);
    return true;
  } catch (err) {
    // Quota or private mode: the upload still works, it just will not survive a reload.
    console.warn('Could not keep the CSV in IndexedDB:', err);
    return false;
  }
}

/** The stored file of an upload, or null. */
export async function loadCsvFile(uploadId: string): Promise<StoredFile | null> {
  try {
    const d = await open();
    return ((await d.get(STORE, uploadId)) as StoredFile | undefined) ?? null;
  } catch {
    return null;
  }
}
