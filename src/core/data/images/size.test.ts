import { describe, expect, it } from 'vitest';
import { capSize, chooseImageSize, imageMemoryBytes, mostCommonSize } from './size';
import { DEFAULT_DECODE } from './types';

describe('image size choice', () => {
  it('picks the most common size', () => {
    expect(
      mostCommonSize([
        { height: 10, width: 20 },
        { height: 28, width: 28 },
        { height: 28, width: 28 },
      ]),
    ).toEqual({ height: 28, width: 28 });
    expect(mostCommonSize([])).toBeNull();
  });

  it('caps at 64×64 with a real GPU and 32×32 without, keeping the aspect ratio', () => {
    const big = [{ height: 200, width: 100 }];
    expect(chooseImageSize(DEFAULT_DECODE, big, true).size).toEqual({ height: 64, width: 32 });
    expect(chooseImageSize(DEFAULT_DECODE, big, false).size).toEqual({ height: 32, width: 16 });
    expect(chooseImageSize(DEFAULT_DECODE, [{ height: 28, width: 28 }], false).size).toEqual({
      height: 28,
      width: 28,
    });
    expect(capSize({ height: 10, width: 10 }, 32)).toEqual({ height: 10, width: 10 });
  });

  it('uses an explicit size as given, and estimates memory in bytes', () => {
    const r = chooseImageSize(
      { ...DEFAULT_DECODE, size: { height: 16, width: 16 } },
      [{ height: 300, width: 300 }],
      true,
    );
    expect(r.size).toEqual({ height: 16, width: 16 });
    expect(imageMemoryBytes(10, r.size, 3)).toBe(7680);
  });
});
