import { describe, expect, it } from 'vitest';
import { IMAGENET_NORMALIZE } from '../data/images/types';
import { prepareCsvSource, csvDatasetForSplit } from '../data/pipeline/source';
import type { ColumnSpec, PipelineSpec } from '../data/pipeline/spec';
import { col, tableOf } from '../data/pipeline/testing';
import { prepareFeatures } from '../data/standardize';
import { makeSynthetic } from '../data/synthetic';
import type { Dataset } from '../data/types';
import { runPreprocessing } from '../export/preprocessing';
import { gatherBatch } from '../train/batches';
import { tryFields } from './fields';
import { imageInput, imageInputSpec, tableInput } from './input';
import { readPrediction, topClass } from './prediction';

const rowOf = (x: Float32Array, d: number, r: number) => Array.from(x.subarray(r * d, (r + 1) * d));

function imageDataset(channels: number, normalize: boolean): Dataset {
  const [h, w, n] = [3, 4, 5];
  const x = Uint8Array.from({ length: n * h * w * channels }, (_, i) => (i * 37) % 256);
  return {
    name: 'imgs',
    kind: 'image',
    task: 'multiclass',
    featureShape: [h, w, channels],
    x,
    xScale: 1 / 255,
    y: Float32Array.of(0, 1, 2, 0, 1),
    n,
    classNames: ['a', 'b', 'c'],
    featureNames: [],
    imagePipeline: { normalize: normalize ? IMAGENET_NORMALIZE : null, augmentation: null },
  };
}

describe('imageInput', () => {
  for (const [channels, normalize] of [
    [1, false],
    [3, true],
    [1, true],
  ] as const) {
    it(`scales ${channels}-channel bytes${normalize ? ' with ImageNet normalisation' : ''} as a training batch does`, () => {
      const ds = imageDataset(channels, normalize);
      const pre = runPreprocessing(ds, null, null);
      const size = 3 * 4 * channels;
      for (let r = 0; r < ds.n; r++) {
        const image = {
          width: 4,
          height: 3,
          channels,
          pixels: ds.x.slice(r * size, (r + 1) * size) as Uint8Array,
        };
        const expected = gatherBatch(ds, Int32Array.of(r)).x;
        expect(Array.from(imageInput(image, pre, ds.imagePipeline!.normalize))).toEqual(
          Array.from(expected),
        );
      }
    });
  }

  it('refuses an image of another size', () => {
    const ds = imageDataset(1, false);
    const pre = runPreprocessing(ds, null, null);
    const image = { width: 3, height: 4, channels: 1, pixels: new Uint8Array(12) };
    expect(() => imageInput(image, pre, null)).toThrow(RangeError);
  });

  it("takes an upload's crop and scaling from its dataset choice", () => {
    const pre = runPreprocessing(imageDataset(3, true), null, null);
    const choice = {
      kind: 'upload',
      format: 'images',
      uploadId: 'u',
      name: 'photos',
      decode: { size: 'auto', color: 'rgb', centerCrop: true },
      scaling: 'imagenet',
      augmentation: null!,
    } as const;
    expect(imageInputSpec(pre, choice)).toEqual({
      width: 4,
      height: 3,
      channels: 3,
      centerCrop: true,
      normalize: IMAGENET_NORMALIZE,
    });
    expect(imageInputSpec(pre, { kind: 'bundled', id: 'fashion-mnist' })).toMatchObject({
      centerCrop: false,
      normalize: null,
    });
  });
});

