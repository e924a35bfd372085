import type { Shape } from '../graph/types';
import { lastDim } from '../graph/shape';
import { defineLayer } from './define';
import {
  activationParam,
  applyLayer,
  kerasCall,
  kerasKernelInitializer,
  kerasKernelRegularizer,
  kernelInitializerArg,
  kernelInitializerParam,
  kernelRegularizerArgs,
  kernelRegularizerParams,
  pyBool,
  pyStr,
  useBiasParam,
} from './shared';
import {
  staticDim,
  torchActivation,
  torchKernelPenalty,
  torchKernelReset,
} from '../export/codegen/torchHelpers';

function inDim(inputs: readonly Shape[]): number {
  const input = inputs[0];
  return input ? (lastDim(input) ?? 0) : 0;
}

/** Fully connected layer; on inputs of rank > 2 it acts on the last axis, like Keras. */
export const Dense = defineLayer({
  type: 'Dense',
  category: 'Core',
  description: 'Every output is a weighted sum of all inputs plus a bias, then an activation.',
  params: [
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
    kernelInitializerParam,
    ...kernelRegularizerParams,
  ],
  arity: { min: 1, max: 1 },
  inferShape(inputs, p) {
    const input = inputs[0];
    if (!input) return { ok: false, message: 'has no input' };
    return { ok: true, shape: [...input.slice(0, -1), p.units] };
  },
  countParams: (inputs, p) => inDim(inputs) * p.units + (p.useBias ? p.units : 0),
  apply(tf, inputs, p, ctx) {
    const layer = tf.layers.dense({
      units: p.units,
      activation: p.activation,
      useBias: p.useBias,
      kernelInitializer: kernelInitializerArg(tf, p.kernelInitializer, ctx.seed),
      biasInitializer: 'zeros',
      ...kernelRegularizerArgs(tf, p),
      name: ctx.name,
    });
    return applyLayer(layer, inputs);
  },
  toKeras: (p, ctx) =>
    kerasCall(
      'Dense',
      [
        String(p.units),
        `activation=${pyStr(p.activation)}`,
        p.useBias ? null : `use_bias=${pyBool(p.useBias)}`,
        kerasKernelInitializer(p.kernelInitializer),
        kerasKernelRegularizer(p),
      ],
      ctx.name,
    ),
  toPyTorch: {
    init: (c) => [
      `self.${c.py} = nn.Linear(${staticDim(c.inShapes[0], -1)}, ${c.params.units}, bias=${pyBool(c.params.useBias)})`,
    ],
    forward: (c) => torchActivation(c.params.activation, `self.${c.py}(${c.inputs[0]})`),
    reset: (c) => torchKernelReset(`self.${c.py}`, c.params),
    penalty: (c) => torchKernelPenalty(`self.${c.py}.weight`, c.params),
  },
});
