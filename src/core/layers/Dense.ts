import type { Shape } from '../graph/types';
import { lastDim } from '../graph/shape';
import type { LayerSpec, ParamSpec } from './types';
import {
  activationOf,
  activationParam,
  applyLayer,
  boolParam,
  kerasCall,
  numParam,
  pyBool,
  pyStr,
  useBiasParam,
} from './shared';
import { staticDim, torchActivation } from '../export/codegen/torchHelpers';

const params: readonly ParamSpec[] = [
  {
    name: 'units',
    label: 'Units',
    kind: 'int',
    default: 16,
    min: 1,
    max: 65536,
    help: 'Number of neurons (outputs). More units can learn more complex patterns but train slower and overfit more easily.',
    search: { kind: 'int', scale: 'log', defaultRange: [8, 256] },
  },
  activationParam('relu'),
  useBiasParam,
];

function inDim(inputs: readonly Shape[]): number {
  const input = inputs[0];
  return input ? (lastDim(input) ?? 0) : 0;
}

/** Fully connected layer; on inputs of rank > 2 it acts on the last axis, like Keras. */
export const Dense: LayerSpec = {
  type: 'Dense',
  category: 'Core',
  description: 'Every output is a weighted sum of all inputs plus a bias, then an activation.',
  params,
  arity: { min: 1, max: 1 },
  inferShape(inputs, p) {
    const input = inputs[0];
    if (!input) return { ok: false, message: 'has no input' };
    return { ok: true, shape: [...input.slice(0, -1), numParam(params, p, 'units')] };
  },
  countParams(inputs, p) {
    const units = numParam(params, p, 'units');
    return inDim(inputs) * units + (boolParam(params, p, 'useBias') ? units : 0);
  },
  apply(tf, inputs, p, ctx) {
    const layer = tf.layers.dense({
      units: numParam(params, p, 'units'),
      activation: activationOf(params, p),
      useBias: boolParam(params, p, 'useBias'),
      kernelInitializer: tf.initializers.glorotUniform({ seed: ctx.seed }),
      biasInitializer: 'zeros',
      name: ctx.name,
    });
    return applyLayer(layer, inputs);
  },
  toKeras(p, ctx) {
    const useBias = boolParam(params, p, 'useBias');
    return kerasCall(
      'Dense',
      [
        String(numParam(params, p, 'units')),
        `activation=${pyStr(activationOf(params, p))}`,
        useBias ? null : `use_bias=${pyBool(useBias)}`,
      ],
      ctx.name,
    );
  },
  toPyTorch: {
    init: (c) => [
      `self.${c.py} = nn.Linear(${staticDim(c.inShapes[0], -1)}, ${numParam(params, c.params, 'units')}, bias=${pyBool(boolParam(params, c.params, 'useBias'))})`,
    ],
    forward: (c) => torchActivation(activationOf(params, c.params), `self.${c.py}(${c.inputs[0]})`),
  },
};
