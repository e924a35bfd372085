import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnFromTexts } from './column';
import { inferTask, profileColumn } from './typing';

/** Cells of a numeric column: whole numbers in a small or large range, decimals, missing. */
const cells = fc.array(
  fc.oneof(
    fc.integer({ min: 0, max: 255 }).map(String),
    fc.integer({ min: -3e6, max: 3e6 }).map(String),
    fc.double({ min: -1e3, max: 1e3, noNaN: true }).map((x) => x.toFixed(2)),
    fc.constant(''),
  ),
  { minLength: 1, maxLength: 80 },
);

describe('profiles of numeric columns (typed fast path)', () => {
  it('count distinct values, missing cells and histogram rows like a Set over the numbers', () => {
    fc.assert(
      fc.property(cells, (texts) => {
        const p = profileColumn('x', columnFromTexts(texts));
        const present = texts.filter((t) => t !== '').map(Number);
        if (present.length === 0) return;
        expect(p.inferredType === 'numeric' || p.inferredType === 'identifier').toBe(true);
        expect(p.distinct).toBe(new Set(present).size);
        expect(p.missing).toBe(texts.length - present.length);
        expect(p.histogram.reduce((a, b) => a + b, 0)).toBe(present.length);
      }),
    );
  });

  it('pixel-like columns: 0..255 values give the right distinct count and a regression target', () => {
    const texts = Array.from({ length: 5000 }, (_, i) => String((i * 7) % 256));
    const col = columnFromTexts(texts);
    const p = profileColumn('pixel1', col);
    expect(p.distinct).toBe(256);
    expect(inferTask(p, col)).toEqual({ ok: true, task: 'regression' });
    const labels = columnFromTexts(Array.from({ length: 50 }, (_, i) => String(i % 10)));
    expect(inferTask(profileColumn('label', labels), labels)).toEqual({
      ok: true,
      task: 'multiclass',
    });
  });
});
