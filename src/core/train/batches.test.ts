import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { batchCount, epochOrder, gatherBatch, orderedBatches, trainingBatches } from './batches';
import type { Dataset } from '../data/types';

function points(n: number): Dataset {
  return {
    name: 'p',
    kind: 'points2d',
    task: 'binary',
    featureShape: [2],
    x: Float32Array.from({ length: 2 * n }, (_, i) => i),
    xScale: 1,
    y: Float32Array.from({ length: n }, (_, i) => i % 2),
    n,
    classNames: ['0', '1'],
    featureNames: ['a', 'b'],
  };
}

describe('batches', () => {
  it('visits every training row once per epoch, partial last batch kept', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 40 }), (n, bs) => {
        const ds = points(n);
        const rows = Int32Array.from({ length: n }, (_, i) => i);
        const batches = [...trainingBatches(ds, rows, bs, 9, 1)];
        expect(batches.length).toBe(batchCount(n, bs));
        expect(batches.slice(0, -1).every((b) => b.size === bs)).toBe(true);
        const seen = batches.flatMap((b) => [...b.rows]).sort((a, b) => a - b);
        expect(seen).toEqual([...rows]);
        for (const b of batches) {
          b.rows.forEach((r, i) => {
            expect(b.x[2 * i]).toBe(2 * r);
            expect(b.y[i]).toBe(r % 2);
          });
        }
      }),
    );
  });

  it('orders each epoch by seed and epoch', () => {
    const rows = Int32Array.from({ length: 100 }, (_, i) => i);
    expect(epochOrder(rows, 1, 1)).toEqual(epochOrder(rows, 1, 1));
    expect(epochOrder(rows, 1, 2)).not.toEqual(epochOrder(rows, 1, 1));
    expect(epochOrder(rows, 2, 1)).not.toEqual(epochOrder(rows, 1, 1));
    expect(rows[5]).toBe(5);
  });

  it('turns image bytes into scaled floats', () => {
    const ds: Dataset = {
      ...points(2),
      kind: 'image',
      featureShape: [2, 1, 1],
      x: Uint8Array.from([0, 255, 51, 102]),
      xScale: 1 / 255,
    };
    const b = gatherBatch(ds, Int32Array.from([1, 0]));
    expect([...b.x].map((v) => Math.round(v * 100) / 100)).toEqual([0.2, 0.4, 0, 1]);
  });

  it('keeps evaluation batches in order', () => {
    const got = [...orderedBatches(points(5), Int32Array.from([4, 2, 0]), 2)].map((b) => [
      ...b.rows,
    ]);
    expect(got).toEqual([[4, 2], [0]]);
  });
});
