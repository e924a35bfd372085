import { defineLayer } from './define';
import { kerasCall, pyTuple } from './shared';

/** Where the data enters the model; its shape is one example's shape. */
export const Input = defineLayer({
  type: 'Input',
  category: 'Input',
  description: 'Where the data enters the model; its shape is the shape of one example.',
  params: [
    {
      name: 'shape',
      label: 'Shape',
      kind: 'ints',
      default: [2],
      minLength: 1,
      maxLength: 3,
      min: 1,
      max: 16384,
      help: 'Size of one example without the batch: (2) for points, (28, 28, 1) for a grayscale image. Fitting the model to a dataset sets it for you.',
    },
  ],
  arity: { min: 0, max: 0 },
  kerasClassName: 'InputLayer',
  inferShape: (_inputs, p) => ({ ok: true, shape: [null, ...p.shape] }),
  countParams: () => 0,
  apply: (tf, _inputs, p, ctx) => tf.input({ shape: p.shape, name: ctx.name }),
  toKeras: (p, ctx) => kerasCall('Input', [`shape=${pyTuple(p.shape)}`], ctx.name),
  toPyTorch: { init: () => [], forward: () => 'x' },
  // Keras keeps the shape with its batch axis, under a name that changed in Keras 3; a
  // Sequential model without an InputLayer keeps it on its first layer, read the same way.
  fromKeras(config) {
    const shape = config['batch_input_shape'] ?? config['batch_shape'];
    return Array.isArray(shape) ? { shape: shape.slice(1) as number[] } : {};
  },
});
