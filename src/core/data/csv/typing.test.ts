import { describe, expect, it } from 'vitest';
import { inferTask, profileColumn } from './typing';

const range = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe('column typing', () => {
  it('infers numeric, categorical, boolean, text, date and identifier columns', () => {
    expect(
      profileColumn(
        'x',
        range(30, (i) => String(i * 1.5)),
      ).inferredType,
    ).toBe('numeric');
    expect(
      profileColumn(
        'c',
        range(30, (i) => ['red', 'green'][i % 2]!),
      ).inferredType,
    ).toBe('categorical');
    expect(
      profileColumn(
        'b',
        range(30, (i) => (i % 2 ? 'Yes' : 'no')),
      ).inferredType,
    ).toBe('boolean');
    expect(
      profileColumn(
        't',
        range(80, (i) => `a long free text note about wine number ${i}`),
      ).inferredType,
    ).toBe('text');
    expect(
      profileColumn(
        'd',
        range(30, (i) => `2024-01-${(i % 28) + 1}`),
      ).inferredType,
    ).toBe('date');
    expect(
      profileColumn(
        'id',
        range(30, (i) => String(100 + i)),
      ).inferredType,
    ).toBe('identifier');
    expect(
      profileColumn(
        'code',
        range(30, (i) => `K${i * 7}`),
      ).inferredType,
    ).toBe('identifier');
  });

  it('proposes exclusions with the reason, and counts missing and distinct values', () => {
    expect(
      profileColumn(
        'id',
        range(30, (i) => String(i)),
      ).excludeReason,
    ).toMatch(/ID-like/);
    expect(
      profileColumn(
        'k',
        range(30, () => '4'),
      ).excludeReason,
    ).toMatch(/constant/);
    expect(
      profileColumn(
        'd',
        range(30, (i) => `2024-02-${(i % 9) + 1}`),
      ).excludeReason,
    ).toMatch(/dates/);
    const p = profileColumn('m', ['1', '', 'NA', '2', '?', '2']);
    expect([p.missing, p.distinct, p.excludeReason]).toEqual([3, 2, null]);
  });

  it('reports non-numbers, NaN and Infinity in a numeric column with their rows', () => {
    const cells = range(20, (i) => String(i % 7));
    cells[3] = 'abc';
    cells[8] = 'NaN';
    cells[9] = 'Infinity';
    const p = profileColumn('v', cells, 2);
    expect(p.inferredType).toBe('numeric');
    expect(p.badNumbers).toEqual({ count: 3, rows: [5, 10, 11], example: 'abc' });
    expect(p.missing).toBe(3);
    expect(p.histogram.reduce((a, b) => a + b, 0)).toBe(17);
  });

  it('infers the task: ≤ 10 distinct whole numbers classify, more or fractions regress', () => {
    const task = (cells: string[]) => inferTask(profileColumn('y', cells), cells);
    expect(task(range(40, (i) => String(i % 2)))).toEqual({ ok: true, task: 'binary' });
    expect(task(range(40, (i) => String(i % 10)))).toEqual({ ok: true, task: 'multiclass' });
    expect(task(range(40, (i) => String(i % 11)))).toEqual({ ok: true, task: 'regression' });
    expect(task(range(40, (i) => String((i % 3) + 0.5)))).toEqual({ ok: true, task: 'regression' });
    expect(task(range(40, (i) => ['a', 'b', 'c'][i % 3]!))).toEqual({
      ok: true,
      task: 'multiclass',
    });
    expect(task(range(40, (i) => (i % 2 ? 'yes' : 'no')))).toEqual({ ok: true, task: 'binary' });
  });

  it('refuses a single class and as many classes as rows', () => {
    const one = range(10, () => 'same');
    expect(inferTask(profileColumn('y', one), one)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/single class \("same"\)/),
    });
    const all = range(10, (i) => `c${i}`);
    expect(inferTask(profileColumn('y', all), all)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/as many classes as rows \(10\)/),
    });
  });
});
