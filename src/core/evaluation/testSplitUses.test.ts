import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING_CONFIG } from '../train/types';
import { sameTestSplit, testSplitUses } from './testSplitUses';

const content = (hash: string) => ({
  source: 'csv' as const,
  name: 'data.csv',
  size: 10,
  hash: `m3x2:${hash}`,
});

type Run = Parameters<typeof testSplitUses>[0];

function run(id: string, patch: Partial<Run> = {}, hash = '00000000000000aa'): Run {
  return {
    id,
    name: id,
    dataset: { name: 'data.csv', n: 10, featureShape: [2], classNames: [], content: content(hash) },
    config: DEFAULT_TRAINING_CONFIG,
    evaluation: { loss: 0.5, accuracy: 0.8 },
    ...patch,
  };
}

describe('test split uses', () => {
  it('counts evaluated runs on the same data, seed and split, this one once', () => {
    const me = run('a');
    const runs = [
      me,
      run('b'),
      run('other-data', {}, '00000000000000bb'),
      run('other-seed', { config: { ...DEFAULT_TRAINING_CONFIG, seed: 99 } }),
      run('other-split', {
        config: { ...DEFAULT_TRAINING_CONFIG, split: { train: 0.8, validation: 0.1, test: 0.1 } },
      }),
      run('not-evaluated', { evaluation: null }),
      run('other-settings', { config: { ...DEFAULT_TRAINING_CONFIG, learningRate: 0.5 } }),
    ];
    expect(testSplitUses(me, runs)).toBe(3);
    // The run not yet in the list still counts itself.
    expect(testSplitUses(me, runs.slice(1))).toBe(3);
  });

  it('a run without an evaluation has a split used only by the others', () => {
    const me = run('a', { evaluation: null });
    expect(testSplitUses(me, [me, run('b')])).toBe(1);
    expect(testSplitUses(me, [])).toBe(0);
  });

  it('older records without a content fingerprint match by name and size', () => {
    const old = (id: string, n: number) =>
      run(id, {
        dataset: { name: 'Wine', n, featureShape: [13], classNames: ['a'], content: null },
      });
    expect(sameTestSplit(old('a', 178), old('b', 178))).toBe(true);
    expect(sameTestSplit(old('a', 178), old('b', 170))).toBe(false);
  });
});
