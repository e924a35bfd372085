import 'fake-indexeddb/auto';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeSynthetic } from '../../core/data/synthetic';
import { buildModel } from '../../core/graph/build';
import { defaultGraph } from '../../core/graph/presets';
import { putCheckpoints } from '../../core/runs/runsDb';
import { captureCheckpoint } from '../../core/train/checkpoint';
import { prepareRun } from '../../core/train/run';
import { DEFAULT_TRAINING_CONFIG } from '../../core/train/types';
import { rememberCheckpoint, rememberRunStart } from '../export/exportHandler';
import { decodeImages } from '../images/decodeImages';
import type { TryModelRef } from './messages';
import { answerTryModel, pixelsOfImage } from './tryModelHandler';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A trained-enough model of the circles set and the run reference the page would send. */
async function circlesRun(runId: string) {
  const graph = defaultGraph();
  const ds = makeSynthetic('circles', 60, 0.1, 1);
  const prepared = prepareRun(ds, graph, DEFAULT_TRAINING_CONFIG);
  if (!prepared.ok) throw new Error(prepared.message);
  const model = buildModel(tf, graph, 7);
  const optimizer = tf.train.adam(0.01);
  const checkpoint = await captureCheckpoint(model, optimizer, 1, 5);
  optimizer.dispose();
  const ref: TryModelRef = {
    runId,
    graph,
    seed: DEFAULT_TRAINING_CONFIG.seed,
    checkpointEpoch: null,
    preprocessing: prepared.preprocessing,
    image: null,
  };
  return { ds, prepared, model, checkpoint, ref };
}

describe('Try the model in the worker', () => {
  it("predicts with the last trained run's weights, as the model itself does", async () => {
    const { ds, prepared, model, checkpoint, ref } = await circlesRun('live');
    rememberRunStart(
      'live',
      ref.graph,
      DEFAULT_TRAINING_CONFIG,
      prepared.split,
      prepared.preprocessing,
    );
    rememberCheckpoint(checkpoint);
    const before = tf.memory().numTensors;
    const r = 5;
    const [fx, fy] = prepared.preprocessing.featureNames as [string, string];
    const values = { [fx]: String(ds.x[r * 2]), [fy]: String(ds.x[r * 2 + 1]) };
    const answer = await answerTryModel(tf, {
      requestId: 1,
      model: ref,
      input: { kind: 'values', values },
    });
    const expected = tf.tidy(() =>
      (model.predict(tf.tensor2d([[ds.x[r * 2]!, ds.x[r * 2 + 1]!]])) as tf.Tensor).dataSync(),
    );
    expect(answer).toMatchObject({ type: 'tryResult', requestId: 1, seen: null });
    if (answer.type !== 'tryResult' || answer.prediction.kind !== 'classes')
      throw new Error('no prediction');
    expect(answer.prediction.probabilities).toHaveLength(2);
    // One sigmoid unit: P(class 1) is the model's output.
    expect(answer.prediction.probabilities[1]).toBeCloseTo(expected[0]!, 6);
    expect(expected[0]).not.toBeCloseTo(0.5, 3);
    // The cached model is kept; nothing else stays behind.
    const again = await answerTryModel(tf, {
      requestId: 2,
      model: ref,
      input: { kind: 'values', values },
    });
    expect(again.type).toBe('tryResult');
    expect(tf.memory().numTensors).toBe(before + model.weights.length);
    model.dispose();
  });

  it("loads a stored run's final checkpoint from IndexedDB, and says when it is gone", async () => {
    const { model, checkpoint, ref, prepared } = await circlesRun('stored');
    await putCheckpoints('stored', [checkpoint]);
    const [fx, fy] = prepared.preprocessing.featureNames as [string, string];
    const input = { kind: 'values', values: { [fx]: '0.3', [fy]: '-0.2' } } as const;
    const answer = await answerTryModel(tf, {
      requestId: 3,
      model: { ...ref, checkpointEpoch: 1 },
      input,
    });
    const expected = tf.tidy(() =>
      (model.predict(tf.tensor2d([[0.3, -0.2]])) as tf.Tensor).dataSync(),
    );
    if (answer.type !== 'tryResult' || answer.prediction.kind !== 'classes')
      throw new Error(JSON.stringify(answer));
    expect(answer.prediction.probabilities[1]).toBeCloseTo(expected[0]!, 6);
    expect(expected[0]).not.toBeCloseTo(0.5, 3);
    model.dispose();

    expect(
      await answerTryModel(tf, { requestId: 4, model: { ...ref, checkpointEpoch: 9 }, input }),
    ).toEqual({
      type: 'evaluationFailed',
      requestId: 4,
      reason: 'error',
      message: 'The weights of this run are no longer stored.',
    });
    expect(await answerTryModel(tf, { requestId: 5, model: ref, input })).toMatchObject({
      type: 'evaluationFailed',
      message: expect.stringMatching(/not stored/),
    });
  });
});

