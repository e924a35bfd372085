import { describe, expect, it } from 'vitest';
import { differentDataWarning, metricSeries, runColours } from './compare';
import type { EpochMetrics } from '../train/types';

const epochs: EpochMetrics[] = [
  { epoch: 1, loss: 0.9, valLoss: 1, accuracy: 0.5, valAccuracy: 0.4, durationMs: 500 },
  { epoch: 2, loss: 0.5, valLoss: 0.6, accuracy: 0.7, valAccuracy: 0.6, durationMs: 1500 },
];

describe('comparison helpers', () => {
  it('gives a metric by epoch or by elapsed seconds', () => {
    expect(metricSeries(epochs, 'valLoss', 'epoch', 0)).toEqual([
      { x: 1, y: 1 },
      { x: 2, y: 0.6 },
    ]);
    expect(metricSeries(epochs, 'loss', 'time', 0).map((p) => p.x)).toEqual([0.5, 2]);
    expect(metricSeries(epochs, 'mae', 'epoch', 0)).toEqual([]);
  });

  it('gives distinct colours within a comparison, the same for a run every time', () => {
    const runs = Array.from({ length: 8 }, (_, i) => ({ id: `run-${i}`, createdAt: i }));
    const colours = runColours(runs);
    expect(new Set(colours.values()).size).toBe(8);
    expect(runColours(runs.slice(0, 1)).get('run-0')).toBe(runColours([runs[0]!]).get('run-0'));
  });

  it('warns only when the data differ', () => {
    const d = {
      name: 'Circles',
      n: 400,
      featureShape: [2],
      classNames: ['a', 'b'],
      content: null,
    };
    expect(
      differentDataWarning([
        { name: 'Run 1', dataset: d },
        { name: 'Run 2', dataset: d },
      ]),
    ).toBeNull();
    const w = differentDataWarning([
      { name: 'Run 1', dataset: d },
      { name: 'Run 2', dataset: { ...d, name: 'XOR' } },
    ]);
    expect(w).toMatch(/Run 1: Circles.*Run 2: XOR/);
  });

  it('compares content fingerprints: same name and size but other bytes warns, same bytes do not', () => {
    const fp = (hash: string) => ({ source: 'csv' as const, name: 'a.csv', size: 90, hash });
    const d = (hash: string) => ({
      name: 'a.csv',
      n: 10,
      featureShape: [3],
      classNames: ['no', 'yes'],
      content: fp(hash),
    });
    const same = [
      { name: 'Run 1', dataset: d('m3x2:00000000000000aa') },
      { name: 'Run 2', dataset: d('m3x2:00000000000000aa') },
    ];
    expect(differentDataWarning(same)).toBeNull();
    const w = differentDataWarning([
      ...same,
      { name: 'Run 3', dataset: d('m3x2:11111111000000bb') },
    ]);
    expect(w).toMatch(/same name, different contents/);
    expect(w).toMatch(
      /Run 1, Run 2: a\.csv \(10 rows, 00000000\); Run 3: a\.csv \(10 rows, 11111111\)/,
    );
    // A run from before fingerprints is compared by name, size, shape and classes.
    const old = { name: 'Run 0', dataset: { ...d('x'), content: null } };
    expect(differentDataWarning([old, same[0]!])).toBeNull();
  });
});
