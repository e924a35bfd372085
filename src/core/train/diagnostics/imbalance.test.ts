import { describe, expect, it } from 'vitest';
import { detectImbalance } from './imbalance';
import { history } from './synthetic';
import type { DiagnosisInput } from './types';

const input = (over: Partial<DiagnosisInput>): DiagnosisInput => ({
  task: 'multiclass',
  loss: 'categoricalCrossentropy',
  history: history([1], [1]),
  ...over,
});

describe('class imbalance', () => {
  it('fires when the largest class count is more than 3 × the smallest', () => {
    const [f] = detectImbalance(input({ classCounts: [100, 40, 31] }));
    expect(f?.kind).toBe('imbalance');
    expect(f?.explanation).toContain('ratio of 3.23 (threshold 3)');
    expect(f?.evidence).toEqual({ chart: 'classes', values: [100, 40, 31] });
    expect(f?.remedies.map((r) => r.id)).toEqual(['weight-classes', 'balanced-accuracy']);
    expect(detectImbalance(input({ classCounts: [90, 40, 30] }))).toEqual([]);
    expect(detectImbalance(input({ classCounts: [5, 0] }))[0]?.explanation).toContain('∞');
  });

  it('fires when the validation macro recall is more than 0.15 below the accuracy', () => {
    const counts = [50, 50];
    const [f] = detectImbalance(
      input({ classCounts: counts, valMacroRecall: 0.7, valAccuracy: 0.9 }),
    );
    expect(f?.explanation).toContain('20 points below');
    expect(
      detectImbalance(input({ classCounts: counts, valMacroRecall: 0.76, valAccuracy: 0.9 })),
    ).toEqual([]);
    // Falls back to the last epoch's validation accuracy.
    const h = history([1], [1], [0.95]);
    expect(detectImbalance(input({ history: h, valMacroRecall: 0.7 }))).toHaveLength(1);
  });

  it('says nothing for regression', () => {
    expect(detectImbalance(input({ task: 'regression', classCounts: [100, 1] }))).toEqual([]);
  });
});
