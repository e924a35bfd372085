import { describe, expect, it } from 'vitest';
import { makeSynthetic } from './synthetic';
import { summarizeDataset } from './summary';

describe('summarizeDataset', () => {
  it('counts classes and lists the points of a 2-D set', () => {
    const ds = makeSynthetic('gaussians', 100, 0.1, 3);
    const s = summarizeDataset(ds);
    expect(s.n).toBe(100);
    expect(s.classCounts).toEqual([50, 50]);
    expect(s.points?.x).toHaveLength(100);
    expect(s.points?.x[3]).toBeCloseTo(ds.x[6]!);
    expect(s.points?.label[0]).toBe(ds.y[0]);
    // Serialisable: plain arrays only.
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('has no points for non-2-D data', () => {
    const ds = { ...makeSynthetic('xor', 10, 0, 1), kind: 'tabular' as const };
    expect(summarizeDataset(ds).points).toBeUndefined();
  });
});