describe('a drawing reaches the model as an uploaded image would', () => {
  // Node has no image decoder nor OffscreenCanvas. The stand-ins below resample a known
  // 8×8 bitmap by box averaging, honouring createImageBitmap's resize options, a source
  // rectangle in drawImage and the white composite, so the two paths can be compared.
  interface FakeBitmap {
    width: number;
    height: number;
    rgba: Uint8ClampedArray;
    close(): void;
  }
  const sources = new WeakMap<Blob, FakeBitmap>();
  const boxResize = (
    src: FakeBitmap,
    sx: number,
    sy: number,
    sw: number,
    sh: number,
    w: number,
    h: number,
  ) => {
    const out = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        for (let c = 0; c < 4; c++) {
          let sum = 0;
          let n = 0;
          for (let v = Math.floor(sy + (y * sh) / h); v < sy + ((y + 1) * sh) / h; v++)
            for (let u = Math.floor(sx + (x * sw) / w); u < sx + ((x + 1) * sw) / w; u++) {
              sum += src.rgba[(v * src.width + u) * 4 + c]!;
              n++;
            }
          out[(y * w + x) * 4 + c] = Math.round(sum / n);
        }
    return out;
  };
  const bitmapOf = (width: number, height: number, rgba: Uint8ClampedArray): FakeBitmap => ({
    width,
    height,
    rgba,
    close() {},
  });
  class FakeCanvas {
    rgba: Uint8ClampedArray;
    constructor(
      readonly width: number,
      readonly height: number,
    ) {
      this.rgba = new Uint8ClampedArray(width * height * 4);
    }
    getContext() {
      return {
        fillStyle: '',
        imageSmoothingQuality: 'low',
        fillRect: () => this.rgba.fill(255),
        drawImage: (b: FakeBitmap, ...a: number[]) => {
          const [sx, sy, sw, sh] = a.length === 8 ? a : [0, 0, b.width, b.height];
          this.rgba = boxResize(b, sx!, sy!, sw!, sh!, this.width, this.height);
        },
        getImageData: () => ({ data: this.rgba }),
      };
    }
  }

  beforeAll(() => {
    vi.stubGlobal('OffscreenCanvas', FakeCanvas);
    vi.stubGlobal('createImageBitmap', async (source: Blob | FakeBitmap, o: ImageBitmapOptions) => {
      const b = source instanceof Blob ? sources.get(source)! : source;
      if (!o.resizeWidth || !o.resizeHeight) return bitmapOf(b.width, b.height, b.rgba);
      const rgba = boxResize(b, 0, 0, b.width, b.height, o.resizeWidth, o.resizeHeight);
      return bitmapOf(o.resizeWidth, o.resizeHeight, rgba);
    });
  });
  afterAll(() => vi.unstubAllGlobals());

  for (const centerCrop of [false, true]) {
    it(`gives the pixels image ingest gives the same image${centerCrop ? ', centre-cropped' : ''}`, async () => {
      // A known 12×8 image: a bright diagonal bar on black with a red corner.
      const [w, h] = [12, 8];
      const rgba = new Uint8ClampedArray(w * h * 4);
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const i = (y * w + x) * 4;
          const bar = Math.abs(x - y - 2) <= 1 ? 230 : 0;
          rgba.set([x < 3 && y < 3 ? 255 : bar, bar, bar, 255], i);
        }
      const file = new Blob(['img']);
      sources.set(file, bitmapOf(w, h, rgba));
      const decode = { size: { width: 4, height: 4 }, color: 'grayscale', centerCrop } as const;
      const choice = {
        kind: 'upload',
        format: 'images',
        uploadId: 'u',
        name: 'shapes',
        decode,
        scaling: 'unit',
        augmentation: null!,
      } as const;
      const files = new Map([
        ['a/1.png', file],
        ['b/1.png', file],
      ]);
      const ctx = {
        requestId: 1,
        realGpu: false,
        signal: new AbortController().signal,
        decodeDelayMs: 0,
        onProgress: () => {},
      };
      const { dataset } = await decodeImages(choice, files, { directories: [], rejected: [] }, ctx);
      const ingested = dataset.x.subarray(0, 16);

      const drawing = bitmapOf(w, h, rgba) as unknown as ImageBitmap;
      const ref: TryModelRef = {
        runId: 'img',
        graph: defaultGraph(),
        seed: 1,
        checkpointEpoch: null,
        preprocessing: {
          format: 'train-smarter-preprocessing',
          version: 1,
          datasetName: dataset.name,
          kind: 'image',
          task: 'binary',
          featureShape: [4, 4, 1],
          featureNames: [],
          classNames: ['a', 'b'],
          inputScale: 1 / 255,
          standardization: null,
        },
        image: { width: 4, height: 4, channels: 1, centerCrop, normalize: null },
      };
      const seen = await pixelsOfImage(drawing, ref);
      expect(Array.from(seen.pixels)).toEqual(Array.from(ingested));
      // And the image is not blank: the comparison means something.
      expect(new Set(seen.pixels).size).toBeGreaterThan(2);
    });
  }
});
