import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  adjustBrightness,
  adjustContrast,
  affine,
  augmentImage,
  flipHorizontal,
  flipVertical,
} from './augment';
import { finishImageBatch } from './batch';
import { NO_AUGMENTATION, type AugmentationSpec } from './types';
import { makeRng } from '../../train/random';
import { gatherBatch, trainingBatches } from '../../train/batches';
import type { Dataset } from '../types';

const shapeArb = fc.record({
  height: fc.integer({ min: 1, max: 6 }),
  width: fc.integer({ min: 1, max: 6 }),
  channels: fc.constantFrom(1, 3),
});
const imageArb = shapeArb.chain((s) =>
  fc
    .float32Array({
      min: 0,
      max: 1,
      noNaN: true,
      minLength: s.height * s.width * s.channels,
      maxLength: s.height * s.width * s.channels,
    })
    .map((img) => ({ s, img })),
);

const STRONG: AugmentationSpec = {
  flipHorizontal: 0.5,
  flipVertical: 0.5,
  rotation: 45,
  shift: 0.2,
  zoom: 0.3,
  brightness: 0.4,
  contrast: 0.5,
};

describe('augmentation', () => {
  it('flipping twice is the identity', () => {
    fc.assert(
      fc.property(imageArb, ({ s, img }) => {
        expect(flipHorizontal(flipHorizontal(img, s), s)).toEqual(img);
        expect(flipVertical(flipVertical(img, s), s)).toEqual(img);
      }),
    );
  });

  it('a horizontal flip mirrors columns', () => {
    const s = { height: 1, width: 3, channels: 1 };
    expect([...flipHorizontal(Float32Array.from([1, 2, 3]), s)]).toEqual([3, 2, 1]);
    const v = { height: 2, width: 1, channels: 2 };
    expect([...flipVertical(Float32Array.from([1, 2, 3, 4]), v)]).toEqual([3, 4, 1, 2]);
  });

  it('rotation 0 (no zoom, no shift) is the identity', () => {
    fc.assert(
      fc.property(imageArb, ({ s, img }) => {
        expect(affine(img, s, { rotation: 0, scale: 1, shiftX: 0, shiftY: 0 })).toEqual(img);
        expect(augmentImage(img, s, NO_AUGMENTATION, makeRng(3))).toEqual(img);
      }),
    );
  });

  it('rotating a square image by 90° moves a corner pixel to the next corner', () => {
    const s = { height: 3, width: 3, channels: 1 };
    const img = new Float32Array(9);
    img[0] = 1; // top-left
    const out = affine(img, s, { rotation: 90, scale: 1, shiftX: 0, shiftY: 0 });
    // Clockwise on screen (y down): top-left goes to top-right.
    expect(out[2]).toBeCloseTo(1, 5);
    expect(out[0]).toBeCloseTo(0, 5);
  });

  it('values stay in [0, 1] under every transform', () => {
    fc.assert(
      fc.property(imageArb, fc.integer(), ({ s, img }, seed) => {
        const out = augmentImage(img, s, STRONG, makeRng(seed));
        expect(out.length).toBe(img.length);
        for (const v of out) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        for (const v of adjustBrightness(img, 0.9)) expect(v).toBeLessThanOrEqual(1);
        for (const v of adjustContrast(img, 3)) expect(v).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('does not modify its input', () => {
    const s = { height: 4, width: 4, channels: 3 };
    const img = Float32Array.from({ length: 48 }, (_, i) => (i % 7) / 7);
    const copy = img.slice();
    augmentImage(img, s, STRONG, makeRng(1));
    expect(img).toEqual(copy);
  });
});

function imageDataset(augmentation: AugmentationSpec | null): Dataset {
  const n = 6;
  const size = 4 * 4 * 3;
  return {
    name: 'tiny',
    kind: 'image',
    task: 'binary',
    featureShape: [4, 4, 3],
    x: Uint8Array.from({ length: n * size }, (_, i) => (i * 37) % 256),
    xScale: 1 / 255,
    y: Float32Array.from({ length: n }, (_, i) => i % 2),
    n,
    classNames: ['a', 'b'],
    featureNames: [],
    imagePipeline: { normalize: null, augmentation },
  };
}

describe('augmented training batches', () => {
  const rows = Int32Array.from([0, 1, 2, 3, 4, 5]);
  const xs = (ds: Dataset, seed: number, epoch: number) =>
    [...trainingBatches(ds, rows, 4, seed, epoch)].map((b) => [...b.x]);

  it('the same seed gives the same augmented batches; another epoch differs', () => {
    const ds = imageDataset(STRONG);
    expect(xs(ds, 7, 1)).toEqual(xs(ds, 7, 1));
    expect(xs(ds, 7, 2)).not.toEqual(xs(ds, 7, 1));
  });

  it('augments training batches but not evaluation batches', () => {
    const plain = gatherBatch(imageDataset(null), rows);
    const evaluation = gatherBatch(imageDataset(STRONG), rows);
    expect(evaluation.x).toEqual(plain.x);
    const trained = [...trainingBatches(imageDataset(STRONG), rows, 6, 7, 1)][0]!;
    const unaugmented = [...trainingBatches(imageDataset(null), rows, 6, 7, 1)][0]!;
    expect(trained.rows).toEqual(unaugmented.rows);
    expect(trained.x).not.toEqual(unaugmented.x);
  });

  it('normalises per channel after augmentation', () => {
    const x = Float32Array.from([0.5, 0.5, 0.5, 1, 1, 1]);
    finishImageBatch(
      x,
      2,
      [1, 1, 3],
      { normalize: { mean: [0.5, 0.4, 0.3], std: [0.5, 0.2, 0.1] }, augmentation: null },
      null,
    );
    expect([...x].map((v) => Number(v.toFixed(4)))).toEqual([0, 0.5, 2, 1, 3, 7]);
  });
});
