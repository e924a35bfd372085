import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diagnose } from './diagnose';
import { healthyArb, healthyHistory, history } from './synthetic';

describe('diagnose', () => {
  it('finds nothing in a healthy run (decay × (1 ± 1%), balanced classes)', () => {
    fc.assert(
      fc.property(healthyArb, (h) => {
        const run = healthyHistory(h);
        const batches = run.map((e, i) => ({ step: i, epoch: e.epoch, loss: e.loss }));
        expect(
          diagnose({
            task: 'binary',
            loss: 'binaryCrossentropy',
            history: run,
            batches,
            classCounts: [50, 60],
          }),
        ).toEqual([]);
      }),
      { seed: 42 },
    );
  });

  it('sorts findings by severity and lets divergence silence the curve detectors', () => {
    const rising = [1, 1.2, 1.5, 1.9, 2.4];
    const found = diagnose({
      task: 'multiclass',
      loss: 'categoricalCrossentropy',
      history: history(rising, rising),
      classCounts: [100, 10],
    });
    expect(found.map((f) => f.kind)).toEqual(['lr-too-high', 'imbalance']);
    const withNaN = diagnose({
      task: 'multiclass',
      loss: 'categoricalCrossentropy',
      history: history([...rising, NaN], [...rising, NaN]),
      classCounts: [100, 10],
    });
    expect(withNaN.map((f) => [f.kind, f.severity])).toEqual([
      ['divergence', 'error'],
      ['imbalance', 'warning'],
    ]);
  });

  it('orders a warning before an info', () => {
    const val = [1, 0.5, ...Array<number>(10).fill(0.6)];
    const train = val.map((_, i) => 1 * 0.8 ** i);
    const kinds = diagnose({
      task: 'regression',
      loss: 'meanSquaredError',
      history: history(train, val),
    }).map((f) => f.severity);
    expect(kinds).toEqual(['warning', 'info']);
  });
});
