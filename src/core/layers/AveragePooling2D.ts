import { defineLayer } from './define';
import { inferPoolShape, poolArgs, poolParams, poolToKeras, poolToPyTorch } from './pooling';
import { applyLayer } from './shared';

/** Averages each window: shrinks the image smoothly. */
export const AveragePooling2D = defineLayer({
  type: 'AveragePooling2D',
  category: 'Pooling',
  description: 'Shrinks an image by averaging the values in each small window.',
  params: poolParams,
  arity: { min: 1, max: 1 },
  inferShape: inferPoolShape,
  countParams: () => 0,
  apply(tf, inputs, p, ctx) {
    return applyLayer(tf.layers.averagePooling2d({ ...poolArgs(p), name: ctx.name }), inputs);
  },
  toKeras: (p, ctx) => poolToKeras('AveragePooling2D', p, ctx.name),
  toPyTorch: poolToPyTorch('avg'),
});
