import type { LayerSpec, ParamSpec } from './types';
import { intsParam, kerasCall, pyTuple } from './shared';

const params: readonly ParamSpec[] = [
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
];

/** Where the data enters the model; its shape is one example's shape. */
export const Input: LayerSpec = {
  type: 'Input',
  category: 'Input',
  description: 'Where the data enters the model; its shape is the shape of one example.',
  params,
  arity: { min: 0, max: 0 },
  inferShape(_inputs, p) {
    return { ok: true, shape: [null, ...intsParam(params, p, 'shape')] };
  },
  countParams: () => 0,
  apply(tf, _inputs, p, ctx) {
    return tf.input({ shape: intsParam(params, p, 'shape'), name: ctx.name });
  },
  toKeras(p, ctx) {
    return kerasCall('Input', [`shape=${pyTuple(intsParam(params, p, 'shape'))}`], ctx.name);
  },
  toPyTorch: { init: () => [], forward: () => 'x' },
};
