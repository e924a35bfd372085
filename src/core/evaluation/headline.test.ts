import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluationReport, type ClassificationEvaluation } from './evaluationReport';
import { classificationHeadline, classPriors, regressionHeadline } from './headline';
import { classificationReport } from './report';
import type { SplitOutputs } from './runOutputs';

const split = (labels: number[], outputs: number[], units: number): SplitOutputs => ({
  rows: Int32Array.from(labels, (_, i) => i),
  labels: Float32Array.from(labels),
  outputs: Float32Array.from(outputs),
  units,
  splitSize: labels.length,
});

const byKey = (metrics: { key: string; value: number | null; baseline: number | null }[]) =>
  Object.fromEntries(metrics.map((m) => [m.key, m]));

function classification(s: SplitOutputs, train: number[], k: number): ClassificationEvaluation {
  const r = evaluationReport(s, {
    task: k === 2 ? 'binary' : 'multiclass',
    numClasses: k,
    trainLabels: Float32Array.from(train),
  });
  if (r.task === 'regression') throw new Error('classification expected');
  return r;
}

describe('headline metrics and their baselines', () => {
  it('binary: majority class, training priors and a constant score', () => {
    const s = split([0, 0, 0, 1, 1, 1], [0.1, 0.4, 0.6, 0.35, 0.7, 0.9], 1);
    const train = [0, 0, 0, 0, 1, 1];
    const m = byKey(
      classificationHeadline(classification(s, train, 2), s.labels, train, ['a', 'b']),
    );
    expect(m.accuracy!.baseline).toBe(0.5);
    expect(m.balancedAccuracy!.baseline).toBe(0.5);
    // Always "a": precision 0.5 and recall 1 for a, 0 for b; F1(a) = 2/3, macro = 1/3.
    expect(m.macroF1!.baseline).toBeCloseTo(1 / 3, 12);
    expect(m.logLoss!.baseline).toBeCloseTo(-(Math.log(2 / 3) + Math.log(1 / 3)) / 2, 12);
    expect(m.auc!.baseline).toBe(0.5);
    expect(m.averagePrecision!.baseline).toBe(0.5);
    expect(m.macroAuc).toBeUndefined();
    expect(m.accuracy!.value).toBeCloseTo(4 / 6, 12);
  });

  it('the macro F1 baseline equals the report of always predicting the majority', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 }),
        (test, train) => {
          const outputs = test.flatMap(() => [0.4, 0.3, 0.2, 0.1]);
          const r = classification(split(test, outputs, 4), train, 4);
          const m = byKey(classificationHeadline(r, Float32Array.from(test), train, []));
          const always = new Array<number>(test.length).fill(r.baseline.majorityClass);
          const report = classificationReport(test, always, 4);
          expect(m.macroF1!.baseline).toBeCloseTo(report.macro.f1.value, 12);
          expect(m.accuracy!.baseline).toBeCloseTo(report.accuracy, 12);
        },
      ),
    );
  });

  it('multi-class: top-k from 5 classes, scored like a constant ranking of the priors', () => {
    const labels = [0, 1, 2, 3, 4, 4];
    const outputs = labels.flatMap((c) => [0, 1, 2, 3, 4].map((j) => (j === c ? 0.6 : 0.1)));
    const train = [4, 4, 4, 3, 3, 2, 1, 0];
    const m = byKey(
      classificationHeadline(
        classification(split(labels, outputs, 5), train, 5),
        labels,
        train,
        [],
      ),
    );
    // The three most frequent training classes are 4, 3 and 2: 4 of the 6 test rows.
    expect(m.top3!.baseline).toBeCloseTo(4 / 6, 12);
    expect(m.top3!.value).toBe(1);
    expect(m.macroAuc!.baseline).toBe(0.5);
    expect(classPriors(train, 5)).toEqual([1 / 8, 1 / 8, 1 / 8, 2 / 8, 3 / 8]);
  });

  it('regression: the training mean as a constant prediction', () => {
    const s = split([1, 2, 3, 6], [1.5, 2, 2.5, 5], 1);
    const r = evaluationReport(s, {
      task: 'regression',
      numClasses: 0,
      trainLabels: Float32Array.from([2, 4]),
    });
    if (r.task !== 'regression') throw new Error('regression expected');
    const m = byKey(regressionHeadline(r));
    // Mean 3: errors −2, −1, 0, 3.
    expect(m.mae!.baseline).toBeCloseTo(6 / 4, 12);
    expect(m.mse!.baseline).toBeCloseTo(14 / 4, 12);
    expect(m.rmse!.baseline).toBeCloseTo(Math.sqrt(14 / 4), 12);
    expect(m.r2!.baseline).toBeLessThanOrEqual(0);
    expect(m.r2!.value).toBeCloseTo(r.metrics.r2, 12);
  });
});
