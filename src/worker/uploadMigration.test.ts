import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { migrateLegacyUploads, type MigratedUpload } from './uploadMigration';

async function seed(name: string, store: string, keyPath: string, values: object[]) {
  const d = await openDB(name, 1, {
    upgrade: (db) => void db.createObjectStore(store, { keyPath }),
  });
  for (const v of values) await d.put(store, v);
  d.close();
}

describe('migrateLegacyUploads', () => {
  it('moves every upload of the two old databases into one list, then deletes them', async () => {
    await seed('train-smarter-csv', 'files', 'uploadId', [
      { uploadId: 'c1', fileName: 'a.csv', blob: 'bytes-a', storedAt: 5 },
      { uploadId: 'c2', fileName: 'b.csv', blob: 'bytes-b' },
    ]);
    await seed('train-smarter-images', 'uploads', 'uploadId', [
      { uploadId: 'i1', source: { kind: 'zip', file: 'zip-bytes' }, savedAt: 7 },
    ]);
    const moved: MigratedUpload[] = [];
    const count = await migrateLegacyUploads((u) => {
      moved.push(u);
      return Promise.resolve();
    });
    expect(count).toBe(3);
    expect(moved).toEqual([
      { kind: 'csv', uploadId: 'c1', value: { fileName: 'a.csv', blob: 'bytes-a' }, storedAt: 5 },
      { kind: 'csv', uploadId: 'c2', value: { fileName: 'b.csv', blob: 'bytes-b' }, storedAt: 0 },
      { kind: 'images', uploadId: 'i1', value: { kind: 'zip', file: 'zip-bytes' }, storedAt: 7 },
    ]);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain('train-smarter-csv');
    expect(names).not.toContain('train-smarter-images');
    // A second run finds nothing and creates no database.
    expect(await migrateLegacyUploads(() => Promise.resolve())).toBe(0);
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual(names);
  });

  it('keeps the old database when copying fails, so nothing is lost', async () => {
    await seed('train-smarter-csv', 'files', 'uploadId', [
      { uploadId: 'c1', fileName: 'a.csv', blob: 'x' },
    ]);
    await expect(migrateLegacyUploads(() => Promise.reject(new Error('quota')))).rejects.toThrow(
      'quota',
    );
    expect((await indexedDB.databases()).map((d) => d.name)).toContain('train-smarter-csv');
  });
});
