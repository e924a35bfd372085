import { describe, expect, it } from 'vitest';
import { choiceFingerprint, matchReupload } from './reupload';
import type { DataFingerprint } from '../../runs/fingerprint';

const fp = (hash: string, size: number, files: number) => ({ hash, size, files });

describe('matchReupload', () => {
  it('accepts the same files under another folder name', () => {
    const r = matchReupload(
      { name: 'shapes', fingerprint: fp('m3x2:aa', 100, 4) },
      { name: 'shapes-copy', fingerprint: fp('m3x2:aa', 100, 4) },
    );
    expect(r).toEqual({ same: true });
  });

  it('names both folders and their file counts when they differ', () => {
    const r = matchReupload(
      { name: 'shapes', fingerprint: fp('m3x2:aa', 100, 4) },
      { name: 'others', fingerprint: fp('m3x2:bb', 90, 3) },
    );
    expect(r.same).toBe(false);
    if (r.same) return;
    expect(r.message).toBe(
      'This is not the folder the workspace used: it used shapes (4 files), this is others (3 files). Use it anyway?',
    );
  });

  it('says so when name and count match but the contents differ', () => {
    const r = matchReupload(
      { name: 'shapes', fingerprint: fp('m3x2:aa', 100, 1) },
      { name: 'shapes', fingerprint: fp('m3x2:cc', 100, 1) },
    );
    expect(r.same).toBe(false);
    if (!r.same) expect(r.message).toContain('shapes (1 file), this is shapes (1 file) (same name');
  });
});

describe('choiceFingerprint', () => {
  it('keeps hash, size and file count of image fingerprints only', () => {
    const images: DataFingerprint = {
      source: 'images',
      name: 'shapes',
      size: 30,
      hash: 'm3x2:01',
      files: [
        { path: 'a/1.png', size: 10, hash: 'x' },
        { path: 'b/1.png', size: 20, hash: 'y' },
      ],
    };
    expect(choiceFingerprint(images)).toEqual({ hash: 'm3x2:01', size: 30, files: 2 });
    expect(
      choiceFingerprint({ source: 'csv', name: 'a.csv', size: 3, hash: 'm3x2:02' }),
    ).toBeNull();
    expect(choiceFingerprint(undefined)).toBeNull();
  });
});
