import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../graph/build';
import type { ModelGraph } from '../../graph/types';
import { logitGraph, logitModel } from './logitModel';
import {
  logitScore,
  noisyCopies,
  percentile,
  saliencyGradient,
  saliencyHeatMap,
  SMOOTHGRAD,
} from './saliency';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const SHAPE = [3, 4, 2] as const;

/** Input h × w × c → Flatten → (Dropout) → Dense(units, activation): a linear model inside. */
function linearGraph(units: number, activation: string, dropout = false): ModelGraph {
  const ids = ['input_1', 'flatten_1', ...(dropout ? ['dropout_1'] : []), 'dense_1'];
  const params: Record<string, ModelGraph['nodes'][number]['params']> = {
    input_1: { shape: [...SHAPE] },
    flatten_1: {},
    dropout_1: { rate: 0.5 },
    dense_1: { units, activation, useBias: true },
  };
  const types = {
    input_1: 'Input',
    flatten_1: 'Flatten',
    dropout_1: 'Dropout',
    dense_1: 'Dense',
  } as const;
  return {
    version: 1,
    nodes: ids.map((id) => ({
      id,
      type: types[id as keyof typeof types],
      params: params[id]!,
      position: { x: 0, y: 0 },
    })),
    edges: ids.slice(1).map((id, i) => ({ id: `e${i}`, source: ids[i]!, target: id })),
  };
}

/** The kernel column of one unit (h·w·c values, Flatten's row-major order). */
function kernelColumn(model: tf.LayersModel, unit: number): number[] {
  const kernel = model.getWeights()[0]!;
  const [inputs, units] = kernel.shape as [number, number];
  const values = kernel.dataSync();
  return Array.from({ length: inputs }, (_, j) => values[j * units + unit]!);
}

const input = Float32Array.from({ length: 24 }, (_, i) => Math.sin(i * 1.7) * 2);

describe('logitGraph', () => {
  it('makes the output layer linear and leaves the graph itself alone', () => {
    const graph = linearGraph(3, 'softmax');
    const logits = logitGraph(graph);
    expect(logits.nodes.at(-1)!.params['activation']).toBe('linear');
    expect(graph.nodes.at(-1)!.params['activation']).toBe('softmax');
  });

  it('looks past layers without an activation (Dropout) to the last one', () => {
    const g = linearGraph(3, 'softmax', true);
    const moved = { ...g, edges: [] as ModelGraph['edges'] };
    // Input → Flatten → Dense(softmax) → Dropout: the Dense's softmax goes.
    moved.edges = [
      { id: 'a', source: 'input_1', target: 'flatten_1' },
      { id: 'b', source: 'flatten_1', target: 'dense_1' },
      { id: 'c', source: 'dense_1', target: 'dropout_1' },
    ];
    const out = logitGraph(moved).nodes.find((n) => n.id === 'dense_1')!;
    expect(out.params['activation']).toBe('linear');
  });
});

describe('saliency of a linear model', () => {
  it.each(['vanilla', 'smoothgrad'] as const)(
    '%s: the gradient of a softmax model’s logit is its kernel column (closed form)',
    async (method) => {
      const graph = linearGraph(3, 'softmax', true);
      const trained = buildModel(tf, graph, 5);
      const start = tf.memory().numTensors;
      const logits = logitModel(tf, graph, 5, trained);
      for (const c of [0, 2]) {
        const grad = await saliencyGradient(tf, logits, input, SHAPE, c, method, 9);
        // ∂(W·x + b)_c / ∂x = W[:, c], at every x: noise changes nothing but rounding.
        expect(Array.from(grad).map((v, j) => v - kernelColumn(trained, c)[j]!)).toEqual(
          Array.from(grad, () => expect.closeTo(0, 6)),
        );
      }
      logits.dispose();
      expect(tf.memory().numTensors).toBe(start);
      trained.dispose();
    },
  );

  it('differs from the gradient through softmax (the copy really is linear)', async () => {
    const graph = linearGraph(3, 'softmax');
    const trained = buildModel(tf, graph, 5);
    const throughSoftmax = await saliencyGradient(tf, trained, input, SHAPE, 1, 'vanilla');
    const column = kernelColumn(trained, 1);
    expect(Array.from(throughSoftmax).some((v, j) => Math.abs(v - column[j]!) > 1e-3)).toBe(true);
    trained.dispose();
  });

  it('a single sigmoid unit: class 1 is +w, class 0 is −w', async () => {
    const graph = linearGraph(1, 'sigmoid');
    const trained = buildModel(tf, graph, 3);
    const logits = logitModel(tf, graph, 3, trained);
    const w = kernelColumn(trained, 0);
    const one = await saliencyGradient(tf, logits, input, SHAPE, 1, 'vanilla');
    const zero = await saliencyGradient(tf, logits, input, SHAPE, 0, 'vanilla');
    w.forEach((v, j) => {
      expect(one[j]).toBeCloseTo(v, 6);
      expect(zero[j]).toBeCloseTo(-v, 6);
    });
    logits.dispose();
    trained.dispose();
  });

  it('keeps the trained weights: the copy’s logits are the trained model’s pre-softmax scores', () => {
    const graph = linearGraph(3, 'softmax');
    const trained = buildModel(tf, graph, 5);
    const logits = logitModel(tf, graph, 5, trained);
    const x = tf.tensor(input, [1, ...SHAPE]);
    const p = (trained.predict(x) as tf.Tensor).dataSync();
    const softmaxOfLogits = tf.softmax(logits.predict(x) as tf.Tensor).dataSync();
    Array.from(p).forEach((v, k) => expect(softmaxOfLogits[k]).toBeCloseTo(v, 6));
    tf.dispose([x]);
    logits.dispose();
    trained.dispose();
  });
});

