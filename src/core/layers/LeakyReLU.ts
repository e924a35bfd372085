import { defineLayer } from './define';
import { applyLayer, kerasCall } from './shared';

/**
 * ReLU with a small slope for negative inputs (Keras LeakyReLU): a unit whose inputs are
 * all negative still passes a gradient, so it cannot die as a ReLU unit can.
 */
export const LeakyReLU = defineLayer({
  type: 'LeakyReLU',
  category: 'Core',
  description:
    'Like ReLU, but negative values are multiplied by a small slope instead of zeroed, so units cannot get stuck at zero.',
  params: [
    {
      name: 'alpha',
      label: 'Negative slope',
      kind: 'float',
      default: 0.3,
      min: 0,
      max: 1,
      help: 'What negative values are multiplied by: 0.3 is the Keras default, PyTorch uses 0.01; 0 is a plain ReLU.',
    },
  ],
  arity: { min: 1, max: 1 },
  inferShape(inputs) {
    const input = inputs[0];
    return input ? { ok: true, shape: input } : { ok: false, message: 'has no input' };
  },
  countParams: () => 0,
  apply(tf, inputs, p, ctx) {
    return applyLayer(tf.layers.leakyReLU({ alpha: p.alpha, name: ctx.name }), inputs);
  },
  // Positional: Keras 2 names the slope `alpha`, Keras 3 `negative_slope` (and deprecates
  // `alpha`), so the first argument works with either. A JS number is a Python literal.
  toKeras: (p, ctx) => kerasCall('LeakyReLU', [String(p.alpha)], ctx.name),
  // TF.js and Keras 2 save `alpha`; Keras 3 saves `negative_slope`.
  fromKeras(config) {
    const slope = config['negative_slope'] ?? config['alpha'];
    return typeof slope === 'number' ? { alpha: slope } : {};
  },
  toPyTorch: {
    init: () => [],
    forward: (c) => `F.leaky_relu(${c.inputs[0]}, ${c.params.alpha})`,
  },
});
