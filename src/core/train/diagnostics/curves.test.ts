import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  detectLearningRate,
  detectOverfitting,
  detectPlateau,
  detectUnderfitting,
  smooth,
} from './curves';
import { NOISE, healthyArb, healthyHistory, history } from './synthetic';
import type { DiagnosisInput } from './types';

const base = (h: DiagnosisInput['history']): DiagnosisInput => ({
  task: 'binary',
  loss: 'binaryCrossentropy',
  history: h,
  classCounts: [50, 50],
});

const detectors = { detectOverfitting, detectUnderfitting, detectLearningRate, detectPlateau };

describe('curve detectors', () => {
  it('smooths with a trailing mean', () => {
    expect(smooth([3, 1, 2, 6], 3)).toEqual([3, 2, 2, 3]);
  });

  for (const [name, detect] of Object.entries(detectors)) {
    it(`${name} stays silent on healthy runs (decay × (1 ± 1%))`, () => {
      fc.assert(
        fc.property(healthyArb, (h) => {
          expect(detect(base(healthyHistory(h)))).toEqual([]);
        }),
        { seed: 42 },
      );
    });
  }

  it('flags over-fitting: validation loss > 2% above its minimum for 3 epochs while training falls', () => {
    const train = [1, 0.8, 0.6, 0.5, 0.4, 0.3, 0.25];
    const val = [1, 0.8, 0.7, 0.73, 0.75, 0.8, 0.85];
    const [f] = detectOverfitting({ ...base(history(train, val)), lastHiddenLayer: 'dense_2' });
    expect(f?.kind).toBe('overfitting');
    expect(f?.evidence.epochs).toEqual([3, 4, 5, 6, 7]);
    expect(f?.explanation).toContain('0.7 at epoch 3');
    expect(f?.explanation).toContain('2%');
    expect(f?.remedies.map((r) => r.label)).toContain('Add Dropout 0.3 after dense_2');
    expect(f?.remedies.map((r) => r.id)).not.toContain('augment');
    expect(
      detectOverfitting({ ...base(history(train, val)), images: true })[0]?.remedies.map(
        (r) => r.id,
      ),
    ).toContain('augment');
  });

  it('does not call two epochs above the minimum, a 1.5% rise, or rising training loss over-fitting', () => {
    const train = [1, 0.8, 0.6, 0.5, 0.4, 0.3];
    expect(detectOverfitting(base(history(train, [1, 0.8, 0.7, 0.75, 0.76, 0.69])))).toEqual([]);
    expect(detectOverfitting(base(history(train, [1, 0.8, 0.7, 0.71, 0.71, 0.71])))).toEqual([]);
    const rising = [1, 0.8, 0.7, 0.75, 0.8, 0.9];
    expect(detectOverfitting(base(history(rising, [1, 0.8, 0.7, 0.75, 0.8, 0.9])))).toEqual([]);
  });

  it('honours a min delta larger than 2%', () => {
    const h = history([1, 0.8, 0.6, 0.5, 0.4], [0.5, 0.4, 0.42, 0.43, 0.44]);
    expect(detectOverfitting(base(h))).toHaveLength(1);
    expect(detectOverfitting({ ...base(h), minDelta: 0.05 })).toEqual([]);
  });

  it('flags under-fitting when training accuracy stays within 5 points of the majority baseline', () => {
    const h = history([0.7, 0.69, 0.68], [0.7, 0.69, 0.68], [0.7, 0.72, 0.74]);
    const [f] = detectUnderfitting({ ...base(h), classCounts: [30, 70] });
    expect(f?.kind).toBe('underfitting');
    expect(f?.explanation).toContain('74%');
    expect(f?.explanation).toContain('70%');
    expect(detectUnderfitting({ ...base(h), classCounts: [32, 68] })).toEqual([]);
    expect(detectUnderfitting({ ...base(h.slice(0, 2)), classCounts: [30, 70] })).toEqual([]);
  });

  it('flags under-fitting when both losses are high and flat', () => {
    const flat = [0.7, 0.69, 0.688, 0.687, 0.686];
    const h = history(flat, flat);
    expect(detectUnderfitting({ ...base(h), classCounts: [50, 50] })[0]?.kind).toBe('underfitting');
    // Flat but low: converged, not under-fitting.
    const low = flat.map((v) => v / 4);
    expect(detectUnderfitting(base(history(low, low)))).toEqual([]);
    // Regression: high only against a given baseline loss.
    const reg: DiagnosisInput = { task: 'regression', loss: 'meanSquaredError', history: h };
    expect(detectUnderfitting(reg)).toEqual([]);
    expect(detectUnderfitting({ ...reg, baselineLoss: 0.7 })).toHaveLength(1);
  });

  it('flags a learning rate too high when the early loss rises or oscillates', () => {
    const [up] = detectLearningRate(base(history([1, 1.1, 1.3, 1.6], [1, 1, 1, 1])));
    expect(up?.kind).toBe('lr-too-high');
    expect(up?.explanation).toContain('3 times (threshold 2)');
    expect(up?.remedies.map((r) => r.id)).toEqual(['lr-divide-10']);
    const [net] = detectLearningRate(base(history([1, 0.9, 1.06], [1, 1, 1])));
    expect(net?.explanation).toContain('ending more than 5% above its start');
    const [osc] = detectLearningRate({
      ...base(history([1, 0.6, 0.9, 0.5, 0.8], [1, 1, 1, 1, 1])),
      lrFinder: true,
    });
    expect(osc?.kind).toBe('lr-too-high');
    expect(osc?.remedies.map((r) => r.id)).toEqual(['find-lr', 'lr-divide-10']);
  });

  it('flags a learning rate too low when the loss moves < 1% per epoch from the start', () => {
    const [f] = detectLearningRate(base(history([1, 0.995, 0.99, 0.985, 0.98], [1, 1, 1, 1, 1])));
    expect(f?.kind).toBe('lr-too-low');
    expect(f?.explanation).toContain('0.5%');
    expect(f?.remedies.map((r) => r.id)).toEqual(['lr-times-10']);
    expect(detectLearningRate(base(history([1, 0.98, 0.96, 0.94, 0.92], [1, 1, 1, 1, 1])))).toEqual(
      [],
    );
  });

  it('flags a plateau after 10 epochs without a better validation loss', () => {
    const val = [1, 0.5, ...Array<number>(10).fill(0.6)];
    const [f] = detectPlateau(base(history(val, val)));
    expect(f?.kind).toBe('plateau');
    expect(f?.explanation).toContain('for 10 epochs');
    expect(detectPlateau(base(history(val.slice(0, -1), val.slice(0, -1))))).toEqual([]);
  });
});

describe('the margins exceed the 1% noise bound', () => {
  // The worst noise patterns at the slowest healthy decay (5% per epoch): alternating
  // −1%/+1% (the largest epoch-over-epoch rise) and a −1% minimum followed by +1% epochs.
  const patterns = {
    alternating: (i: number) => (i % 2 === 0 ? -NOISE : NOISE),
    lowThenHigh: (i: number) => (i === 0 ? -NOISE : NOISE),
    highThenLow: (i: number) => (i === 0 ? NOISE : -NOISE),
  };
  for (const [name, n] of Object.entries(patterns)) {
    it(`no detector fires on ${name} noise`, () => {
      const noise = Array.from({ length: 30 }, (_, i) => n(i));
      const h = healthyHistory({
        start: 1,
        ratio: 0.95,
        epochs: 30,
        trainNoise: noise,
        valNoise: noise,
      });
      for (const detect of Object.values(detectors)) expect(detect(base(h))).toEqual([]);
    });
  }
});
