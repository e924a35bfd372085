import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveSeed, makeRng, normal, shuffleInPlace } from './random';

describe('makeRng', () => {
  it('repeats a stream for the same seed and differs for another', () => {
    const a = makeRng(42);
    const b = makeRng(42);
    const c = makeRng(43);
    const sa = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(sa);
    expect(Array.from({ length: 5 }, c)).not.toEqual(sa);
  });

  it('stays in [0, 1) with a mean near 0.5', () => {
    const rng = makeRng(7);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const v = rng();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      sum += v;
    }
    expect(sum / 10_000).toBeCloseTo(0.5, 1);
  });

  it('derives different sub-seeds per salt', () => {
    expect(deriveSeed(1, 0)).not.toBe(deriveSeed(1, 1));
    expect(deriveSeed(1, 5)).toBe(deriveSeed(1, 5));
  });
});

describe('shuffleInPlace', () => {
  it('returns a permutation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (arr, seed) => {
        const shuffled = shuffleInPlace([...arr], makeRng(seed));
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...arr].sort((a, b) => a - b));
      }),
    );
  });

  it('works on typed arrays', () => {
    const a = Int32Array.from({ length: 50 }, (_, i) => i);
    shuffleInPlace(a, makeRng(3));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...a]).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe('normal', () => {
  it('has mean 0 and variance 1', () => {
    const rng = makeRng(11);
    const xs = Array.from({ length: 20_000 }, () => normal(rng));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});
