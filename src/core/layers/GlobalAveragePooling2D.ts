import type { LayerSpec } from './types';
import { applyLayer, kerasCall } from './shared';
import { requireImage } from './spatial';

/** Averages each channel over the whole image: (None, h, w, c) → (None, c). */
export const GlobalAveragePooling2D: LayerSpec = {
  type: 'GlobalAveragePooling2D',
  category: 'Pooling',
  description: 'Averages each channel over the whole image, giving one number per channel.',
  params: [],
  arity: { min: 1, max: 1 },
  inferShape(inputs) {
    const input = inputs[0];
    if (!input) return { ok: false, message: 'has no input' };
    const image = requireImage(input);
    if (!image.ok) return image;
    return { ok: true, shape: [null, input[3] ?? null] };
  },
  countParams: () => 0,
  apply(tf, inputs, _p, ctx) {
    return applyLayer(tf.layers.globalAveragePooling2d({ name: ctx.name }), inputs);
  },
  toKeras: (_p, ctx) => kerasCall('GlobalAveragePooling2D', [], ctx.name),
  toPyTorch: { init: () => [], forward: (c) => `${c.inputs[0]}.mean(dim=(1, 2))` },
};
