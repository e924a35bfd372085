import { defineLayer } from './define';
import { inferGlobalPoolShape, spatialAxes } from './pooling';
import { applyLayer, kerasCall } from './shared';

/** Keeps each channel's largest value over the whole image: (None, h, w, c) → (None, c). */
export const GlobalMaxPooling2D = defineLayer({
  type: 'GlobalMaxPooling2D',
  category: 'Pooling',
  description: "Keeps each channel's largest value over the whole image, one number per channel.",
  params: [],
  arity: { min: 1, max: 1 },
  inferShape: (inputs) => inferGlobalPoolShape(inputs, 2),
  countParams: () => 0,
  apply(tf, inputs, _p, ctx) {
    return applyLayer(tf.layers.globalMaxPooling2d({ name: ctx.name }), inputs);
  },
  toKeras: (_p, ctx) => kerasCall('GlobalMaxPooling2D', [], ctx.name),
  // amax, not max: max over several axes at once is amax in PyTorch.
  toPyTorch: { init: () => [], forward: (c) => `${c.inputs[0]}.amax(dim=${spatialAxes(2)})` },
});
