import { describe, expect, it } from 'vitest';
import { analyzeGraph } from './analyze';
import { checkMemory, estimateTrainingMemory, formatBytes, MEMORY_LIMIT_BYTES } from './memory';
import { kerasSummary } from './summary';
import { chainOf, graphOf } from './testGraphs';

// Dense: 4·8 + 8 = 40; BatchNormalization: 4·8 = 32, of which 16 moving stats; Dense: 8·3 + 3 = 27.
const small = chainOf([
  ['input_1', 'Input', { shape: [4] }],
  ['dense_1', 'Dense', { units: 8 }],
  ['batchnormalization_1', 'BatchNormalization'],
  ['dense_2', 'Dense', { units: 3, activation: 'softmax' }],
]);

describe('kerasSummary', () => {
  it('lists layers in order with shapes, weights and inputs, and splits the totals', () => {
    const s = kerasSummary(small, analyzeGraph(small, null));
    expect(s.rows).toEqual([
      {
        id: 'input_1',
        label: 'Input #1',
        type: 'Input',
        shape: '(None, 4)',
        params: 0,
        connectedTo: [],
      },
      {
        id: 'dense_1',
        label: 'Dense #1',
        type: 'Dense',
        shape: '(None, 8)',
        params: 40,
        connectedTo: ['Input #1'],
      },
      {
        id: 'batchnormalization_1',
        label: 'BatchNormalization #1',
        type: 'BatchNormalization',
        shape: '(None, 8)',
        params: 32,
        connectedTo: ['Dense #1'],
      },
      {
        id: 'dense_2',
        label: 'Dense #2',
        type: 'Dense',
        shape: '(None, 3)',
        params: 27,
        connectedTo: ['BatchNormalization #1'],
      },
    ]);
    expect(s).toMatchObject({ totalParams: 99, trainableParams: 83, nonTrainableParams: 16 });
  });

  it('still lists every node of a graph with a cycle', () => {
    const g = graphOf(
      [
        ['input_1', 'Input'],
        ['dense_1', 'Dense'],
        ['dense_2', 'Dense'],
      ],
      [
        ['input_1', 'dense_1'],
        ['dense_1', 'dense_2'],
        ['dense_2', 'dense_1'],
      ],
    );
    const s = kerasSummary(g, analyzeGraph(g, null));
    expect(s.rows.map((r) => [r.label, r.shape])).toEqual([
      ['Input #1', '(None, 2)'],
      ['Dense #1', '?'],
      ['Dense #2', '?'],
    ]);
  });
});

describe('estimateTrainingMemory', () => {
  const analysis = analyzeGraph(small, null);

  it('counts float32 weights, optimizer slots on trainable weights, and activations × 2', () => {
    // Activations per example: 4 + 8 + 8 + 3 = 23 values; ×32 examples ×2 (value + gradient) ×4 bytes.
    expect(estimateTrainingMemory(small, analysis, 'adam', 32)).toEqual({
      weightsBytes: 396,
      optimizerBytes: 83 * 2 * 4,
      activationBytes: 23 * 32 * 2 * 4,
      totalBytes: 396 + 664 + 5888,
    });
    expect(estimateTrainingMemory(small, analysis, 'sgd', 32).optimizerBytes).toBe(0);
    expect(estimateTrainingMemory(small, analysis, 'momentum', 32).optimizerBytes).toBe(332);
    expect(estimateTrainingMemory(small, analysis, 'rmsprop', 32).optimizerBytes).toBe(332);
    expect(estimateTrainingMemory(small, analysis, 'adagrad', 1).activationBytes).toBe(23 * 8);
  });

  it('lets small models train', () => {
    expect(MEMORY_LIMIT_BYTES).toBe(1.5 * 1024 ** 3);
    expect(checkMemory(small, analysis, 'adam', 512)).toBeNull();
  });

  it('refuses huge activations with the figure and a batch size that fits', () => {
    const g = chainOf([
      ['input_1', 'Input', { shape: [128, 128, 3] }],
      ['conv2d_1', 'Conv2D', { filters: 1024, padding: 'same' }],
    ]);
    // (49,152 + 16,777,216) values × 32 × 8 bytes + 28,672 weights × 12 bytes ≈ 4.0 GB;
    // 1.5 GB leaves room for 11 examples, so 8.
    expect(checkMemory(g, analyzeGraph(g, null), 'adam', 32)).toBe(
      'Training this model needs about 4.0 GB of memory, more than the 1.5 GB a browser tab can safely use. Use a smaller batch size (8 fits), or fewer units or filters.',
    );
  });

  it('refuses huge weights naming the biggest layer', () => {
    const g = chainOf([
      ['input_1', 'Input', { shape: [16384] }],
      ['dense_1', 'Dense', { units: 65536 }],
    ]);
    const message = checkMemory(g, analyzeGraph(g, null), 'sgd', 1);
    expect(message).toContain('needs about 4.0 GB');
    expect(message).toContain('Use fewer units or filters in Dense #1 (1,073,807,360 weights)');
  });

  it('formats byte counts', () => {
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GB');
    expect(formatBytes(3 * 1024 ** 2)).toBe('3 MB');
    expect(formatBytes(2048)).toBe('2 KB');
  });
});
