/**
 * The worker's one store of uploaded files in IndexedDB ('train-smarter-uploads'): CSV
 * files and image uploads up to one size limit, so the workspace's uploaded dataset
 * survives a reload or a restarted worker; larger uploads are asked for again. This module
 * is the one owner of the database's schema upgrades, and closes its connection when
 * another context asks for a version change (as core/runs/runsDb.ts does).
 */
import type { DBSchema, IDBPDatabase } from 'idb';
import { lazyConnection } from '../core/storage/connection';
import type { ImageUploadSource } from './images/types';
import { migrateLegacyUploads } from './uploadMigration';

export const UPLOADS_DB_NAME = 'train-smarter-uploads';
const DB_VERSION = 1;
const STORE = 'uploads';

/** Uploads up to this many bytes (as uploaded, before unzipping) are kept. */
export const MAX_STORED_UPLOAD_BYTES = 200 * 1024 * 1024;

/** What each kind of upload keeps. Blobs read back from IndexedDB are references, not copies. */
export interface StoredUploadValues {
  csv: { fileName: string; blob: Blob };
  images: ImageUploadSource;
}
export type UploadKind = keyof StoredUploadValues;

/** How many uploads of each kind stay (the newest). */
const KEEP: Record<UploadKind, number> = {
  // A training file and its test file, and the upload before them.
  csv: 3,
  // The workspace's folder and the one before it.
  images: 2,
};

type StoredUpload = {
  [K in UploadKind]: { kind: K; uploadId: string; value: StoredUploadValues[K]; storedAt: number };
}[UploadKind];

interface UploadsDbSchema extends DBSchema {
  /** Key `${kind}/${uploadId}`. */
  uploads: { key: string; value: StoredUpload };
}

let maxStoredBytes = MAX_STORED_UPLOAD_BYTES;

/** Test hook: a lower storage limit, so tiny fixtures are "too large" to keep. */
export function setMaxStoredUploadBytes(bytes: number): void {
  maxStoredBytes = bytes;
}

/** The storage limit in words, for messages: "200 MB". */
export function storedUploadLimitText(): string {
  return `${+(maxStoredBytes / 1024 / 1024).toFixed(3)} MB`;
}

/** Bytes of an upload as uploaded (a zip's own size, not what it unpacks to). */
export function uploadBytes<K extends UploadKind>(kind: K, value: StoredUploadValues[K]): number {
  if (kind === 'csv') return (value as StoredUploadValues['csv']).blob.size;
  const source = value as ImageUploadSource;
  return source.kind === 'zip'
    ? source.file.size
    : source.files.reduce((sum, f) => sum + f.file.size, 0);
}

/** Whether an upload of this many bytes is kept under the current limit. */
export function fitsStoredUploadLimit(bytes: number): boolean {
  return bytes <= maxStoredBytes;
}

/**
 * The stored uploads of one kind to drop before `incomingId` is stored: all but the
 * newest `keep - 1` others, so that with the incoming one `keep` stay.
 */
export function uploadsToDrop(
  stored: readonly { uploadId: string; storedAt: number }[],
  incomingId: string,
  keep: number,
): string[] {
  return stored
    .filter((u) => u.uploadId !== incomingId)
    .sort((a, b) => b.storedAt - a.storedAt)
    .slice(Math.max(0, keep - 1))
    .map((u) => u.uploadId);
}

const keyOf = (kind: UploadKind, uploadId: string) => `${kind}/${uploadId}`;

// The connection of this worker, opened on first use.
const connection = lazyConnection<UploadsDbSchema>(
  UPLOADS_DB_NAME,
  DB_VERSION,
  (database, oldVersion) => {
    // One step per structure version; never edit a released step, add the next one.
    if (oldVersion < 1) database.createObjectStore(STORE);
  },
);

// Earlier versions' uploads are moved in once per worker, before the store is first used.
let migration: Promise<void> | null = null;

async function db(): Promise<IDBPDatabase<UploadsDbSchema>> {
  const d = await connection();
  migration ??= migrateLegacyUploads(async (u) => {
    const key = keyOf(u.kind, u.uploadId);
    // An upload stored since (under the same id) is newer: keep it.
    if ((await d.count(STORE, key)) === 0) await d.put(STORE, u as StoredUpload, key);
  }).then(
    () => undefined,
    (err: unknown) => {
      // The store still works; the old uploads are asked for again.
      console.warn('Uploads of an earlier version could not be moved:', err);
    },
  );
  await migration;
  return d;
}

/**
 * Keeps an upload if it is within the limit, dropping the oldest of its kind. True when
 * stored; quota and storage errors are logged and answered false (the upload still works,
 * it just does not survive a reload).
 */
export async function storeUpload<K extends UploadKind>(
  kind: K,
  uploadId: string,
  value: StoredUploadValues[K],
): Promise<boolean> {
  if (!fitsStoredUploadLimit(uploadBytes(kind, value))) return false;
  try {
    const d = await db();
    const all = await d.getAll(STORE);
    // Dropped first, so their space is free for the new one.
    const drop = uploadsToDrop(
      all.filter((u) => u.kind === kind),
      uploadId,
      KEEP[kind],
    );
    for (const id of drop) await d.delete(STORE, keyOf(kind, id));
    const record = { kind, uploadId, value, storedAt: Date.now() } as StoredUpload;
    await d.put(STORE, record, keyOf(kind, uploadId));
    return true;
  } catch (err) {
    console.warn(`The ${kind} upload could not be kept for the next visit:`, err);
    return false;
  }
}

/** The stored upload, or null when it was never stored (too large), was dropped or cannot be read. */
export async function loadStoredUpload<K extends UploadKind>(
  kind: K,
  uploadId: string,
): Promise<StoredUploadValues[K] | null> {
  try {
    const record = await (await db()).get(STORE, keyOf(kind, uploadId));
    return record?.kind === kind ? (record.value as StoredUploadValues[K]) : null;
  } catch (err) {
    console.warn('Stored uploads could not be read:', err);
    return null;
  }
}
