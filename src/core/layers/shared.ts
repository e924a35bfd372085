/**
 * Helpers shared by the layer files: parameter schema snippets and Python literals for
 * the Keras emitters.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { EnumParamSpec, ParamSpec } from './types';
import { ACTIVATION_NAMES, type ActivationName } from './activations';
import {
  KERNEL_INITIALIZER_NAMES,
  KERNEL_INITIALIZERS,
  type KernelInitializerName,
  type TfjsInitializer,
} from './initializers';

export type { ActivationName };

/** Applies a TF.js layer to one input (or a list, for merge layers) and returns its output. */
export function applyLayer(
  layer: tfjs.layers.Layer,
  inputs: tfjs.SymbolicTensor[],
): tfjs.SymbolicTensor {
  const out = layer.apply(inputs.length === 1 ? inputs[0]! : inputs);
  if (Array.isArray(out)) throw new Error(`Layer ${layer.name} returned several outputs`);
  return out as tfjs.SymbolicTensor;
}

export function activationParam(
  defaultValue: ActivationName,
): EnumParamSpec<'activation', ActivationName> {
  return {
    name: 'activation',
    label: 'Activation',
    kind: 'enum',
    default: defaultValue,
    options: ACTIVATION_NAMES,
    help: 'Non-linearity applied to the output: relu for hidden layers, softmax or sigmoid for class probabilities, linear for plain numbers.',
  };
}

export const useBiasParam = {
  name: 'useBias',
  label: 'Use bias',
  kind: 'bool',
  default: true,
  help: 'Adds a learned offset to each output; turn off only when a BatchNormalization follows.',
} as const satisfies ParamSpec;

const regularizationSearch = { kind: 'real', scale: 'log', defaultRange: [1e-6, 1e-2] } as const;

export const l1Param = {
  name: 'l1',
  label: 'L1',
  kind: 'float',
  default: 0,
  min: 0,
  max: 1,
  help: "Adds λ·Σ|w| over this layer's weights (not its biases) to the loss, like Keras kernel_regularizer l1: pushes unhelpful weights to exactly zero. 0 = off; try 1e-5 to 1e-3.",
  search: regularizationSearch,
} as const satisfies ParamSpec;

export const l2Param = {
  name: 'l2',
  label: 'L2',
  kind: 'float',
  default: 0,
  min: 0,
  max: 1,
  help: "Adds λ·Σw² over this layer's weights (not its biases) to the loss, like Keras kernel_regularizer l2 (no ½): keeps weights small, which curbs over-fitting. 0 = off; try 1e-4.",
  search: regularizationSearch,
} as const satisfies ParamSpec;

/** The kernel penalty params of every layer with a kernel (Dense, Conv2D). */
export const kernelRegularizerParams = [l1Param, l2Param] as const;

/** A layer's kernel penalty strengths, read from its `l1` and `l2` params. */
export interface KernelPenalty {
  l1: number;
  l2: number;
}

/** TF.js layer args for a layer's L1/L2: a kernel regularizer, or none when both are 0. */
export function kernelRegularizerArgs(
  tf: typeof tfjs,
  p: KernelPenalty,
): { kernelRegularizer?: ReturnType<typeof tfjs.regularizers.l1l2> } {
  if (!(p.l1 > 0 || p.l2 > 0)) return {};
  // Both strengths are passed: l1l2 defaults a missing one to 0.01, not 0.
  return { kernelRegularizer: tf.regularizers.l1l2({ l1: p.l1, l2: p.l2 }) };
}

/** The Keras `kernel_regularizer=` argument of a layer's L1/L2, or null when both are 0. */
export function kerasKernelRegularizer(p: KernelPenalty): string | null {
  // A number's JS text (0.0001, 1e-7) is also a Python float literal.
  if (p.l1 > 0 && p.l2 > 0) return `kernel_regularizer=regularizers.l1_l2(l1=${p.l1}, l2=${p.l2})`;
  if (p.l1 > 0) return `kernel_regularizer=regularizers.l1(${p.l1})`;
  if (p.l2 > 0) return `kernel_regularizer=regularizers.l2(${p.l2})`;
  return null;
}

/** How a layer's kernel starts (initializers.ts); the bias always starts at zero. */
export const kernelInitializerParam: EnumParamSpec<'kernelInitializer', KernelInitializerName> = {
  name: 'kernelInitializer',
  label: 'Kernel initializer',
  kind: 'enum',
  default: 'glorotUniform',
  options: KERNEL_INITIALIZER_NAMES,
  help: 'How the weights start: glorotUniform (the Keras default) suits tanh and sigmoid; heNormal or heUniform start ReLU layers at a scale that keeps their signal from fading (and fewer units dead).',
  quietDefault: true,
};

/** The seeded TF.js kernel initializer of a layer's `kernelInitializer` param. */
export function kernelInitializerArg(
  tf: typeof tfjs,
  name: KernelInitializerName,
  seed: number,
): TfjsInitializer {
  return KERNEL_INITIALIZERS[name].tfjs(tf, seed);
}

/** The Keras `kernel_initializer=` argument, or null for Glorot-uniform (the Keras default). */
export function kerasKernelInitializer(name: KernelInitializerName): string | null {
  return name === 'glorotUniform'
    ? null
    : `kernel_initializer=${pyStr(KERNEL_INITIALIZERS[name].keras)}`;
}

export const paddingParam = {
  name: 'padding',
  label: 'Padding',
  kind: 'enum',
  default: 'valid',
  options: ['valid', 'same'],
  help: '"same" pads the edges so the output keeps the input size (divided by the stride); "valid" does not pad, so the output shrinks.',
} as const satisfies ParamSpec;

/** A Python string literal. */
export function pyStr(s: string): string {
  return JSON.stringify(s);
}

/** A Python tuple literal: (3, 3), or (2,) for one element. */
export function pyTuple(values: readonly number[]): string {
  return values.length === 1 ? `(${values[0]},)` : `(${values.join(', ')})`;
}

export function pyBool(b: boolean): string {
  return b ? 'True' : 'False';
}

/** `layers.<cls>(<args>, name="...")`, dropping empty arguments. */
export function kerasCall(cls: string, args: readonly (string | null)[], name: string): string {
  const all = [...args.filter((a): a is string => a !== null), `name=${pyStr(name)}`];
  return `layers.${cls}(${all.join(', ')})`;
}
