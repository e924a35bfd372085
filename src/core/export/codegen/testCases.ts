/** Small graphs exercising every layer type, for the code export tests. Not imported by app code. */
import { chainOf, graphOf } from '../../graph/testGraphs';
import type { ModelGraph } from '../../graph/types';
import { ACTIVATION_NAMES } from '../../layers/activations';
import type { LayerType } from '../../layers/registry';

const img = (id: string, shape = [7, 6, 3]) => [id, 'Input', { shape }] as const;

/**
 * Small models, each exercising one layer type (and its awkward settings). Keyed by every
 * LayerType, so a registered layer without a case does not compile.
 */
export const CASES: Record<LayerType, ModelGraph[]> = {
  Input: [
    chainOf([
      ['in', 'Input', { shape: [4] }],
      ['d', 'Dense', { units: 3, activation: 'linear' }],
    ]),
  ],
  Dense: [
    chainOf([
      ['in', 'Input', { shape: [5] }],
      ['d', 'Dense', { units: 4, activation: 'softmax' }],
    ]),
    chainOf([
      ['in', 'Input', { shape: [3, 5] }],
      ['d', 'Dense', { units: 2, activation: 'gelu', useBias: false }],
    ]),
    // Each kernel penalty alone and both together.
    chainOf([
      ['in', 'Input', { shape: [4] }],
      ['d1', 'Dense', { units: 3, activation: 'tanh', l2: 0.001 }],
      ['d2', 'Dense', { units: 2, activation: 'softmax', l1: 1e-5 }],
      ['d3', 'Dense', { units: 2, activation: 'linear', l1: 0.01, l2: 0.02 }],
    ]),
    // Each kernel initializer; the others' cases use the default, Glorot-uniform.
    chainOf([
      ['in', 'Input', { shape: [4] }],
      ['d1', 'Dense', { units: 3, kernelInitializer: 'heNormal' }],
      ['d2', 'Dense', { units: 2, activation: 'linear', kernelInitializer: 'heUniform' }],
    ]),
  ],
  // Every activation but linear, which the Input case covers.
  Activation: ACTIVATION_NAMES.filter((a) => a !== 'linear').map((a) =>
    chainOf([
      ['in', 'Input', { shape: [6] }],
      ['act', 'Activation', { activation: a }],
    ]),
  ),
  LeakyReLU: [
    chainOf([
      ['in', 'Input', { shape: [6] }],
      ['d', 'Dense', { units: 4, activation: 'linear' }],
      ['lr', 'LeakyReLU'],
    ]),
    chainOf([
      [...img('in')],
      ['c', 'Conv2D', { filters: 2, activation: 'linear' }],
      ['lr', 'LeakyReLU', { alpha: 0.01 }],
    ]),
    chainOf([
      ['in', 'Input', { shape: [5] }],
      ['lr', 'LeakyReLU', { alpha: 1e-7 }],
    ]),
  ],
  Dropout: [
    chainOf([
      ['in', 'Input', { shape: [4] }],
      ['drop', 'Dropout', { rate: 0.5 }],
      ['d', 'Dense', { units: 2 }],
    ]),
  ],
  Conv2D: [
    // 6 rows, kernel 3, stride 2: TF pads 0 above and 1 below (asymmetric).
    chainOf([
      [...img('in', [6, 7, 3])],
      [
        'c',
        'Conv2D',
        { filters: 4, kernelSize: [3, 3], strides: [2, 2], padding: 'same', activation: 'tanh' },
      ],
    ]),
    chainOf([
      [...img('in')],
      [
        'c',
        'Conv2D',
        { filters: 2, kernelSize: [2, 3], strides: [1, 2], padding: 'valid', useBias: false },
      ],
    ]),
    chainOf([
      [...img('in', [6, 6, 1])],
      [
        'c',
        'Conv2D',
        { filters: 2, kernelSize: [3, 3], strides: [1, 1], padding: 'same', l1: 0.001, l2: 1e-4 },
      ],
    ]),
    chainOf([
      [...img('in', [5, 5, 2])],
      ['c1', 'Conv2D', { filters: 3, kernelInitializer: 'heNormal' }],
      ['c2', 'Conv2D', { filters: 2, kernelSize: [2, 2], kernelInitializer: 'heUniform' }],
    ]),
  ],
  MaxPooling2D: [
    chainOf([
      [...img('in')],
      ['p', 'MaxPooling2D', { poolSize: [2, 2], strides: [2, 2], padding: 'same' }],
    ]),
    chainOf([
      [...img('in')],
      ['p', 'MaxPooling2D', { poolSize: [3, 2], strides: [1, 2], padding: 'valid' }],
    ]),
  ],
  AveragePooling2D: [
    chainOf([
      [...img('in')],
      ['p', 'AveragePooling2D', { poolSize: [2, 3], strides: [2, 2], padding: 'same' }],
    ]),
    chainOf([
      [...img('in')],
      ['p', 'AveragePooling2D', { poolSize: [2, 2], strides: [2, 2], padding: 'valid' }],
    ]),
  ],
  GlobalAveragePooling2D: [chainOf([[...img('in')], ['g', 'GlobalAveragePooling2D']])],
  GlobalMaxPooling2D: [chainOf([[...img('in')], ['g', 'GlobalMaxPooling2D']])],
  BatchNormalization: [
    chainOf([
      ['in', 'Input', { shape: [5] }],
      ['bn', 'BatchNormalization', { momentum: 0.9, epsilon: 0.01 }],
    ]),
    chainOf([[...img('in')], ['bn', 'BatchNormalization']]),
    chainOf([
      ['in', 'Input', { shape: [3, 4] }],
      ['bn', 'BatchNormalization'],
    ]),
  ],
  // NHWC vs NCHW: a conv feeding Flatten → Dense is where element order matters.
  Flatten: [
    chainOf([
      [...img('in')],
      ['c', 'Conv2D', { filters: 3, strides: [2, 2], padding: 'same' }],
      ['f', 'Flatten'],
      ['d', 'Dense', { units: 3 }],
    ]),
    chainOf([
      ['in', 'Input', { shape: [4] }],
      ['f', 'Flatten'],
    ]),
  ],
  Reshape: [
    chainOf([
      ['in', 'Input', { shape: [12] }],
      ['r', 'Reshape', { targetShape: [2, 3, 2] }],
      ['c', 'Conv2D', { filters: 2, kernelSize: [2, 2] }],
      ['f', 'Flatten'],
    ]),
  ],
  Add: [
    graphOf(
      [
        ['in', 'Input', { shape: [4] }],
        ['a', 'Dense', { units: 3 }],
        ['b', 'Dense', { units: 3, activation: 'tanh' }],
        ['add', 'Add'],
      ],
      [
        ['in', 'a'],
        ['in', 'b'],
        ['a', 'add'],
        ['b', 'add'],
      ],
    ),
  ],
  Concatenate: [
    graphOf(
      [
        ['in', 'Input', { shape: [4] }],
        ['a', 'Dense', { units: 3 }],
        ['b', 'Dense', { units: 2 }],
        ['cat', 'Concatenate'],
      ],
      [
        ['in', 'a'],
        ['in', 'b'],
        ['b', 'cat'],
        ['a', 'cat'],
      ],
    ),
  ],
};
