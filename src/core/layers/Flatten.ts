import { exampleSize } from '../graph/shape';
import { defineLayer } from './define';
import { applyLayer, kerasCall } from './shared';
import { torchFlatten } from '../export/codegen/torchLayout';

/** Unrolls each example into one long vector, e.g. (None, 28, 28, 1) → (None, 784). */
export const Flatten = defineLayer({
  type: 'Flatten',
  category: 'Reshape',
  description: 'Unrolls each example into one long list of numbers, e.g. an image into its pixels.',
  params: [],
  arity: { min: 1, max: 1 },
  inferShape(inputs) {
    const input = inputs[0];
    if (!input) return { ok: false, message: 'has no input' };
    return { ok: true, shape: [null, exampleSize(input)] };
  },
  countParams: () => 0,
  apply(tf, inputs, _p, ctx) {
    const dim = inputs[0]?.shape[1];
    // Keras accepts Flatten on an already flat input (a no-op); TF.js rejects rank 2
    // (minNDim 3), so an identity reshape stands in for it there.
    if (inputs[0]?.shape.length === 2 && typeof dim === 'number') {
      return applyLayer(tf.layers.reshape({ targetShape: [dim], name: ctx.name }), inputs);
    }
    return applyLayer(tf.layers.flatten({ name: ctx.name }), inputs);
  },
  toKeras: (_p, ctx) => kerasCall('Flatten', [], ctx.name),
  toPyTorch: { init: () => [], forward: (c) => torchFlatten(c.inputs[0]!) },
});
