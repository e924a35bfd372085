import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  StreamHash,
  builtinFingerprint,
  hashText,
  imagesFingerprint,
  sameData,
  stableJson,
} from './fingerprint';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('streaming dataset hash', () => {
  it('has MurmurHash3 x86_32 lanes (published test vectors, seeds 0 and 0x9747b28c)', () => {
    expect(new StreamHash().update(bytes('')).lanes()[0]).toBe(0);
    expect(new StreamHash().update(bytes('test')).lanes()[0]).toBe(0xba6bd213);
    expect(new StreamHash().update(bytes('Hello, world!')).lanes()[0]).toBe(0xc0363e43);
    expect(new StreamHash().update(bytes('Hello, world!')).lanes()[1]).toBe(0x24884cba);
    expect(
      new StreamHash().update(bytes('The quick brown fox jumps over the lazy dog')).lanes()[1],
    ).toBe(0x2fa826cd);
  });

  it('gives the same digest however the bytes are split into chunks', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.array(fc.nat(200), { maxLength: 8 }),
        (data, cuts) => {
          const whole = new StreamHash().update(data).digest();
          const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
          const h = new StreamHash();
          let from = 0;
          for (const p of [...points, data.length]) {
            h.update(data.subarray(from, p));
            from = p;
          }
          return h.digest() === whole;
        },
      ),
    );
  });

  it('tells one changed byte apart, and has the documented form', () => {
    const a = hashText('x,y\n1,2\n');
    expect(a).toMatch(/^m3x2:[0-9a-f]{16}$/);
    expect(hashText('x,y\n1,3\n')).not.toBe(a);
    expect(hashText('x,y\n1,2\n')).toBe(a);
  });
});

describe('dataset fingerprints', () => {
  it('built-in sets: equal choices match whatever their key order, other choices do not', () => {
    const a = builtinFingerprint('Circles', { kind: 'synthetic', id: 'circles', size: 400 });
    const b = builtinFingerprint('Circles', { size: 400, id: 'circles', kind: 'synthetic' });
    const c = builtinFingerprint('Circles', { kind: 'synthetic', id: 'circles', size: 500 });
    expect(sameData(a, b)).toBe(true);
    expect(sameData(a, c)).toBe(false);
    expect(stableJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });

  it('image uploads: files sorted by path with size and hash; a changed file changes the hash', async () => {
    const files = new Map<string, Blob>([
      ['dogs/b.png', new Blob([bytes('bbbb')])],
      ['cats/a.png', new Blob([bytes('aaa')])],
    ]);
    const fp = await imagesFingerprint('pets', files);
    expect(fp.files?.map((f) => [f.path, f.size])).toEqual([
      ['cats/a.png', 3],
      ['dogs/b.png', 4],
    ]);
    expect(fp.files?.[0]?.hash).toBe(hashText('aaa'));
    expect(fp.size).toBe(7);
    const reordered = await imagesFingerprint('pets', new Map([...files].reverse()));
    expect(reordered.hash).toBe(fp.hash);
    const changed = await imagesFingerprint(
      'pets',
      new Map([...files, ['cats/a.png', new Blob([bytes('aab')])]]),
    );
    expect(changed.hash).not.toBe(fp.hash);
    const renamed = await imagesFingerprint(
      'pets',
      new Map([
        ['dogs/a.png', new Blob([bytes('aaa')])],
        ['dogs/b.png', new Blob([bytes('bbbb')])],
      ]),
    );
    expect(renamed.hash).not.toBe(fp.hash);
  });
});
