import { describe, expect, it } from 'vitest';
import { classBalance } from './balance';

describe('class balance', () => {
  it('gives the majority baseline and flags imbalance by ratio or a class under 5%', () => {
    expect(classBalance([50, 50])).toMatchObject({
      majorityBaseline: 0.5,
      ratio: 1,
      imbalanced: false,
    });
    expect(classBalance([30, 10])).toMatchObject({ majorityClass: 0, ratio: 3, imbalanced: true });
    expect(classBalance([29, 10])?.imbalanced).toBe(false);
    const rare = classBalance([40, 40, 40, 4])!;
    expect(rare.rareClasses).toEqual([3]);
    expect(rare.imbalanced).toBe(true);
    expect(classBalance([10, 0])?.ratio).toBe(Infinity);
    expect(classBalance([7])).toBeNull();
  });
});
