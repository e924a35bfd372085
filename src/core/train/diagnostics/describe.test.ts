import { describe, expect, it } from 'vitest';
import { evidenceText, numberList } from './describe';

describe('evidence in words', () => {
  it('lists numbers as a range when consecutive, else up to six', () => {
    expect(numberList([4, 5, 6, 7])).toBe('4–7');
    expect(numberList([4, 5])).toBe('4, 5');
    expect(numberList([1, 3, 5, 7, 9, 11, 13])).toBe('1, 3, 5, 7, 9, 11, …');
    expect(numberList([])).toBe('');
  });

  it('names the chart, the epochs or batches, and the first and last value', () => {
    expect(
      evidenceText({ chart: 'loss', epochs: [3, 4, 5, 6], values: [0.41, 0.5, 0.52, 0.55] }),
    ).toBe('Epochs 3–6 on the loss chart (0.41 → 0.55)');
    expect(evidenceText({ chart: 'metric', epochs: [2], values: [0.5] }, true)).toBe(
      'Epoch 2 on the mean absolute error chart (0.5)',
    );
    // Batches are numbered from 1 on the chart; steps from 0 in the record.
    expect(
      evidenceText({ chart: 'batch-loss', steps: [9, 10, 11], values: [16, 16.1, 16.1] }),
    ).toBe('Batches 10–12 on the loss per batch chart (16 → 16.1)');
    expect(
      evidenceText({ chart: 'layers', epochs: [4], values: [0.6, 0.9], layers: ['d1', 'd2'] }),
    ).toBe('Epoch 4 in the per-layer statistics of d1, d2 (0.6 → 0.9)');
    expect(evidenceText({ chart: 'layers', epochs: [3, 4], values: [1e4, 2e4] })).toBe(
      'Epochs 3, 4 in the per-layer statistics (10000 → 20000)',
    );
    expect(evidenceText({ chart: 'loss', epochs: [7], values: [NaN] })).toBe(
      'Epoch 7 on the loss chart (NaN)',
    );
  });

  it('states class counts and the recall/accuracy pair as they are', () => {
    expect(evidenceText({ chart: 'classes', values: [400, 50] })).toBe(
      'Training examples per class: 400, 50',
    );
    expect(evidenceText({ chart: 'metric', values: [0.52, 0.8123] })).toBe(
      'Validation macro recall 0.52, accuracy 0.812',
    );
  });
});
