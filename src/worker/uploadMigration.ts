/**
 * Uploads kept by earlier versions, in two databases ('train-smarter-csv' and
 * 'train-smarter-images'), move into the one upload store the first time it is opened,
 * so an update never makes a user upload their dataset again. The old databases are
 * deleted once their uploads are copied.
 */
import { deleteDB, openDB } from 'idb';
import type { ImageUploadSource } from './images/types';

/** A legacy upload as the one store keeps it. */
export type MigratedUpload =
  | { kind: 'csv'; uploadId: string; value: { fileName: string; blob: Blob }; storedAt: number }
  | { kind: 'images'; uploadId: string; value: ImageUploadSource; storedAt: number };

interface LegacyCsvFile {
  uploadId: string;
  fileName: string;
  blob: Blob;
  storedAt?: number;
}
interface LegacyImageUpload {
  uploadId: string;
  source: ImageUploadSource;
  savedAt: number;
}

/** The legacy databases and how their records map to the one store's. */
const LEGACY = [
  {
    name: 'train-smarter-csv',
    store: 'files',
    map: (v: unknown): MigratedUpload => {
      const f = v as LegacyCsvFile;
      const value = { fileName: f.fileName, blob: f.blob };
      return { kind: 'csv', uploadId: f.uploadId, value, storedAt: f.storedAt ?? 0 };
    },
  },
  {
    name: 'train-smarter-images',
    store: 'uploads',
    map: (v: unknown): MigratedUpload => {
      const u = v as LegacyImageUpload;
      return { kind: 'images', uploadId: u.uploadId, value: u.source, storedAt: u.savedAt };
    },
  },
] as const;

/** Copies every legacy upload with `put`, then deletes the legacy databases. */
export async function migrateLegacyUploads(
  put: (upload: MigratedUpload) => Promise<void>,
): Promise<number> {
  // Only open databases that exist: opening a missing one would create it.
  const existing = new Set((await indexedDB.databases()).map((d) => d.name));
  let moved = 0;
  for (const legacy of LEGACY) {
    if (!existing.has(legacy.name)) continue;
    const old = await openDB(legacy.name);
    try {
      if (old.objectStoreNames.contains(legacy.store)) {
        for (const value of await old.getAll(legacy.store)) {
          await put(legacy.map(value));
          moved++;
        }
      }
    } finally {
      old.close();
    }
    await deleteDB(legacy.name);
  }
  return moved;
}
