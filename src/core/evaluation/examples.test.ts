import { describe, expect, it } from 'vitest';
import { rowsInCell } from './confusion';
import { evaluationReport } from './evaluationReport';
import { examplesAt, resolveDecision } from './examples';
import type { SplitOutputs } from './runOutputs';

const split = (labels: number[], outputs: number[], units: number): SplitOutputs => ({
  rows: Int32Array.from(labels, (_, i) => 40 + i * 2),
  labels: Float32Array.from(labels),
  outputs: Float32Array.from(outputs),
  units,
  splitSize: labels.length,
});

describe('examples of stored rows', () => {
  it('maps a confusion cell to dataset rows, probabilities and targets, in cell order', () => {
    const s = split([0, 1, 0, 0], [0.9, 0.2, 0.6, 0.7], 1);
    const r = evaluationReport(s, {
      task: 'binary',
      numClasses: 2,
      trainLabels: Float32Array.from([0, 1]),
      positive: 1,
    });
    if (r.task === 'regression') throw new Error('classification expected');
    // Actual 0, predicted 1: positions 0, 3, 2 by confidence 0.9, 0.7, 0.6.
    const e = examplesAt(s, rowsInCell(r.cells, 0, 1), false);
    expect([...e.rows]).toEqual([40, 46, 44]);
    expect([...e.probabilities].map((p) => Number(p.toFixed(4)))).toEqual([
      0.1, 0.9, 0.3, 0.7, 0.4, 0.6,
    ]);
    expect(e.actual).toEqual([0, 0, 0]);
  });

  it('copies softmax rows as they are and regression predictions as one column', () => {
    const soft = split([2, 0], [0.1, 0.2, 0.7, 0.5, 0.3, 0.2], 3);
    expect([...examplesAt(soft, [1], false).probabilities]).toEqual(
      [0.5, 0.3, 0.2].map(Math.fround),
    );
    const reg = split([3.5, 10], [4, 8], 1);
    const e = examplesAt(reg, [1, 0], true);
    expect([...e.probabilities]).toEqual([8, 4]);
    expect(e.actual).toEqual([10, 3.5]);
    expect([...e.rows]).toEqual([42, 40]);
  });

  it('defaults the decision to the training minority at 0.5', () => {
    expect(resolveDecision(undefined, [1, 1, 0])).toEqual({ positive: 0, threshold: 0.5 });
    expect(resolveDecision({ positive: 1, threshold: 0.3 }, [1, 1, 0])).toEqual({
      positive: 1,
      threshold: 0.3,
    });
  });
});
