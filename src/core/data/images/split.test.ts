import { describe, expect, it } from 'vitest';
import { predefinedSplit } from './split';

describe('predefinedSplit', () => {
  it('keeps the test/ rows as the test split and splits the rest by train : validation', () => {
    const labels = Float32Array.from([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
    const isTest = Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    const s = predefinedSplit(
      labels,
      'binary',
      isTest,
      { train: 0.6, validation: 0.2, test: 0.2 },
      4,
    );
    expect([...s.test]).toEqual([8, 9, 10, 11]);
    // 8 training-pool rows at 0.6 : 0.2 → 6 train, 2 validation, one of each class.
    expect(s.train).toHaveLength(6);
    expect(s.validation).toHaveLength(2);
    expect([...s.validation].map((r) => labels[r]).sort()).toEqual([0, 1]);
    const all = [...s.train, ...s.validation, ...s.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(
      predefinedSplit(labels, 'binary', isTest, { train: 0.6, validation: 0.2, test: 0.2 }, 4),
    ).toEqual(s);
  });
});
