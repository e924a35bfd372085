import { defineLayer } from './define';
import { inferGlobalPoolShape, spatialAxes } from './pooling';
import { applyLayer, kerasCall } from './shared';

/** Averages each channel over the whole image: (None, h, w, c) → (None, c). */
export const GlobalAveragePooling2D = defineLayer({
  type: 'GlobalAveragePooling2D',
  category: 'Pooling',
  description: 'Averages each channel over the whole image, giving one number per channel.',
  params: [],
  arity: { min: 1, max: 1 },
  inferShape: (inputs) => inferGlobalPoolShape(inputs, 2),
  countParams: () => 0,
  apply(tf, inputs, _p, ctx) {
    return applyLayer(tf.layers.globalAveragePooling2d({ name: ctx.name }), inputs);
  },
  toKeras: (_p, ctx) => kerasCall('GlobalAveragePooling2D', [], ctx.name),
  toPyTorch: { init: () => [], forward: (c) => `${c.inputs[0]}.mean(dim=${spatialAxes(2)})` },
});
