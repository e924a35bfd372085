import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { MAX_UNZIPPED_BYTES, looksLikeZip, safeEntryPath, unzipSafely } from './zip';

/** Yields the archive in pieces, as Blob.stream() would. */
function* pieces(data: Uint8Array, size = 1000): Generator<Uint8Array> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

describe('safeEntryPath', () => {
  it.each([
    ['../evil.png', '../'],
    ['cats/../../evil.png', '../'],
    ['/etc/passwd', 'absolute'],
    ['cats\\..\\evil.png', 'backslashes'],
    ['C:/Windows/evil.png', 'drive letter'],
    ['c:evil.png', 'drive letter'],
  ])('refuses %s', (name, why) => {
    const r = safeEntryPath(name);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(why);
  });

  it('keeps unicode names and drops "." segments', () => {
    expect(safeEntryPath('chats/été/ネコ 1.png')).toEqual({
      ok: true,
      path: 'chats/été/ネコ 1.png',
      directory: false,
    });
    expect(safeEntryPath('./dogs//a.png')).toEqual({
      ok: true,
      path: 'dogs/a.png',
      directory: false,
    });
    expect(safeEntryPath('dogs/')).toEqual({ ok: true, path: 'dogs', directory: true });
  });

  it('never yields a path that leaves the root, whatever the name', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '', 'a', 'C:', '~', 'ü', '\\', '..\\'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.boolean(), (parts, lead) => {
        const name = (lead ? '/' : '') + parts.join('/');
        const r = safeEntryPath(name);
        if (!r.ok) return;
        const segs = r.path.split('/');
        expect(segs).not.toContain('..');
        expect(r.path.startsWith('/')).toBe(false);
        expect(r.path).not.toContain('\\');
        expect(/^[a-zA-Z]:/.test(r.path)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('unzipSafely', () => {
  it('extracts files and directories, refusing entries that escape', async () => {
    const zip = zipSync({
      'cats/1.png': strToU8('cat one'),
      'cats/2.png': strToU8('cat two'),
      'dogs/': {},
      'dogs/ドッグ.png': strToU8('dog'),
      '../evil.png': strToU8('evil'),
      'a\\b.png': strToU8('evil'),
    } as Zippable);
    const r = await unzipSafely(pieces(zip), 'pets.zip', { maxBytes: 1e6 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entries.map((e) => e.path).sort()).toEqual([
      'cats/1.png',
      'cats/2.png',
      'dogs/ドッグ.png',
    ]);
    expect(new TextDecoder().decode(r.entries.find((e) => e.path === 'cats/2.png')!.data)).toBe(
      'cat two',
    );
    expect(r.directories).toEqual(['dogs']);
    expect(r.rejected.map((x) => x.name).sort()).toEqual(['../evil.png', 'a\\b.png']);
    expect(r.bytes).toBe(7 + 7 + 3);
  });

  it('stops inflating a zip bomb at the limit and counts the bytes', async () => {
    // 20 MB of zeros compresses to about 20 KB.
    const zip = zipSync({ 'cats/big.bmp': new Uint8Array(20_000_000) }, { level: 9 });
    expect(zip.length).toBeLessThan(100_000);
    const limit = 1_000_000;
    const seen: number[] = [];
    const r = await unzipSafely(pieces(zip, 4096), 'bomb.zip', {
      maxBytes: limit,
      onBytes: (b) => seen.push(b),
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('bomb.zip expands to more than');
    expect(r.bytes).toBeGreaterThan(limit);
    // It stopped close to the limit, not after inflating everything.
    expect(r.bytes).toBeLessThan(limit + 20_000_000 / 2);
    expect(seen.every((b) => b <= r.bytes)).toBe(true);
  });

  it('counts the limit over all entries together, up to the byte', async () => {
    // Stored, not deflated, so the bytes inflated are exactly the entries' sizes.
    const zip = zipSync(
      { 'a/1.bin': new Uint8Array(600), 'b/2.bin': new Uint8Array(400) },
      { level: 0 },
    );
    const at = await unzipSafely([zip], 'two.zip', { maxBytes: 1000 });
    expect(at).toMatchObject({ ok: true, bytes: 1000 });
    const under = await unzipSafely([zip], 'two.zip', { maxBytes: 999 });
    expect(under).toMatchObject({ ok: false, message: expect.stringContaining('two.zip expands') });
  });

  it('needs no options: the default limit is MAX_UNZIPPED_BYTES', async () => {
    expect(MAX_UNZIPPED_BYTES).toBeGreaterThan(100 * 1024 * 1024);
    const r = await unzipSafely([zipSync({ 'a.txt': strToU8('small') })], 'small.zip');
    expect(r).toMatchObject({ ok: true, bytes: 5 });
  });

  it('stops when its signal is aborted', async () => {
    const zip = zipSync({ 'a/1.bin': new Uint8Array(50_000) }, { level: 0 });
    const controller = new AbortController();
    const r = await unzipSafely(
      (function* () {
        for (const piece of pieces(zip, 1000)) {
          yield piece;
          controller.abort();
        }
      })(),
      'slow.zip',
      { signal: controller.signal },
    );
    expect(r).toMatchObject({ ok: false, message: 'Loading was cancelled.' });
    expect(r.bytes).toBeLessThan(50_000);
  });

  it('refuses a file that is not a zip, naming it', async () => {
    const r = await unzipSafely([strToU8('just some text, not an archive')], 'notes.zip', {
      maxBytes: 1e6,
    });
    expect(r).toMatchObject({ ok: false, message: 'notes.zip is not a zip file.' });
    expect(looksLikeZip(zipSync({ a: strToU8('x') }))).toBe(true);
  });

  it('reports an empty file', async () => {
    const r = await unzipSafely([], 'empty.zip', { maxBytes: 1e6 });
    expect(r.ok).toBe(false);
  });
});

describe('unzipSafely with a filter', () => {
  it('lists unwanted entries by name without inflating them', async () => {
    const zip = zipSync({
      'cats/1.png': strToU8('png bytes'),
      'cats/huge.txt': new Uint8Array(5_000_000),
    });
    const r = await unzipSafely(pieces(zip), 'pets.zip', {
      maxBytes: 1_000_000,
      wanted: (path) => path.endsWith('.png'),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entries.map((e) => e.path)).toEqual(['cats/1.png']);
    expect(r.unread).toEqual(['cats/huge.txt']);
    expect(r.bytes).toBe(9);
  });
});
