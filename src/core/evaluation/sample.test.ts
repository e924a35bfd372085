import { describe, expect, it } from 'vitest';
import { MAX_STORED_OUTPUTS, outputSampleRows } from './sample';

/** 25,000 labels: 60 % class 0, 30 % class 1, 10 % class 2, interleaved. */
function labels(): Float32Array {
  return Float32Array.from({ length: 25_000 }, (_, i) => (i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2));
}

describe('stored output sample', () => {
  it('keeps at most 10,000 rows, ascending, in the class shares', () => {
    const y = labels();
    const rows = outputSampleRows(y, 'multiclass', 42);
    expect(rows).toHaveLength(MAX_STORED_OUTPUTS);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!).toBeGreaterThan(rows[i - 1]!);
    const perClass = [0, 0, 0];
    rows.forEach((r) => perClass[y[r]!]!++);
    expect(perClass).toEqual([6000, 3000, 1000]);
  });

  it('is the same for the same seed and differs for another', () => {
    const y = labels();
    expect(outputSampleRows(y, 'multiclass', 42)).toEqual(outputSampleRows(y, 'multiclass', 42));
    expect(outputSampleRows(y, 'multiclass', 43)).not.toEqual(
      outputSampleRows(y, 'multiclass', 42),
    );
  });

  it('keeps every row of a small split, and samples regression rows too', () => {
    expect([...outputSampleRows(Float32Array.from([3, 1, 2]), 'binary', 1)]).toEqual([0, 1, 2]);
    const rows = outputSampleRows(
      new Float32Array(300).map((_, i) => i * 0.5),
      'regression',
      1,
      50,
    );
    expect(rows).toHaveLength(50);
    expect(new Set(rows).size).toBe(50);
  });
});