describe('logitScore', () => {
  it('picks the unit and refuses a class the model does not have', () => {
    expect(logitScore(10, 3)).toEqual({ unit: 3, sign: 1 });
    expect(logitScore(1, 0)).toEqual({ unit: 0, sign: -1 });
    expect(() => logitScore(3, 3)).toThrow(RangeError);
  });
});

describe('SmoothGrad noise', () => {
  it('draws 25 seeded copies with σ = 0.15 × the input’s range', () => {
    const x = Float32Array.from({ length: 400 }, (_, i) => (i % 20) / 19); // range 1
    const copies = noisyCopies(x, SMOOTHGRAD.samples, 1);
    expect(copies).toHaveLength(400 * 25);
    expect(noisyCopies(x, 25, 1)).toEqual(copies);
    expect(noisyCopies(x, 25, 2)).not.toEqual(copies);
    const noise = Array.from(copies, (v, i) => v - x[i % 400]!);
    const mean = noise.reduce((a, b) => a + b, 0) / noise.length;
    const sd = Math.sqrt(noise.reduce((a, b) => a + (b - mean) ** 2, 0) / noise.length);
    expect(mean).toBeCloseTo(0, 2);
    expect(sd).toBeCloseTo(0.15, 2);
  });
});

describe('heat map', () => {
  it('numpy’s percentile (linear interpolation)', () => {
    // np.percentile([1, 2, 3, 4], 99) = 3.97; np.percentile(range(101), 99) = 99.
    expect(percentile([4, 1, 3, 2], 99)).toBeCloseTo(3.97, 12);
    expect(
      percentile(
        Array.from({ length: 101 }, (_, i) => i),
        99,
      ),
    ).toBe(99);
  });

  it('is |gradient| max over channels, clipped at the 99th percentile, on [0, 1]', () => {
    // 10 × 10 × 2: pixel p has channels (−p, p/2); one outlier pixel far above the rest.
    const grad = new Float32Array(200);
    for (let p = 0; p < 100; p++) {
      grad[2 * p] = -p;
      grad[2 * p + 1] = p / 2;
    }
    grad[2 * 99] = -1e6;
    const map = saliencyHeatMap(grad, 10, 10, 2);
    // max |.| per pixel is p (99: 1e6); the 99th percentile of 0…98, 1e6 is 98.01.
    const p99 = 98 + 0.01 * (1e6 - 98);
    expect(map[50]).toBeCloseTo(50 / p99, 6);
    expect(map[99]).toBe(1);
    expect(map[0]).toBe(0);
    expect(Math.max(...map)).toBe(1);
  });

  it('scales a map with almost no signal by its max instead of dividing by 0', () => {
    const grad = new Float32Array(200);
    grad[7] = -3;
    const map = saliencyHeatMap(grad, 10, 20, 1);
    expect(map[7]).toBe(1);
    expect(map.reduce((a, b) => a + b, 0)).toBe(1);
    expect(Array.from(saliencyHeatMap(new Float32Array(4), 2, 2, 1))).toEqual([0, 0, 0, 0]);
  });
});