describe('tableInput', () => {
  it('standardises raw features with the statistics the run fitted', () => {
    const raw: Dataset = {
      ...makeSynthetic('gaussians', 40, 0.2, 3),
      kind: 'tabular',
      featureNames: ['alcohol', 'ash'],
    };
    const train = Int32Array.from({ length: 30 }, (_, i) => i);
    const { dataset, standardization } = prepareFeatures(raw, train);
    const pre = runPreprocessing(raw, standardization, null);
    for (const r of [0, 17, 39]) {
      const values = { alcohol: String(raw.x[r * 2]), ash: String(raw.x[r * 2 + 1]) };
      const got = Array.from(tableInput(pre, values));
      rowOf(dataset.x as Float32Array, 2, r).forEach((v, j) => expect(got[j]).toBeCloseTo(v, 5));
    }
    // An empty field is the training mean.
    expect(Array.from(tableInput(pre, { alcohol: '', ash: 'x' }))).toEqual([0, 0]);
  });

  it("feeds a CSV row's raw cells through the run's fitted pipeline", () => {
    const rows = Array.from({ length: 12 }, (_, i) => [
      String(i * 1.5),
      ['north', 'south', 'east'][i % 3]!,
      i % 4 === 0 ? '' : String(100 - i),
      i % 2 ? 'A' : 'B',
    ]);
    const headers = ['x', 'region', 'z', 'y'];
    const table = tableOf(headers, rows, 'f.csv');
    const numeric: Partial<ColumnSpec> = { missing: 'median', scaling: 'standardize' };
    const spec: PipelineSpec = {
      version: 1,
      target: 'y',
      task: 'binary',
      standardizeTarget: false,
      columns: [
        col('x', 'numeric', numeric),
        col('region', 'categorical'),
        col('z', 'numeric', numeric),
        col('y', 'categorical'),
      ],
    };
    const prepared = prepareCsvSource(table, spec);
    if (!prepared.ok) throw new Error(prepared.message);
    const { dataset, fitted } = csvDatasetForSplit(
      prepared.source,
      { train: 0.7, validation: 0.3, test: 0 },
      4,
    );
    const pre = runPreprocessing(dataset, null, fitted);
    const d = fitted.featureNames.length;
    rows.forEach((cells, r) => {
      const values = Object.fromEntries(headers.map((h, j) => [h, cells[j]!]));
      expect(Array.from(tableInput(pre, values))).toEqual(rowOf(dataset.x as Float32Array, d, r));
    });

    // The form starts from the values a missing cell gets: it predicts a row of missing cells.
    const fields = tryFields(pre);
    expect(fields.map((f) => [f.kind, f.name])).toEqual([
      ['number', 'x'],
      ['choice', 'region'],
      ['number', 'z'],
    ]);
    expect(fields[1]).toMatchObject({ options: ['east', 'north', 'south'] });
    const initial = Object.fromEntries(fields.map((f) => [f.name, f.initial]));
    const fromForm = Array.from(tableInput(pre, initial));
    Array.from(tableInput(pre, {})).forEach((v, j) => expect(fromForm[j]).toBeCloseTo(v, 2));
  });

  it('offers one number field per feature of a built-in table, starting at its mean', () => {
    const pre = {
      featureNames: ['a', 'b'],
      inputScale: 1,
      standardization: { mean: [1.25, -3], std: [2, 1] },
      fittedPipeline: null,
    };
    expect(tryFields(pre)).toEqual([
      { kind: 'number', name: 'a', initial: '1.25' },
      { kind: 'number', name: 'b', initial: '-3' },
    ]);
  });
});

describe('readPrediction', () => {
  it('reads one sigmoid unit as two class probabilities and softmax as it is', () => {
    const pre = { task: 'binary' as const, fittedPipeline: null };
    expect(readPrediction([0.25], pre)).toEqual({ kind: 'classes', probabilities: [0.75, 0.25] });
    expect(
      readPrediction(Float32Array.of(0.5, 0.25, 0.25), { ...pre, task: 'multiclass' }),
    ).toEqual({
      kind: 'classes',
      probabilities: [0.5, 0.25, 0.25],
    });
    expect(topClass([0.2, 0.5, 0.5])).toBe(1);
  });

  it('gives a regression in the target units when the target was standardised', () => {
    const fitted = {
      version: 1 as const,
      columns: [],
      featureNames: [],
      classNames: [],
      target: { mean: 200, std: 50 },
      trainRows: 10,
    };
    expect(readPrediction([-0.5], { task: 'regression', fittedPipeline: fitted })).toEqual({
      kind: 'value',
      value: 175,
    });
    expect(readPrediction([3], { task: 'regression', fittedPipeline: null })).toEqual({
      kind: 'value',
      value: 3,
    });
  });
});
