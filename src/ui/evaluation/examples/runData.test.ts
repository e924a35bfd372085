import { describe, expect, it } from 'vitest';
import type { DatasetSummary } from '../../../core/data/types';
import type { DataFingerprint } from '../../../core/runs/fingerprint';
import { runDataState } from './runData';

const fp = (hash: string): DataFingerprint => ({ source: 'csv', name: 'f.csv', size: 10, hash });
const summary = (fingerprint?: DataFingerprint): DatasetSummary => ({
  name: 'f.csv',
  kind: 'tabular',
  task: 'binary',
  featureShape: [3],
  n: 40,
  classNames: ['a', 'b'],
  classCounts: [20, 20],
  featureNames: ['x', 'y', 'z'],
  inputScale: 1,
  fingerprint,
});
const record = (content: DataFingerprint | null) => ({
  name: 'Run 1',
  dataset: { name: 'f.csv', n: 40, featureShape: [3], classNames: ['a', 'b'], content },
});

describe('runDataState', () => {
  it('matches by content when the run has a fingerprint', () => {
    expect(runDataState(record(fp('m3x2:1')), summary(fp('m3x2:1')), false)).toBe('loaded');
    expect(runDataState(record(fp('m3x2:1')), summary(fp('m3x2:2')), false)).toBe('other');
    expect(runDataState(record(fp('m3x2:1')), summary(), false)).toBe('other');
  });

  it('matches older runs by name, size, shape and classes', () => {
    expect(runDataState(record(null), summary(fp('m3x2:1')), false)).toBe('loaded');
    expect(runDataState(record(null), { ...summary(), n: 41 }, false)).toBe('other');
  });

  it('waits while a dataset loads, and has nothing without one', () => {
    expect(runDataState(record(null), summary(), true)).toBe('loading');
    expect(runDataState(record(null), null, false)).toBe('other');
  });
});
