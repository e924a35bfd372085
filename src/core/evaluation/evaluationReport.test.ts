import { describe, expect, it } from 'vitest';
import { evaluationReport } from './evaluationReport';
import { keepSplitOutputs, type SplitOutputs } from './runOutputs';

const split = (labels: number[], outputs: number[], units: number): SplitOutputs => ({
  rows: Int32Array.from(labels, (_, i) => 100 + i),
  labels: Float32Array.from(labels),
  outputs: Float32Array.from(outputs),
  units,
  splitSize: labels.length,
});

describe('evaluationReport', () => {
  // One sigmoid unit: P(class 1).
  const binary = split([0, 0, 0, 1, 1, 1], [0.1, 0.4, 0.6, 0.35, 0.7, 0.9], 1);
  const train = Float32Array.from([0, 0, 0, 0, 1, 1]);

  it('binary: every figure follows the threshold; the minority class is positive', () => {
    const at05 = evaluationReport(binary, { task: 'binary', numClasses: 2, trainLabels: train });
    if (at05.task === 'regression') throw new Error('classification expected');
    expect(at05.binary?.positive).toBe(1);
    expect(at05.confusion).toEqual([
      [2, 1],
      [1, 2],
    ]);
    const at03 = evaluationReport(binary, {
      task: 'binary',
      numClasses: 2,
      trainLabels: train,
      threshold: 0.3,
    });
    if (at03.task === 'regression') throw new Error('classification expected');
    expect(at03.confusion).toEqual([
      [1, 2],
      [0, 3],
    ]);
    expect(at03.binary?.atThreshold.recall.value).toBe(1);
    expect(at03.accuracy).toBeCloseTo(4 / 6, 12);
    // The curves do not depend on the threshold.
    expect(at03.binary?.auc).toBe(at05.binary?.auc);
    expect(at05.baseline.majorityClass).toBe(0);
    expect(at05.baseline.accuracy).toBe(0.5);
  });

  it('binary: switching the positive class scores with the other class’s probability', () => {
    const r = evaluationReport(binary, {
      task: 'binary',
      numClasses: 2,
      trainLabels: train,
      positive: 0,
    });
    if (r.task === 'regression' || !r.binary) throw new Error('binary expected');
    expect(r.binary.scores[0]).toBeCloseTo(0.9, 6);
    // Ranking is symmetric: 7 of the 9 (positive, negative) pairs are ordered right.
    expect(r.binary.auc).toBeCloseTo(7 / 9, 12);
  });

  it('multi-class: one-vs-rest AUC, cells point at stored positions', () => {
    const three = split(
      [0, 1, 2, 2],
      [0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0.1, 0.2, 0.7, 0.6, 0.3, 0.1],
      3,
    );
    const r = evaluationReport(three, {
      task: 'multiclass',
      numClasses: 3,
      trainLabels: Float32Array.from([0, 1, 2, 2]),
    });
    if (r.task === 'regression') throw new Error('classification expected');
    expect(r.binary).toBeNull();
    expect(r.oneVsRest?.macroAuc).not.toBeNull();
    expect(r.confusion[2]).toEqual([1, 0, 1]);
    expect(r.confusedPairs[0]).toEqual({ actual: 2, predicted: 0, count: 1 });
  });

  it('regression: metrics and the training-mean baseline in original units', () => {
    const reg = split([1, 2, 3, 4], [1.5, 2, 2.5, 4], 1);
    const r = evaluationReport(reg, {
      task: 'regression',
      numClasses: 0,
      trainLabels: Float32Array.from([2, 4]),
    });
    if (r.task !== 'regression') throw new Error('regression expected');
    expect(r.metrics.mae).toBeCloseTo(0.25, 12);
    expect(r.baseline.mean).toBe(3);
    expect(r.baseline.r2).toBeLessThan(0);
    expect(r.largest[0]?.residual).toBeCloseTo(-0.5, 6);
  });

  it('a large split keeps a seeded stratified sample and says so', () => {
    const n = 50;
    const labels = Float32Array.from({ length: n }, (_, i) => i % 2);
    const kept = keepSplitOutputs(
      {
        rows: Int32Array.from({ length: n }, (_, i) => i * 3),
        labels,
        outputs: labels.slice(),
        units: 1,
      },
      'binary',
      7,
      10,
    );
    expect(kept.rows).toHaveLength(10);
    expect(kept.splitSize).toBe(50);
    // Each stored row keeps its own label and output.
    kept.rows.forEach((row, i) => expect(kept.labels[i]).toBe((row / 3) % 2));
    expect(kept.outputs).toEqual(kept.labels);
    const r = evaluationReport(kept, { task: 'binary', numClasses: 2, trainLabels: labels });
    expect(r.sampled).toBe(true);
  });
});
