import { describe, expect, it } from 'vitest';
import {
  epochWindow,
  formatSummary,
  parsePpid,
  parseVmRssKiB,
  percentile,
  perSecond,
  summarize,
  validateResults,
} from './stats.mjs';

describe('bench statistics', () => {
  it('summarizes with median, min and max', () => {
    expect(summarize([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, n: 3 });
    expect(summarize([4, 1, 2, 3])).toEqual({ median: 2.5, min: 1, max: 4, n: 4 });
    expect(summarize([NaN])).toEqual({ median: null, min: null, max: null, n: 0 });
  });
  it('computes nearest-rank percentiles', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 95)).toBe(95);
    expect(percentile(v, 100)).toBe(100);
    expect(percentile([], 50)).toBeNull();
  });
  it('formats a summary', () => {
    expect(formatSummary({ median: 2, min: 1, max: 3, n: 3 }, 1, ' s')).toBe('2.0 s (1.0–3.0)');
    expect(formatSummary({ median: null, min: null, max: null, n: 0 })).toBe('n/a');
  });
  it('validates the results schema', () => {
    const ok = {
      date: '2026-11-26',
      commit: 'abc',
      smoke: true,
      environment: {},
      figures: [
        { name: 'x', unit: 's', samples: [1], summary: { median: 1, min: 1, max: 1, n: 1 } },
      ],
    };
    expect(validateResults(ok)).toEqual([]);
    expect(validateResults({ ...ok, figures: [{ name: 1 }] }).length).toBeGreaterThan(0);
    expect(validateResults(null)).toEqual(['results must be an object']);
  });
  it('computes rates per second', () => {
    expect(perSecond(133, 10_000)).toBeCloseTo(13.3);
    expect(perSecond(1000, 250)).toBe(4000);
    expect(perSecond(1, 0)).toBeNull();
    expect(perSecond(1, NaN)).toBeNull();
  });
  it('reads VmRSS and the parent pid from /proc', () => {
    const status = 'Name:\tchromium\nVmPeak:\t  900 kB\nVmRSS:\t  123456 kB\nThreads:\t9\n';
    expect(parseVmRssKiB(status)).toBe(123456);
    expect(parseVmRssKiB('Name:\tkthreadd\n')).toBeNull();
    expect(parsePpid('4242 (chromium) S 4200 4242 4200 0 -1')).toBe(4200);
    expect(parsePpid('77 (Web Content (x) 1) R 5 77 5 0')).toBe(5);
    expect(parsePpid('garbage')).toBeNull();
  });

  it('times whole epochs after epoch 2, until the window is long enough', () => {
    // 10 rows in batches of 4: 3 batches an epoch; each batch ends 100 ms after the last.
    const times = Array.from({ length: 15 }, (_, i) => 100 * (i + 1));
    // Epoch 2 ends at batch 6 (600 ms); epoch 3 at 900, epoch 4 at 1,200, epoch 5 at 1,500.
    expect(epochWindow(times, 10, 4, 250)).toEqual({
      epochs: 1,
      ms: 300,
      samplesPerSec: 10_000 / 300,
    });
    expect(epochWindow(times, 10, 4, 301)).toEqual({
      epochs: 2,
      ms: 600,
      samplesPerSec: 20_000 / 600,
    });
    // Not long enough yet, or epoch 2 not over.
    expect(epochWindow(times, 10, 4, 901)).toBeNull();
    expect(epochWindow(times.slice(0, 8), 10, 4, 1)).toBeNull();
    expect(epochWindow([], 10, 4, 1)).toBeNull();
  });
});
