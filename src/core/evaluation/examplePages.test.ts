import { describe, expect, it } from 'vitest';
import { pageOf } from './examplePages';

describe('pageOf', () => {
  it('pages 57 examples 24 at a time', () => {
    expect(pageOf(57, 24, 0)).toEqual({
      page: 0,
      pages: 3,
      start: 0,
      end: 24,
      label: '1–24 of 57',
    });
    expect(pageOf(57, 24, 2)).toMatchObject({ start: 48, end: 57, label: '49–57 of 57' });
  });

  it('clamps pages outside the list and says when there is nothing', () => {
    expect(pageOf(57, 24, 9)).toMatchObject({ page: 2, start: 48 });
    expect(pageOf(57, 24, -1)).toMatchObject({ page: 0, start: 0 });
    expect(pageOf(0, 24, 0)).toEqual({ page: 0, pages: 1, start: 0, end: 0, label: 'No examples' });
    expect(pageOf(12_345, 24, 1).label).toBe('25–48 of 12,345');
    expect(() => pageOf(5, 0, 0)).toThrow(RangeError);
  });

  it('covers every item exactly once over its pages', () => {
    for (const total of [1, 23, 24, 25, 100]) {
      const seen: number[] = [];
      const { pages } = pageOf(total, 24, 0);
      for (let p = 0; p < pages; p++) {
        const { start, end } = pageOf(total, 24, p);
        for (let i = start; i < end; i++) seen.push(i);
      }
      expect(seen).toEqual(Array.from({ length: total }, (_, i) => i));
    }
  });
});
