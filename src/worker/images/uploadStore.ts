/**
 * Image uploads up to 200 MB are kept in IndexedDB (the files as Blobs), so the workspace's
 * uploaded dataset survives a reload or a restarted worker. Only the latest uploads stay.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ImageUploadSource } from './types';

export const MAX_STORED_BYTES = 200 * 1024 * 1024;
let maxStoredBytes = MAX_STORED_BYTES;

/** Test hook: a lower storage limit, so tiny fixtures are "too large" to keep. */
export function setMaxStoredBytes(bytes: number): void {
  maxStoredBytes = bytes;
}

/** The current storage limit in bytes. */
export function maxStoredUploadBytes(): number {
  return maxStoredBytes;
}
const KEEP = 2;

interface StoredUpload {
  uploadId: string;
  source: ImageUploadSource;
  savedAt: number;
}

interface ImagesDb extends DBSchema {
  uploads: { key: string; value: StoredUpload };
}

let db: Promise<IDBPDatabase<ImagesDb>> | null = null;

function open(): Promise<IDBPDatabase<ImagesDb>> {
  db ??= openDB<ImagesDb>('train-smarter-images', 1, {
    upgrade(d) {
      d.createObjectStore('uploads', { keyPath: 'uploadId' });
    },
  });
  return db;
}

/** Bytes of the upload's files as uploaded (before unzipping). */
export function sourceBytes(source: ImageUploadSource): number {
  return source.kind === 'zip'
    ? source.file.size
    : source.files.reduce((sum, f) => sum + f.file.size, 0);
}

/** Stores an upload if it is small enough; true when stored. Quota errors are reported, not thrown. */
export async function saveUpload(uploadId: string, source: ImageUploadSource): Promise<boolean> {
  if (sourceBytes(source) > maxStoredBytes) return false;
  try {
    const d = await open();
    await d.put('uploads', { uploadId, source, savedAt: Date.now() });
    const all = await d.getAll('uploads');
    all.sort((a, b) => b.savedAt - a.savedAt);
    for (const old of all.slice(KEEP)) await d.delete('uploads', old.uploadId);
    return true;
  } catch (err) {
    console.warn('The image upload could not be stored for the next visit:', err);
    return false;
  }
}

/** The stored upload, or null if it was never stored (too large) or was dropped. */
export async function loadUpload(uploadId: string): Promise<ImageUploadSource | null> {
  try {
    const d = await open();
    return (await d.get('uploads', uploadId))?.source ?? null;
  } catch (err) {
    console.warn('Stored image uploads could not be read:', err);
    return null;
  }
}
