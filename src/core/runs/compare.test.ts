import { describe, expect, it } from 'vitest';
import {
  differentDataWarning,
  formatAxisTick,
  metricAxis,
  metricSeries,
  runColours,
} from './compare';
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

describe('comparison chart axes', () => {
  it('keeps an accuracy axis inside [0, 1], widened to the next 0.05', () => {
    // Run 1 climbs to 0.99, run 2 stays at 0.5: recharts' own axis went to 1.05.
    expect(metricAxis('accuracy', [0.59, 0.74, 0.99, 0.5, 0.5])?.domain).toEqual([0.5, 1]);
    expect(metricAxis('valAccuracy', [0.312, 0.874])?.domain).toEqual([0.3, 0.9]);
    expect(metricAxis('accuracy', [0.02, 0.4])?.domain).toEqual([0, 0.4]);
  });

  it('does not widen a value already on the 0.05 grid (0.95 is not 0.9500000000000001)', () => {
    expect(metricAxis('accuracy', [0.95, 0.7])?.domain).toEqual([0.7, 0.95]);
  });

  it('gives a flat accuracy series some room, still inside [0, 1]', () => {
    expect(metricAxis('accuracy', [0.5, 0.5])?.domain).toEqual([0.45, 0.55]);
    expect(metricAxis('valAccuracy', [1, 1])?.domain).toEqual([0.95, 1]);
    expect(metricAxis('accuracy', [0, 0])?.domain).toEqual([0, 0.05]);
  });

  it('leaves unbounded metrics to the chart, and ignores values that are not finite', () => {
    expect(metricAxis('loss', [0.1, 8])).toBeUndefined();
    expect(metricAxis('valMae', [3])).toBeUndefined();
    expect(metricAxis('accuracy', [NaN, 0.62, 0.81])?.domain).toEqual([0.6, 0.85]);
    expect(metricAxis('accuracy', [])?.domain).toEqual([0, 1]);
  });

  it('puts at most six evenly spaced ticks inside the range', () => {
    expect(metricAxis('accuracy', [0.59, 0.99, 0.5])?.ticks).toEqual([0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(metricAxis('accuracy', [0.45, 0.55])?.ticks).toEqual([0.45, 0.5, 0.55]);
    expect(metricAxis('accuracy', [0.312, 0.874])?.ticks).toEqual([0.4, 0.6, 0.8]);
    expect(metricAxis('accuracy', [0.01, 0.99])?.ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('labels ticks with the digits that tell them apart', () => {
    // toPrecision(2) had printed 1.05 as "1.1" beside 0.90.
    expect([0.45, 0.6, 0.75, 0.9, 1.05].map(formatAxisTick)).toEqual([
      '0.45',
      '0.6',
      '0.75',
      '0.9',
      '1.05',
    ]);
    expect([0, 3, 12, 250.4, 0.0125].map(formatAxisTick)).toEqual([
      '0',
      '3',
      '12',
      '250',
      '0.0125',
    ]);
  });
});
