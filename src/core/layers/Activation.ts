import type { LayerSpec, ParamSpec } from './types';
import { activationOf, activationParam, applyLayer, kerasCall, pyStr } from './shared';
import { torchActivation } from '../export/codegen/torchHelpers';

const params: readonly ParamSpec[] = [activationParam('relu')];

/** Applies an activation function on its own, e.g. after BatchNormalization. */
export const Activation: LayerSpec = {
  type: 'Activation',
  category: 'Core',
  description: 'Applies an activation function to every value, with no weights of its own.',
  params,
  arity: { min: 1, max: 1 },
  inferShape(inputs) {
    const input = inputs[0];
    return input ? { ok: true, shape: input } : { ok: false, message: 'has no input' };
  },
  countParams: () => 0,
  apply(tf, inputs, p, ctx) {
    return applyLayer(
      tf.layers.activation({ activation: activationOf(params, p), name: ctx.name }),
      inputs,
    );
  },
  toKeras: (p, ctx) => kerasCall('Activation', [pyStr(activationOf(params, p))], ctx.name),
  toPyTorch: {
    init: () => [],
    forward: (c) => torchActivation(activationOf(params, c.params), c.inputs[0]!),
  },
};
