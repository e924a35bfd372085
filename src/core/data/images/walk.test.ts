import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isIgnoredPath, isImagePath, walkImageTree, type WalkResult } from './walk';

function ok(r: WalkResult) {
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r;
}

describe('walkImageTree', () => {
  it('takes classes from sub-folders, sorted, and labels by index', () => {
    const r = ok(walkImageTree(['dogs/b.png', 'cats/a.jpg', 'dogs/a.JPEG', 'birds/x.webp']));
    expect(r.classNames).toEqual(['birds', 'cats', 'dogs']);
    expect(r.images.map((i) => [i.path, i.classIndex])).toEqual([
      ['birds/x.webp', 0],
      ['cats/a.jpg', 1],
      ['dogs/a.JPEG', 2],
      ['dogs/b.png', 2],
    ]);
    expect(r.predefinedSplit).toBe(false);
  });

  it('steps into one wrapping folder', () => {
    const r = ok(walkImageTree(['pets/cats/1.png', 'pets/dogs/1.png', 'pets/dogs/sub/2.png']));
    expect(r.classNames).toEqual(['cats', 'dogs']);
    expect(r.images).toHaveLength(3);
  });

  it('turns top-level train/ and test/ into a predefined split', () => {
    const r = ok(
      walkImageTree([
        'train/cats/1.png',
        'train/dogs/1.png',
        'test/cats/2.png',
        'test/dogs/2.png',
        'test/horses/1.png',
      ]),
    );
    expect(r.predefinedSplit).toBe(true);
    expect(r.classNames).toEqual(['cats', 'dogs']);
    expect(r.images.filter((i) => i.split === 'test').map((i) => i.path)).toEqual([
      'test/cats/2.png',
      'test/dogs/2.png',
    ]);
    expect(r.skipped).toEqual([
      { path: 'test/horses/1.png', reason: 'is in test/horses/, a class missing from train/' },
    ]);
  });

  it('ignores system and hidden files silently', () => {
    const r = ok(
      walkImageTree([
        'cats/1.png',
        'dogs/1.png',
        '__MACOSX/cats/._1.png',
        'cats/._1.png',
        'cats/.DS_Store',
        'dogs/Thumbs.db',
        '.hidden/x.png',
      ]),
    );
    expect(r.images).toHaveLength(2);
    expect(r.ignored).toBe(5);
    expect(r.skipped).toEqual([]);
  });

  it('skips non-image files and empty class folders, naming them', () => {
    const r = ok(
      walkImageTree(['cats/1.png', 'dogs/1.png', 'dogs/notes.txt', 'fish/readme.md'], ['empty/']),
    );
    expect(r.classNames).toEqual(['cats', 'dogs']);
    const reasons = Object.fromEntries(r.skipped.map((s) => [s.path, s.reason]));
    expect(reasons['dogs/notes.txt']).toContain('is not an image (txt)');
    expect(reasons['fish/']).toContain('empty class folder');
    expect(reasons['empty/']).toContain('empty class folder');
  });

  it('refuses images at the root with no class folders', () => {
    const r = walkImageTree(['1.png', '2.png']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('no class folders');
  });

  it('refuses a single class', () => {
    const r = walkImageTree(['cats/1.png', 'cats/2.png', 'dogs/readme.txt']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('Only one class was found (cats/)');
  });

  it('refuses class folders with no images', () => {
    const r = walkImageTree(['cats/a.txt', 'dogs/b.txt']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('cats/, dogs/ have no images');
  });

  it('keeps unicode class names, sorted by code point', () => {
    const r = ok(walkImageTree(['été/1.png', 'Zèbre/1.png', 'ネコ/1.png']));
    expect(r.classNames).toEqual(['Zèbre', 'été', 'ネコ']);
  });
});

describe('walkImageTree on generated trees', () => {
  const segment = fc.constantFrom('cats', 'dogs', 'train', 'test', '__MACOSX', '.git', 'pets', 'é');
  const file = fc.constantFrom(
    'a.png',
    'b.JPG',
    'c.txt',
    '._a.png',
    '.DS_Store',
    'Thumbs.db',
    'd.gif',
  );
  const path = fc
    .tuple(fc.array(segment, { minLength: 0, maxLength: 3 }), file)
    .map(([dirs, f]) => [...dirs, f].join('/'));

  it('accounts for every file once and never labels an ignored or non-image file', () => {
    fc.assert(
      fc.property(fc.uniqueArray(path, { maxLength: 30 }), (paths) => {
        const r = walkImageTree(paths);
        if (!r.ok) return;
        const used = r.images.map((i) => i.path);
        expect(new Set(used).size).toBe(used.length);
        for (const p of used) {
          expect(isIgnoredPath(p)).toBe(false);
          expect(isImagePath(p)).toBe(true);
        }
        const skippedFiles = r.skipped.filter((s) => !s.path.endsWith('/')).length;
        expect(used.length + skippedFiles + r.ignored).toBe(paths.length);
        expect([...r.classNames].sort()).toEqual(r.classNames);
        expect(r.classNames.length).toBeGreaterThanOrEqual(2);
        for (const i of r.images) expect(i.classIndex).toBeLessThan(r.classNames.length);
      }),
    );
  });
});
