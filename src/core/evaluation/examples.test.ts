import { describe, expect, it } from 'vitest';
import { predictedClasses } from './classification';
import { cellRows } from './confusion';
import { cellExamples, pageOf } from './examples';
import type { SplitOutputs } from './runOutputs';

describe('cellExamples', () => {
  it('gives dataset rows of a cell, most confidently wrong first, with their probabilities', () => {
    // Five stored test rows (dataset rows 40–44) of three classes.
    const split: SplitOutputs = {
      rows: Int32Array.of(40, 41, 42, 43, 44),
      labels: Float32Array.of(0, 0, 1, 0, 2),
      // prettier-ignore
      outputs: Float32Array.of(
        0.2, 0.7, 0.1, // row 40: 0 → 1 (0.7)
        0.1, 0.9, 0.0, // row 41: 0 → 1 (0.9)
        0.1, 0.8, 0.1, // row 42: 1 → 1
        0.6, 0.3, 0.1, // row 43: 0 → 0
        0.3, 0.6, 0.1, // row 44: 2 → 1
      ),
      units: 3,
      splitSize: 5,
    };
    const predicted = predictedClasses(split.outputs, 3);
    const cells = cellRows(split.labels, predicted, split.outputs, 3, 3);
    const wrong = cellExamples(split, cells, 0, 1);
    expect(Array.from(wrong.rows)).toEqual([41, 40]);
    expect(Array.from(wrong.probabilities)).toEqual(
      Array.from(Float32Array.of(0.1, 0.9, 0, 0.2, 0.7, 0.1)),
    );
    expect(wrong.actual).toEqual([0, 0]);
    expect(cellExamples(split, cells, 2, 2).rows.length).toBe(0);
  });

  it('expands one sigmoid unit into the probabilities of both classes', () => {
    const split: SplitOutputs = {
      rows: Int32Array.of(7, 3),
      labels: Float32Array.of(0, 1),
      outputs: Float32Array.of(0.75, 0.25),
      units: 1,
      splitSize: 2,
    };
    const cells = cellRows(split.labels, predictedClasses(split.outputs, 1), split.outputs, 1, 2);
    const ex = cellExamples(split, cells, 0, 1);
    expect(Array.from(ex.rows)).toEqual([7]);
    expect(Array.from(ex.probabilities)).toEqual([0.25, 0.75]);
  });
});

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
