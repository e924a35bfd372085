/**
 * Helpers shared by the layer files: parameter schema snippets and Python literals for
 * the Keras emitters.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { EnumParamSpec, ParamSpec } from './types';
import { ACTIVATION_NAMES, type ActivationName } from './activations';

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
