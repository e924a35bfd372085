import { defineLayer } from './define';
import { inferPoolShape, poolArgs, poolParams, poolToKeras, poolToPyTorch } from './pooling';
import { applyLayer } from './shared';

/** Keeps the largest value in each window: shrinks the image, keeps strong features. */
export const MaxPooling2D = defineLayer({
  type: 'MaxPooling2D',
  category: 'Pooling',
  description: 'Shrinks an image by keeping the largest value in each small window.',
  params: poolParams,
  arity: { min: 1, max: 1 },
  inferShape: inferPoolShape,
  countParams: () => 0,
  apply(tf, inputs, p, ctx) {
    return applyLayer(tf.layers.maxPooling2d({ ...poolArgs(p), name: ctx.name }), inputs);
  },
  toKeras: (p, ctx) => poolToKeras('MaxPooling2D', p, ctx.name),
  toPyTorch: poolToPyTorch('max'),
});
