import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSynthetic } from '../../data/synthetic';
import type { Dataset } from '../../data/types';
import { NO_AUGMENTATION } from '../../data/images/types';
import { epochOrder } from '../batches';
import { trainModel } from '../loop';
import { testMlp } from '../testModels';
import { DEFAULT_TRAINING_CONFIG } from '../types';
import { disposeBatch, type DeviceBatch } from './deviceBatch';
import {
  cpuSource,
  openDataSource,
  preparedBytes,
  type DataSource,
  type DataPathLimits,
} from './source';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** 13 RGB 4×4 images as bytes, three classes, normalised per channel. */
function images(augmentation = NO_AUGMENTATION): Dataset {
  const n = 13;
  const size = 4 * 4 * 3;
  return {
    name: 'tiny',
    kind: 'image',
    task: 'multiclass',
    featureShape: [4, 4, 3],
    x: Uint8Array.from({ length: n * size }, (_, i) => (i * 37) % 256),
    xScale: 1 / 255,
    y: Float32Array.from({ length: n }, (_, i) => i % 3),
    n,
    classNames: ['a', 'b', 'c'],
    featureNames: [],
    imagePipeline: { normalize: { mean: [0.4, 0.5, 0.6], std: [0.2, 0.25, 0.3] }, augmentation },
  };
}

const spec = { task: 'multiclass' as const, numClasses: 3, batchSize: 4 };

interface Plain {
  x: number[];
  labels: number[];
  targets: number[];
  mask: number[];
  size: number;
}

/** The real rows of each batch, read back, the batches disposed. */
function read(source: DataSource, order: Int32Array): Plain[] {
  return [...source.batches(order, { pad: true })].map((b: DeviceBatch) => {
    const rowsOf = (t: tf.Tensor) =>
      Array.from(t.dataSync()).slice(0, (t.size / t.shape[0]!) * b.size);
    const plain = {
      x: rowsOf(b.x),
      labels: rowsOf(b.labels),
      targets: rowsOf(b.targets),
      mask: Array.from(b.mask.dataSync()),
      size: b.size,
    };
    disposeBatch(b);
    return plain;
  });
}

function expectSameBatches(got: Plain[], want: Plain[]): void {
  expect(got.map((b) => b.size)).toEqual(want.map((b) => b.size));
  got.forEach((b, i) => {
    const w = want[i]!;
    expect(b.labels).toEqual(w.labels);
    expect(b.targets).toEqual(w.targets);
    expect(b.mask).toEqual(w.mask);
    b.x.forEach((v, j) => expect(v).toBeCloseTo(w.x[j]!, 5));
  });
}

describe('data sources', () => {
  const order = epochOrder(
    Int32Array.from({ length: 13 }, (_, i) => i),
    7,
    2,
  );

  it('gather on the device the same batches as the CPU path (same seed, same order)', () => {
    const ds = images();
    const start = tf.memory().numTensors;
    const resident = openDataSource(tf, ds, spec, { deviceOnAnyBackend: true });
    expect(resident.kind).toBe('resident');
    const want = read(cpuSource(tf, ds, spec), order);
    expect(want.map((b) => b.size)).toEqual([4, 4, 4, 1]);
    expect(want[3]!.mask).toEqual([1, 0, 0, 0]);
    expectSameBatches(read(resident, order), want);
    resident.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('stream chunks of batches with the same batches when the data is above the limit', () => {
    const ds = images();
    const start = tf.memory().numTensors;
    // Two batches per chunk: chunks of 8 and 5 rows.
    const limits = { residentLimitBytes: 1, chunkBytes: 2 * preparedBytes(ds, spec, 4) };
    const streaming = openDataSource(tf, ds, spec, { ...limits, deviceOnAnyBackend: true });
    expect(streaming.kind).toBe('streaming');
    expect(streaming.notice).toMatch(/above the resident limit/);
    expectSameBatches(read(streaming, order), read(cpuSource(tf, ds, spec), order));
    // Leaving an epoch early frees its chunks too.
    for (const b of streaming.batches(order, { pad: true })) {
      disposeBatch(b);
      break;
    }
    streaming.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('make augmented batches on the CPU', () => {
    const source = openDataSource(tf, images({ ...NO_AUGMENTATION, flipHorizontal: 0.5 }), spec);
    expect(source.kind).toBe('cpu');
  });

  it('fall back to streaming, with a notice, when the upload fails', () => {
    let failed = false;
    const failing = new Proxy(tf, {
      get(target, key: keyof typeof tf) {
        if (key !== 'tensor' || failed) return target[key];
        failed = true;
        return () => {
          throw new Error('out of memory');
        };
      },
    });
    const source = openDataSource(failing, images(), spec, { deviceOnAnyBackend: true });
    expect(source.kind).toBe('streaming');
    expect(source.notice).toMatch(/could not be kept on the device \(out of memory\)/);
    source.dispose();
  });
});

describe('trainModel on each data path', () => {
  it('reaches the same weights streaming as resident, and frees the data', async () => {
    const ds = makeSynthetic('circles', 90, 0.1, 3);
    const split = {
      train: Int32Array.from({ length: 70 }, (_, i) => i),
      validation: Int32Array.from({ length: 20 }, (_, i) => 70 + i),
      test: new Int32Array(0),
    };
    const config = { ...DEFAULT_TRAINING_CONFIG, batchSize: 16, epochs: 3, seed: 4 };
    const train = async (dataLimits: DataPathLimits) => {
      const model = testMlp(tf, 2, [8], 1, 5);
      const start = tf.memory().numTensors;
      const paths: string[] = [];
      const losses: number[] = [];
      const result = await trainModel({
        tf,
        model,
        dataset: ds,
        split,
        config,
        dataLimits,
        hooks: { onDataPath: (p) => paths.push(p.kind), onEpoch: (m) => losses.push(m.valLoss) },
      });
      expect(result.status).toBe('completed');
      expect(tf.memory().numTensors).toBe(start);
      const weights = model.getWeights().map((w) => Array.from(w.dataSync()));
      model.dispose();
      return { paths, losses, weights };
    };
    const resident = await train({ residentLimitBytes: 2 ** 20, deviceOnAnyBackend: true });
    const streaming = await train({
      residentLimitBytes: 1,
      chunkBytes: 3 * 16 * 16,
      deviceOnAnyBackend: true,
    });
    // On the CPU backend a run takes the CPU batch path, and ends with the same weights.
    const onCpu = await train({ residentLimitBytes: 2 ** 20 });
    expect(onCpu.paths).toEqual(['cpu']);
    expect(onCpu.weights).toEqual(resident.weights);
    expect(resident.paths).toEqual(['resident']);
    expect(streaming.paths).toEqual(['streaming']);
    expect(streaming.losses).toEqual(resident.losses);
    expect(streaming.weights).toEqual(resident.weights);
  });
});
