import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../data/types';
import { buildModel } from '../../graph/build';
import { chainOf, type Stub } from '../../graph/testGraphs';
import { testMlp } from '../testModels';
import { deadUnitFraction } from './deadUnits';
import { histogram } from './histogram';
import { createLayerProbe, measureLayerStats } from './probe';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('histogram (TensorBoard rules)', () => {
  it('spreads values over 30 equal-width buckets of [min, max], the maximum in the last', () => {
    const values = Array.from({ length: 31 }, (_, i) => i); // 0..30
    const h = histogram(values);
    expect(h.left).toBe(0);
    expect(h.right).toBe(30);
    expect(h.counts).toHaveLength(30);
    expect(h.counts.slice(0, 29)).toEqual(new Array(29).fill(1));
    expect(h.counts[29]).toBe(2); // 29 and the maximum 30
  });

  it('puts all-equal values in one bucket [v − 0.5, v + 0.5]', () => {
    expect(histogram([2, 2, 2])).toEqual({ left: 1.5, right: 2.5, counts: [3] });
  });

  it('leaves out non-finite values and gives no buckets for none', () => {
    expect(histogram([NaN, Infinity])).toEqual({ left: 0, right: 0, counts: [] });
    const h = histogram([0, 1, NaN], 2);
    expect(h.counts).toEqual([1, 1]);
  });
});

describe('deadUnitFraction', () => {
  it('counts units whose outputs are zero for at least 99% of the batch', () => {
    // 100 rows × 3 units: unit 0 always zero, unit 1 zero 99 times, unit 2 zero 98 times.
    const out = new Float32Array(300);
    for (let r = 0; r < 100; r++) {
      out[r * 3 + 1] = r === 0 ? 1 : 0;
      out[r * 3 + 2] = r < 2 ? 1 : 0;
    }
    expect(deadUnitFraction(out, 3)).toBeCloseTo(2 / 3);
  });
});

function randomDataset(n: number, features: number, classes: number): Dataset {
  const x = Float32Array.from({ length: n * features }, (_, i) => Math.sin(i * 12.9898) * 2);
  const y = Float32Array.from({ length: n }, (_, i) => i % classes);
  return {
    x,
    y,
    n,
    featureShape: [features],
    xScale: 1,
    task: 'multiclass',
    classNames: Array.from({ length: classes }, (_, i) => `c${i}`),
  } as unknown as Dataset;
}

describe('measureLayerStats', () => {
  const spec = {
    task: 'multiclass',
    loss: 'categoricalCrossentropy',
    numClasses: 3,
    batchSize: 32,
  } as const;

  it('measures every weighted layer and leaves the tensor count flat', async () => {
    const ds = randomDataset(300, 4, 3);
    const model = testMlp(tf, 4, [8], 3, 1);
    const probe = createLayerProbe(
      tf,
      model,
      ds,
      Int32Array.from({ length: 300 }, (_, i) => i),
      7,
      spec,
    );
    expect(probe.size).toBe(256);
    await measureLayerStats(tf, probe, 1); // warm-up: TF.js caches some constants once
    const before = tf.memory().numTensors;
    const stats = await measureLayerStats(tf, probe, 2);
    expect(tf.memory().numTensors).toBe(before);
    expect(stats.epoch).toBe(2);
    expect(stats.layers.map((l) => l.units)).toEqual([8, 3]);
    const [hidden, output] = stats.layers;
    expect(hidden!.weights.counts.reduce((a, b) => a + b, 0)).toBe(4 * 8);
    expect(hidden!.activations.counts.reduce((a, b) => a + b, 0)).toBe(256 * 8);
    expect(hidden!.deadFraction).toBeGreaterThanOrEqual(0);
    expect(output!.deadFraction).toBeUndefined();
    model.dispose();
  });

  it('gives the RMS gradient, norm / √params, as TF.js computes it', async () => {
    const ds = randomDataset(50, 4, 3);
    const model = testMlp(tf, 4, [5], 3, 2);
    const rows = Int32Array.from({ length: 50 }, (_, i) => i);
    const probe = createLayerProbe(tf, model, ds, rows, 3, spec);
    const stats = await measureLayerStats(tf, probe, 1);
    // Independent reference: model.predict and tf.grads over the same 50 rows.
    const x = tf.tensor2d(ds.x, [50, 4]);
    const t = tf.oneHot(tf.tensor1d(ds.y, 'int32'), 3).toFloat();
    const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { grads } = tf.variableGrads(
      () =>
        tf.losses.softmaxCrossEntropy(t, tf.log(model.predict(x) as tf.Tensor)).mean() as tf.Scalar,
      vars,
    );
    // softmaxCrossEntropy of log-probabilities re-normalises: the same loss as categorical CE.
    const norms = [0, 2].map((k) => {
      const ss = [vars[k]!, vars[k + 1]!].reduce(
        (a, v) => a + tf.sum(tf.square(grads[v.name]!)).dataSync()[0]!,
        0,
      );
      const params = vars[k]!.size + vars[k + 1]!.size;
      return Math.sqrt(ss / params);
    });
    // 50 rows in chunks of the batch size (32 + 18 padded to 32): padded rows count nowhere.
    expect(probe.chunks.map((c) => [c.size, c.padded])).toEqual([
      [32, 32],
      [18, 32],
    ]);
    expect(stats.layers[0]!.activations.counts.reduce((a, b) => a + b, 0)).toBe(50 * 5);
    expect(stats.layers[0]!.gradRms).toBeCloseTo(norms[0]!, 5);
    expect(stats.layers[1]!.gradRms).toBeCloseTo(norms[1]!, 5);
    tf.dispose([x, t, ...Object.values(grads)]);
    model.dispose();
  });

  it('counts dead units of a ReLU layer; a LeakyReLU after a linear one has none', async () => {
    const ds = randomDataset(40, 4, 3);
    const rows = Int32Array.from({ length: 40 }, (_, i) => i);
    const measure = async (stubs: Stub[]) => {
      const model = buildModel(tf, chainOf(stubs), 1);
      // A bias of −1 and a zero kernel: every pre-activation of `h` is −1.
      const h = model.getLayer('h');
      const fresh = h
        .getWeights()
        .map((w, i) => (i === 0 ? tf.zerosLike(w) : tf.fill(w.shape, -1)));
      h.setWeights(fresh);
      tf.dispose(fresh);
      const stats = await measureLayerStats(tf, createLayerProbe(tf, model, ds, rows, 7, spec), 1);
      model.dispose();
      return stats.layers;
    };
    const input: Stub = ['in', 'Input', { shape: [4] }];
    const output: Stub = ['out', 'Dense', { units: 3, activation: 'softmax' }];
    const relu = await measure([input, ['h', 'Dense', { units: 6 }], output]);
    expect(relu.map((l) => [l.layer, l.deadFraction])).toEqual([
      ['h', 1],
      ['out', undefined],
    ]);
    const leaky = await measure([
      input,
      ['h', 'Dense', { units: 6, activation: 'linear' }],
      ['lr', 'LeakyReLU'],
      output,
    ]);
    // The LeakyReLU has no weights to measure, and its outputs are −0.3, never zero.
    expect(leaky.map((l) => [l.layer, l.deadFraction])).toEqual([
      ['h', undefined],
      ['out', undefined],
    ]);
  });
});
