import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, layerSeed } from '../graph/build';
import type { LayerParams, ModelGraph } from '../graph/types';
import { kernelInitializerFromKeras, KERNEL_INITIALIZER_NAMES } from './initializers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Input → `type` as stored in a project written before the param existed (no defaults merged). */
const stored = (type: 'Dense' | 'Conv2D', params: LayerParams): ModelGraph => ({
  version: 1,
  nodes: [
    {
      id: 'in',
      type: 'Input',
      params: { shape: type === 'Dense' ? [6] : [5, 5, 2] },
      position: { x: 0, y: 0 },
    },
    { id: 'k', type, params, position: { x: 0, y: 100 } },
  ],
  edges: [{ id: 'e', source: 'in', target: 'k' }],
});

const kernel = (graph: ModelGraph, seed = 3): Float32Array => {
  const model = buildModel(tf, graph, seed);
  const values = model.getLayer('k').getWeights()[0]!.dataSync() as Float32Array;
  model.dispose();
  return values;
};

describe('the kernelInitializer param', () => {
  it.each([
    ['Dense', { units: 4 }, [6, 4]],
    ['Conv2D', { filters: 3 }, [3, 3, 2, 3]],
  ] as const)(
    '%s without it builds the weights it always built (Glorot-uniform, the layer seed)',
    (type, params, shape) => {
      const before = tf.tidy(() =>
        tf.initializers
          .glorotUniform({ seed: layerSeed(3, 'k') })
          .apply([...shape])
          .dataSync(),
      );
      expect(kernel(stored(type, params))).toEqual(before);
      expect(kernel(stored(type, { ...params, kernelInitializer: 'glorotUniform' }))).toEqual(
        before,
      );
      const he = kernel(stored(type, { ...params, kernelInitializer: 'heNormal' }));
      expect(he).not.toEqual(before);
      // Seeded like the rest: the same run seed gives the same He weights, another does not.
      expect(kernel(stored(type, { ...params, kernelInitializer: 'heNormal' }))).toEqual(he);
      expect(kernel(stored(type, { ...params, kernelInitializer: 'heNormal' }), 4)).not.toEqual(he);
    },
  );
});

describe('kernelInitializerFromKeras', () => {
  it('reads TF.js’s VarianceScaling configs, as TF.js saves each initializer', () => {
    for (const name of KERNEL_INITIALIZER_NAMES) {
      const input = tf.input({ shape: [3] });
      const layer = tf.layers.dense({
        units: 2,
        kernelInitializer: tf.initializers[name]({ seed: 1 }),
      });
      const model = tf.model({ inputs: input, outputs: layer.apply(input) as tf.SymbolicTensor });
      const json = model.toJSON(undefined, false) as {
        config: { layers: { config: Record<string, unknown> }[] };
      };
      expect(kernelInitializerFromKeras(json.config.layers[1]!.config['kernel_initializer'])).toBe(
        name,
      );
      model.dispose();
    }
  });

  it('reads Keras 2/3 classes and names, and knows no other initializer', () => {
    expect(kernelInitializerFromKeras({ class_name: 'HeNormal', config: { seed: null } })).toBe(
      'heNormal',
    );
    expect(
      kernelInitializerFromKeras({ module: 'keras.initializers', class_name: 'HeUniform' }),
    ).toBe('heUniform');
    expect(kernelInitializerFromKeras('glorot_uniform')).toBe('glorotUniform');
    const keras2HeNormal = {
      class_name: 'VarianceScaling',
      config: { scale: 2, mode: 'fan_in', distribution: 'truncated_normal' },
    };
    expect(kernelInitializerFromKeras(keras2HeNormal)).toBe('heNormal');
    expect(kernelInitializerFromKeras({ class_name: 'RandomNormal', config: {} })).toBeNull();
    const lecun = { class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_in' } };
    expect(kernelInitializerFromKeras(lecun)).toBeNull();
    expect(kernelInitializerFromKeras('orthogonal')).toBeNull();
    expect(kernelInitializerFromKeras(null)).toBeNull();
  });
});
