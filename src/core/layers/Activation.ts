import { defineLayer } from './define';
import { activationParam, applyLayer, kerasCall, pyStr } from './shared';
import { torchActivation } from '../export/codegen/torchHelpers';

/** Applies an activation function on its own, e.g. after BatchNormalization. */
export const Activation = defineLayer({
  type: 'Activation',
  category: 'Core',
  description: 'Applies an activation function to every value, with no weights of its own.',
  params: [activationParam('relu')],
  arity: { min: 1, max: 1 },
  inferShape(inputs) {
    const input = inputs[0];
    return input ? { ok: true, shape: input } : { ok: false, message: 'has no input' };
  },
  countParams: () => 0,
  apply(tf, inputs, p, ctx) {
    return applyLayer(tf.layers.activation({ activation: p.activation, name: ctx.name }), inputs);
  },
  toKeras: (p, ctx) => kerasCall('Activation', [pyStr(p.activation)], ctx.name),
  toPyTorch: {
    init: () => [],
    forward: (c) => torchActivation(c.params.activation, c.inputs[0]!),
  },
});
