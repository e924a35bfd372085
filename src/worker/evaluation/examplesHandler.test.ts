import { describe, expect, it } from 'vitest';
import { makeSynthetic } from '../../core/data/synthetic';
import type { Dataset } from '../../core/data/types';
import type { DataFingerprint } from '../../core/runs/fingerprint';
import { answerExamples, examplesTransfer } from './examplesHandler';

const fp = (hash: string): DataFingerprint => ({ source: 'builtin', name: 'd', size: 0, hash });
const noCsv = () => undefined;

const images: Dataset = {
  name: 'tiny images',
  kind: 'image',
  task: 'binary',
  featureShape: [2, 2, 1],
  x: Uint8Array.from({ length: 12 }, (_, i) => i * 20),
  xScale: 1 / 255,
  y: Float32Array.of(0, 1, 0),
  n: 3,
  classNames: ['a', 'b'],
  featureNames: [],
};

describe('examples from the loaded dataset', () => {
  it('gives image rows as their bytes, in the order asked, to transfer', () => {
    const answer = answerExamples(
      { current: images, fingerprint: fp('m3x2:1') },
      { requestId: 1, rows: Int32Array.of(2, 0), fingerprint: fp('m3x2:1') },
      noCsv,
    );
    expect(answer).toEqual({
      type: 'examplesResult',
      requestId: 1,
      examples: {
        kind: 'images',
        width: 2,
        height: 2,
        channels: 1,
        pixels: [Uint8Array.of(160, 180, 200, 220), Uint8Array.of(0, 20, 40, 60)],
      },
    });
    // Copies, so transferring them leaves the dataset whole.
    expect(examplesTransfer(answer)).toHaveLength(2);
    expect(examplesTransfer(answer)[0]).not.toBe(images.x.buffer);
  });

  it("gives a built-in table's raw features under their names", () => {
    const ds = { ...makeSynthetic('xor', 10, 0, 1), featureNames: ['a', 'b'] };
    const answer = answerExamples(
      { current: ds, fingerprint: null },
      { requestId: 2, rows: Int32Array.of(3), fingerprint: null },
      noCsv,
    );
    expect(answer).toEqual({
      type: 'examplesResult',
      requestId: 2,
      examples: {
        kind: 'table',
        table: {
          columns: ['a', 'b'],
          rows: [[Number(ds.x[6]!.toPrecision(7)), Number(ds.x[7]!.toPrecision(7))]],
        },
      },
    });
  });

  it("says the dataset is not loaded when the worker holds another run's data", () => {
    const ask = (loaded: DataFingerprint | null, rows = Int32Array.of(0)) =>
      answerExamples(
        { current: images, fingerprint: loaded },
        { requestId: 3, rows, fingerprint: fp('m3x2:1') },
        noCsv,
      );
    expect(ask(fp('m3x2:2'))).toMatchObject({
      type: 'evaluationFailed',
      reason: 'datasetNotLoaded',
      message: 'The loaded dataset (tiny images) is not the one this run used.',
    });
    expect(ask(null)).toMatchObject({ reason: 'datasetNotLoaded' });
    expect(ask(fp('m3x2:1'), Int32Array.of(3))).toMatchObject({ reason: 'datasetNotLoaded' });
    expect(
      answerExamples(
        { current: null, fingerprint: null },
        { requestId: 4, rows: Int32Array.of(0), fingerprint: null },
        noCsv,
      ),
    ).toMatchObject({ reason: 'datasetNotLoaded', message: 'No dataset is loaded.' });
  });
});
