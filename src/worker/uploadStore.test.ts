import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_STORED_UPLOAD_BYTES,
  fitsStoredUploadLimit,
  setMaxStoredUploadBytes,
  storedUploadLimitText,
  storeUpload,
  uploadBytes,
  uploadsToDrop,
} from './uploadStore';

const blobOf = (bytes: number) => new Blob([new Uint8Array(bytes)]);

afterEach(() => {
  setMaxStoredUploadBytes(MAX_STORED_UPLOAD_BYTES);
  vi.restoreAllMocks();
});

describe('the upload store limit', () => {
  it('is one limit for CSV files and image uploads, inclusive', () => {
    expect(storedUploadLimitText()).toBe('200 MB');
    expect(fitsStoredUploadLimit(MAX_STORED_UPLOAD_BYTES)).toBe(true);
    expect(fitsStoredUploadLimit(MAX_STORED_UPLOAD_BYTES + 1)).toBe(false);
  });

  it('measures uploads as uploaded: a CSV, a zip (not what it unpacks to), a folder', () => {
    expect(uploadBytes('csv', { fileName: 'a.csv', blob: blobOf(10) })).toBe(10);
    expect(uploadBytes('images', { kind: 'zip', fileName: 'a.zip', file: blobOf(7) })).toBe(7);
    const folder = {
      kind: 'files' as const,
      files: [
        { path: 'cats/1.png', file: blobOf(3) },
        { path: 'dogs/1.png', file: blobOf(4) },
      ],
    };
    expect(uploadBytes('images', folder)).toBe(7);
  });

  it('is lowered by the test hook for both kinds, and says so in messages', () => {
    setMaxStoredUploadBytes(0.5 * 1024 * 1024);
    expect(storedUploadLimitText()).toBe('0.5 MB');
    expect(fitsStoredUploadLimit(0.5 * 1024 * 1024 + 1)).toBe(false);
  });

  it('refuses an upload over the limit without touching storage', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    setMaxStoredUploadBytes(5);
    expect(await storeUpload('csv', 'big', { fileName: 'big.csv', blob: blobOf(6) })).toBe(false);
    expect(warn).not.toHaveBeenCalled();
    // Within the limit it tries IndexedDB, which Node lacks: reported, not thrown.
    expect(await storeUpload('csv', 'small', { fileName: 's.csv', blob: blobOf(5) })).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
  });
});

describe('uploadsToDrop', () => {
  const stored = [
    { uploadId: 'a', storedAt: 1 },
    { uploadId: 'c', storedAt: 3 },
    { uploadId: 'b', storedAt: 2 },
  ];

  it('keeps the newest others so that with the incoming one `keep` stay', () => {
    expect(uploadsToDrop(stored, 'new', 3)).toEqual(['a']);
    expect(uploadsToDrop(stored, 'new', 2)).toEqual(['b', 'a']);
    expect(uploadsToDrop(stored, 'new', 4)).toEqual([]);
  });

  it('never drops the upload being stored again', () => {
    expect(uploadsToDrop(stored, 'a', 2)).toEqual(['b']);
    expect(uploadsToDrop(stored, 'c', 1)).toEqual(['b', 'a']);
  });
});
