import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../core/data/types';
import { buildModel } from '../../core/graph/build';
import type { ModelGraph } from '../../core/graph/types';
import { percentile } from '../../core/predict/saliency/saliency';
import { captureCheckpoint } from '../../core/train/checkpoint';
import { prepareRun } from '../../core/train/run';
import { DEFAULT_TRAINING_CONFIG } from '../../core/train/types';
import { rememberCheckpoint, rememberRunStart } from '../export/exportHandler';
import type { TryModelRef } from './messages';
import { answerSaliency } from './saliencyHandler';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const [H, W] = [4, 5];

/** 4 × 5 grey images of 3 classes and a linear softmax model of them. */
function imageRun() {
  const n = 30;
  const ds: Dataset = {
    name: 'tiny images',
    kind: 'image',
    task: 'multiclass',
    featureShape: [H, W, 1],
    x: Uint8Array.from({ length: n * H * W }, (_, i) => (i * 37) % 256),
    xScale: 1 / 255,
    y: Float32Array.from({ length: n }, (_, i) => i % 3),
    n,
    classNames: ['a', 'b', 'c'],
    featureNames: [],
    imagePipeline: { normalize: null, augmentation: null },
  };
  const graph: ModelGraph = {
    version: 1,
    nodes: [
      { id: 'input_1', type: 'Input', params: { shape: [H, W, 1] }, position: { x: 0, y: 0 } },
      { id: 'flatten_1', type: 'Flatten', params: {}, position: { x: 0, y: 0 } },
      {
        id: 'dense_1',
        type: 'Dense',
        params: { units: 3, activation: 'softmax', useBias: true },
        position: { x: 0, y: 0 },
      },
    ],
    edges: [
      { id: 'e1', source: 'input_1', target: 'flatten_1' },
      { id: 'e2', source: 'flatten_1', target: 'dense_1' },
    ],
  };
  const prepared = prepareRun(ds, graph, DEFAULT_TRAINING_CONFIG);
  if (!prepared.ok) throw new Error(prepared.message);
  const ref: TryModelRef = {
    runId: 'images',
    graph,
    seed: DEFAULT_TRAINING_CONFIG.seed,
    checkpointEpoch: null,
    preprocessing: prepared.preprocessing,
    image: { width: W, height: H, channels: 1, centerCrop: false, normalize: null },
  };
  return { ds, graph, prepared, ref };
}

describe('saliency in the worker', () => {
  it("maps |the class's kernel column| of a linear model, clipped at its 99th percentile", async () => {
    const { ds, graph, prepared, ref } = imageRun();
    const model = buildModel(tf, graph, 3);
    const optimizer = tf.train.adam(0.01);
    rememberRunStart(
      'images',
      graph,
      DEFAULT_TRAINING_CONFIG,
      prepared.split,
      prepared.preprocessing,
    );
    rememberCheckpoint(await captureCheckpoint(model, optimizer, 1, 1));
    optimizer.dispose();
    const image = {
      width: W,
      height: H,
      channels: 1,
      pixels: (ds.x as Uint8Array).slice(0, H * W),
    };
    const kernel = model.getWeights()[0]!.arraySync() as number[][];
    const before = tf.memory().numTensors;
    for (const method of ['vanilla', 'smoothgrad'] as const) {
      const answer = await answerSaliency(tf, {
        type: 'saliency',
        requestId: 1,
        model: ref,
        image,
        classIndex: 2,
        method,
      });
      if (answer.type !== 'saliencyResult') throw new Error(JSON.stringify(answer));
      expect([answer.width, answer.height]).toEqual([W, H]);
      // The logit's gradient w.r.t. the scaled pixels is W[:, 2], wherever the image is.
      const column = kernel.map((row) => Math.abs(row[2]!));
      const top = percentile(column, 99);
      column.forEach((v, p) => expect(answer.map[p]).toBeCloseTo(Math.min(v, top) / top, 5));
    }
    // The trained model stays cached for "Try the model"; the logit copy is gone.
    const cached = model.weights.length;
    expect(tf.memory().numTensors).toBe(before + cached);
    model.dispose();
  });

  it('says why when the run has no image model or the image has another size', async () => {
    const { ref } = imageRun();
    const image = { width: 3, height: 3, channels: 1, pixels: new Uint8Array(9) };
    const base = { type: 'saliency', requestId: 2, classIndex: 0, method: 'vanilla' } as const;
    expect(
      await answerSaliency(tf, { ...base, model: { ...ref, image: null }, image }),
    ).toMatchObject({
      type: 'evaluationFailed',
      message: expect.stringMatching(/trained on images/),
    });
    expect(await answerSaliency(tf, { ...base, model: ref, image })).toMatchObject({
      type: 'evaluationFailed',
      message: expect.stringMatching(/3×3×1 image for a 5×4×1 model/),
    });
  });
});
