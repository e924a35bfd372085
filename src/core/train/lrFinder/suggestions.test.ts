import { describe, expect, it } from 'vitest';
import { rangeTestRate } from './rangeTest';
import { steep, suggestLearningRates, suggestionWindow, valley } from './suggestions';
import { curve, typicalCurve } from './testCurves';

/**
 * Expected values: fast.ai's own `valley`, `steep` and `lr_find` window code (2.7,
 * fastai/callback/schedule.py) run with PyTorch 1.13 on float64 tensors of these same
 * curves (written out as JSON), so the port picks fast.ai's points, not just similar ones.
 */
const FASTAI = [
  {
    name: 'noiseless',
    points: typicalCurve(1, 0),
    valley: [9.120108393559096e-5, 2.1896881984860634],
    steep: [8.317637711026709e-4, 1.5818466489716974],
    n: 85,
  },
  {
    name: 'noise 0.05',
    points: typicalCurve(2, 0.05),
    valley: [4.786300923226385e-4, 1.801843479181528],
    steep: [5.754399373371566e-4, 1.7510068710822329],
    n: 85,
  },
  {
    name: 'noise 0.3',
    points: typicalCurve(3, 0.3),
    valley: [5.248074602497722e-3, 0.8641195420761202],
    steep: [1.737800828749376e-3, 1.3855890856800834],
    n: 85,
  },
  {
    name: 'stopped after 60 batches',
    points: typicalCurve(4, 0.05, 60),
    valley: [1.0964781961431851e-4, 2.166540981416855],
    steep: [4.786300923226385e-4, 1.82786576140102],
    n: 45,
  },
  {
    name: 'saw-tooth',
    points: curve((_, i) => [5, 1, 4, 3, 2, 6, 0.5, 0.4, 7, 0.3][i % 10]! + i * 0.01),
    valley: [2.754228703338166e-4, 3.43],
    steep: [2.7542287033381692e-2, 7.68],
    n: 85,
  },
] as const;

describe('fast.ai suggestions', () => {
  it.each(FASTAI)('match fast.ai on the $name curve', ({ points, valley: v, steep: s, n }) => {
    expect(suggestionWindow(points, 100).lrs).toHaveLength(n);
    const got = suggestLearningRates(points, 100);
    expect(got.valley).toEqual({ lr: v[0], loss: v[1] });
    expect(got.steep!.lr).toBeCloseTo(s[0], 15);
    expect(got.steep!.loss).toBeCloseTo(s[1], 12);
  });

  it('valley: on a strictly falling window, 1/3 + 1/6 along it from one before its start', () => {
    // 85 points: the run is all of them; fast.ai's start is one before it (index −1), so
    // sections = 85 / 3 and the pick is −1 + 28 + 14 = 41.
    const points = curve((_, i) => 10 - i * 0.01);
    const { lrs, losses } = suggestionWindow(points, 100);
    expect(valley(lrs, losses)?.lr).toBe(rangeTestRate(10 + 41));
  });

  it('valley: the longest decreasing subsequence wins over a steeper but shorter fall', () => {
    // Falls from 5 to 3.1 over indices 0..19, jumps to 9 and falls to 4.5 over 20..29:
    // only 4.5 can follow the first fall, so the longest subsequence is the first fall.
    const losses = [
      ...Array.from({ length: 20 }, (_, i) => 5 - i * 0.1),
      ...Array.from({ length: 10 }, (_, i) => 9 - i * 0.5),
    ];
    const lrs = losses.map((_, i) => rangeTestRate(i));
    const v = valley(lrs, losses)!;
    // Run 0..19: start −1, end 19, sections 20/3 → −1 + 6 + 3 = 8.
    expect(v).toEqual({ lr: lrs[8], loss: losses[8] });
  });

  it('steep: the left end of the segment falling fastest against log(rate)', () => {
    // A logistic drop centred between points 40 and 41: that segment is the steepest.
    const centre = Math.log10((rangeTestRate(40) * rangeTestRate(41)) ** 0.5);
    const points = curve((x) => 3 - 2 / (1 + Math.exp(-4 * (x - centre))));
    const { lrs, losses } = suggestionWindow(points, 100);
    expect(steep(lrs, losses)).toEqual({ lr: rangeTestRate(40), loss: points[40]!.loss });
  });

  it('cut the window at the first NaN', () => {
    const points = curve((_, i) => (i === 60 ? NaN : 1 - 0.001 * i));
    const { lrs, losses } = suggestionWindow(points, 100);
    expect(losses).toHaveLength(50);
    expect(lrs.at(-1)).toBe(rangeTestRate(59));
    expect(losses.every(Number.isFinite)).toBe(true);
    // Strictly falling 50 points: −1 + 16 + 8 = 23, i.e. point 33 (fast.ai: 4.365e-5).
    expect(suggestLearningRates(points, 100).valley?.lr).toBe(rangeTestRate(33));
    expect(rangeTestRate(33)).toBeCloseTo(4.365158322401661e-5, 18);
  });

  it('give nothing when too few points are left', () => {
    // 14 points: [10 : 14 − 5] is empty.
    expect(
      suggestLearningRates(
        curve(() => 1, 14),
        100,
      ),
    ).toEqual({ valley: null, steep: null });
    // 16 points: one point, a valley but no slope.
    const one = suggestLearningRates(
      curve(() => 1, 16),
      100,
    );
    expect(one.valley?.lr).toBe(rangeTestRate(10));
    expect(one.steep).toBeNull();
    // A NaN at the window's first point leaves nothing.
    const nan = curve((_, i) => (i >= 10 ? NaN : 1));
    expect(suggestLearningRates(nan, 100)).toEqual({ valley: null, steep: null });
  });
});
