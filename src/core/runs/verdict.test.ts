import { describe, expect, it } from 'vitest';
import { epochsWith, testRecord } from './testRecords';
import {
  childVerdict,
  formatPair,
  judge,
  keptEpoch,
  remedyVerdict,
  verdictMetric,
  verdictOn,
} from './verdict';

const run = (valLosses: number[], keptEpoch?: number) =>
  testRecord('r', {
    epochs: epochsWith(valLosses),
    ...(keptEpoch === undefined
      ? {}
      : { earlyStop: { stoppedEpoch: valLosses.length, keptEpoch } }),
  });

describe('kept epoch', () => {
  it('is the last epoch, or the restored best one after early stopping', () => {
    expect(keptEpoch(run([0.9, 0.5, 0.7]))?.epoch).toBe(3);
    expect(keptEpoch(run([0.9, 0.5, 0.7], 2))?.valLoss).toBe(0.5);
    // A kept epoch the history does not hold falls back to the last.
    expect(keptEpoch(run([0.9, 0.5], 7))?.epoch).toBe(2);
    expect(keptEpoch(run([]))).toBeNull();
  });
});

describe('the 1% rule', () => {
  it('judges lower-is-better and higher-is-better metrics', () => {
    expect(judge(0.61, 0.44, false)).toBe('better');
    expect(judge(0.44, 0.61, false)).toBe('worse');
    expect(judge(0.5, 0.6, true)).toBe('better');
    expect(judge(0.6, 0.5, true)).toBe('worse');
  });

  it('calls a change under 1% of the parent no clear change, and 1% or more a change', () => {
    expect(judge(1, 0.991, false)).toBe('no clear change');
    expect(judge(1, 1.009, false)).toBe('no clear change');
    expect(judge(1, 0.99, false)).toBe('better');
    expect(judge(1, 1.0101, false)).toBe('worse');
    expect(judge(0, 0, false)).toBe('no clear change');
  });

  it('counts a diverged (non-finite) value as the worst', () => {
    expect(judge(NaN, 0.5, false)).toBe('better');
    expect(judge(0.5, Infinity, false)).toBe('worse');
    expect(judge(NaN, NaN, false)).toBe('no clear change');
  });
});

describe('rounding', () => {
  it('uses two significant digits for a large change, three for a small one, more if equal', () => {
    expect(formatPair(0.6123, 0.4411)).toEqual(['0.61', '0.44']);
    expect(formatPair(0.686, 0.683)).toEqual(['0.686', '0.683']);
    expect(formatPair(0.6123, 0.6088)).toEqual(['0.612', '0.609']);
    expect(formatPair(0.61231, 0.61234)).toEqual(['0.6123', '0.6123']);
    expect(formatPair(NaN, 0.44)).toEqual(['NaN', '0.44']);
  });
});

describe('remedy verdict', () => {
  it('compares the validation loss of the weights each run keeps', () => {
    const parent = run([0.7, 0.55, 0.61]);
    expect(remedyVerdict(parent, run([0.6, 0.5, 0.44]))?.text).toBe(
      'Validation loss 0.61 → 0.44 (better)',
    );
    // The child stopped early and kept epoch 2: its last epoch does not count.
    expect(remedyVerdict(parent, run([0.6, 0.45, 0.9], 2))?.text).toBe(
      'Validation loss 0.61 → 0.45 (better)',
    );
    expect(remedyVerdict(parent, run([0.7, 0.612]))?.text).toBe(
      'Validation loss 0.61 → 0.612 (no clear change)',
    );
    expect(remedyVerdict(parent, run([0.7, 0.8]))?.text).toBe('Validation loss 0.61 → 0.8 (worse)');
    expect(remedyVerdict(parent, run([]))).toBeNull();
  });

  it('judges class weights on macro recall, the rest on validation loss', () => {
    expect(verdictMetric('weight-classes')).toBe('valMacroRecall');
    expect(verdictMetric('early-stopping')).toBe('valLoss');
    expect(verdictOn('Validation macro recall', 0.52, 0.71, true).text).toBe(
      'Validation macro recall 0.52 → 0.71 (better)',
    );
  });
});

describe('child verdict', () => {
  const split = (labels: number[], outputs: number[]) => ({
    rows: Int32Array.from(labels.map((_, i) => i)),
    labels: Float32Array.from(labels),
    outputs: Float32Array.from(outputs),
    units: 1,
    splitSize: labels.length,
  });
  const outputsOf = (predicted: number[]) => ({
    task: 'binary' as const,
    classNames: ['a', 'b'],
    trainLabels: Float32Array.from([0, 0, 0, 1]),
    // Three of class 0, one of class 1; one sigmoid unit.
    validation: split([0, 0, 0, 1], predicted),
    test: null,
  });
  const parent = run([0.5, 0.4]);
  const child = {
    ...run([0.5, 0.45]),
    lineage: { parentId: 'r', remedyId: 'weight-classes', change: 'Classes weighted' },
  };

  it('judges class weights on the validation macro recall of the stored outputs', () => {
    // Parent always says class 0 (recall 1 and 0: macro 0.5); the child finds class 1 too.
    const v = childVerdict(parent, child, {
      parent: outputsOf([0.1, 0.1, 0.1, 0.1]),
      child: outputsOf([0.1, 0.1, 0.9, 0.9]),
    });
    expect(v?.text).toBe('Validation macro recall 0.5 → 0.83 (better)');
  });

  it('falls back to validation loss without outputs, or for other remedies', () => {
    expect(childVerdict(parent, child)?.text).toBe('Validation loss 0.4 → 0.45 (worse)');
    const other = { ...child, lineage: { ...child.lineage, remedyId: 'add-dropout' } };
    expect(
      childVerdict(parent, other, {
        parent: outputsOf([0.1, 0.1, 0.1, 0.1]),
        child: outputsOf([0.1, 0.1, 0.9, 0.9]),
      })?.text,
    ).toBe('Validation loss 0.4 → 0.45 (worse)');
  });
});
