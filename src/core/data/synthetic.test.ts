import { describe, expect, it } from 'vitest';
import { makeSynthetic, SYNTHETIC_IDS } from './synthetic';

describe('makeSynthetic', () => {
  it.each(SYNTHETIC_IDS)('%s is deterministic, binary, balanced and roughly in [-1, 1]', (id) => {
    const a = makeSynthetic(id, 300, 0.1, 7);
    const b = makeSynthetic(id, 300, 0.1, 7);
    expect(a.x).toEqual(b.x);
    expect(a.y).toEqual(b.y);
    expect(makeSynthetic(id, 300, 0.1, 8).x).not.toEqual(a.x);
    expect(a.n).toBe(300);
    expect(a.x.length).toBe(600);
    expect(a.featureShape).toEqual([2]);
    expect(a.task).toBe('binary');
    expect(a.classNames).toHaveLength(2);
    expect(new Set(a.y)).toEqual(new Set([0, 1]));
    const ones = a.y.reduce((s, v) => s + v, 0);
    expect(Math.abs(ones - 150)).toBeLessThan(60);
    for (const v of a.x) expect(Math.abs(v)).toBeLessThan(2);
    const maxAbs = Math.max(...Array.from(a.x, Math.abs));
    expect(maxAbs).toBeGreaterThan(0.5);
  });

  it('separates circles: inner points are closer to the centre without noise', () => {
    const d = makeSynthetic('circles', 200, 0, 1);
    for (let i = 0; i < d.n; i++) {
      const r = Math.hypot(d.x[2 * i]!, d.x[2 * i + 1]!);
      if (d.y[i] === 1) expect(r).toBeLessThanOrEqual(0.5);
      else expect(r).toBeGreaterThanOrEqual(0.7);
    }
  });

  it('labels xor by the sign of x·y without noise', () => {
    const d = makeSynthetic('xor', 200, 0, 1);
    for (let i = 0; i < d.n; i++) {
      expect(d.y[i]).toBe(d.x[2 * i]! * d.x[2 * i + 1]! >= 0 ? 1 : 0);
    }
  });

  it('rejects a bad size or noise', () => {
    expect(() => makeSynthetic('circles', 2.5, 0.1, 1)).toThrow(/whole number/);
    expect(() => makeSynthetic('circles', 100, 2, 1)).toThrow(/Noise/);
  });
});
