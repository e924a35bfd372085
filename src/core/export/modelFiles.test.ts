import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../graph/build';
import { chainOf, graphOf } from '../graph/testGraphs';
import type { ModelGraph } from '../graph/types';
import { loadModelFiles, saveModelFiles } from './modelFiles';
import { topologyToGraph } from './kerasTopology';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const cnn = chainOf([
  ['input_1', 'Input', { shape: [6, 6, 2] }],
  ['conv2d_1', 'Conv2D', { filters: 3, strides: [2, 2], padding: 'same', activation: 'gelu' }],
  ['batch_norm_1', 'BatchNormalization', { momentum: 0.9 }],
  ['max_pool_1', 'MaxPooling2D', { poolSize: [2, 2], strides: [1, 1], padding: 'valid' }],
  ['flatten_1', 'Flatten'],
  ['dropout_1', 'Dropout', { rate: 0.3 }],
  ['dense_1', 'Dense', { units: 4, activation: 'softmax' }],
]);

const branchy = graphOf(
  [
    ['input_1', 'Input', { shape: [5] }],
    ['dense_a', 'Dense', { units: 3, activation: 'tanh' }],
    ['dense_b', 'Dense', { units: 3, activation: 'elu', useBias: false }],
    ['add_1', 'Add'],
    ['concat_1', 'Concatenate'],
    ['dense_out', 'Dense', { units: 1, activation: 'sigmoid' }],
  ],
  [
    ['input_1', 'dense_a'],
    ['input_1', 'dense_b'],
    ['dense_a', 'add_1'],
    ['dense_b', 'add_1'],
    ['add_1', 'concat_1'],
    ['dense_a', 'concat_1'],
    ['concat_1', 'dense_out'],
  ],
);

function stripPositions(g: ModelGraph) {
  return {
    nodes: g.nodes
      .map(({ id, type, params }) => ({ id, type, params }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    edges: g.edges.map((e) => `${e.source}->${e.target}`),
  };
}

describe('model files', () => {
  it.each([
    ['a CNN', cnn, [2, 6, 6, 2]],
    ['a branching MLP', branchy, [3, 5]],
  ] as const)('%s survives save and load with equal predictions', async (_name, graph, shape) => {
    const before = tf.memory().numTensors;
    const model = buildModel(tf, graph, 7);
    // Move BatchNormalization's moving statistics off their initial values.
    const x = tf.randomUniform([...shape], -1, 1, 'float32', 3);
    const files = await saveModelFiles(tf, model);
    expect(files.map((f) => f.name)).toEqual(['model.json', 'weights.bin']);
    const loaded = await loadModelFiles(tf, files);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(stripPositions(loaded.graph)).toEqual(stripPositions(graph));
    const a = model.predict(x) as tf.Tensor;
    const b = loaded.model.predict(x) as tf.Tensor;
    const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
    expect(diff).toBeLessThan(1e-6);
    tf.dispose([a, b, x]);
    model.dispose();
    loaded.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('lists unsupported layers instead of guessing', () => {
    const topology = {
      class_name: 'Model',
      config: {
        layers: [
          {
            name: 'in',
            class_name: 'InputLayer',
            config: { batch_input_shape: [null, 4] },
            inbound_nodes: [],
          },
          {
            name: 'lstm_1',
            class_name: 'LSTM',
            config: { units: 3 },
            inbound_nodes: [[['in', 0, 0, {}]]],
          },
          {
            name: 'd',
            class_name: 'Dense',
            config: { units: 2, activation: 'swish' },
            inbound_nodes: [[['lstm_1', 0, 0, {}]]],
          },
        ],
      },
    };
    const outcome = topologyToGraph(topology);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.unsupported).toEqual([
      'lstm_1 (LSTM)',
      expect.stringMatching(/^d \(Dense: Activation must be one of/),
    ]);
    expect(outcome.message).toMatch(/lstm_1 \(LSTM\)/);
  });

  it('says which file is missing', async () => {
    const model = buildModel(tf, branchy, 1);
    const files = await saveModelFiles(tf, model);
    model.dispose();
    const outcome = await loadModelFiles(tf, files.slice(0, 1));
    expect(outcome).toMatchObject({
      ok: false,
      message: expect.stringMatching(/weights\.bin .* missing/),
    });
    expect(await loadModelFiles(tf, [])).toMatchObject({
      ok: false,
      message: expect.stringMatching(/No model\.json/),
    });
  });
});
