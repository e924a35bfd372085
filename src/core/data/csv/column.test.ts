import { describe, expect, it } from 'vitest';
import { cellText, cellValue, columnFromTexts, columnTexts } from './column';
import { parseCsvText } from './parse';

describe('typed column storage', () => {
  it('keeps numeric columns as Float64Array, with missing as NaN and non-numbers by row', () => {
    const col = columnFromTexts(['1.5', '', 'NA', '-2', 'abc', 'Infinity']);
    expect(col.kind).toBe('numbers');
    if (col.kind !== 'numbers') return;
    expect(col.values).toBeInstanceOf(Float64Array);
    expect(Array.from(col.values)).toEqual([1.5, NaN, NaN, -2, NaN, NaN]);
    expect([...col.bad]).toEqual([
      [4, 'abc'],
      [5, 'Infinity'],
    ]);
    expect(columnTexts(col)).toEqual(['1.5', '', '', '-2', 'abc', 'Infinity']);
    expect(cellValue(col, 4)).toBeNaN();
  });

  it('turns a column into text once many cells are not numbers, keeping every cell', () => {
    const cells = Array.from({ length: 200 }, (_, i) => (i < 100 ? String(i) : `k${i % 3}`));
    const col = columnFromTexts(cells);
    expect(col.kind).toBe('text');
    expect(columnTexts(col)).toEqual(cells);
    expect(cellText(col, 150)).toBe('k0');
    expect(cellValue(col, 3)).toBe(3);
  });

  it('parses a wide numeric file into numeric columns, no strings kept', async () => {
    const header = Array.from({ length: 300 }, (_, j) => `p${j}`).join(',');
    const row = (i: number) => Array.from({ length: 300 }, (_, j) => (i * j) % 256).join(',');
    const text = [header, ...Array.from({ length: 200 }, (_, i) => row(i))].join('\n');
    const out = await parseCsvText(text, 'wide.csv', 'utf-8', { chunkChars: 4096 });
    expect(out.ok && out.table.columns.every((c) => c.kind === 'numbers')).toBe(true);
    expect(out.ok && cellValue(out.table.columns[299]!, 199)).toBe((199 * 299) % 256);
  });
});
