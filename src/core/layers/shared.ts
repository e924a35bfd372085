/**
 * Helpers shared by the layer files: reading typed params with defaults, parameter
 * schema snippets, and Python literals for the Keras emitters.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { LayerParams, ParamValue } from '../graph/types';
import type { ParamSpec } from './types';
import { ACTIVATION_NAMES, isActivation, type ActivationName } from './activations';

export type { ActivationName };

/** Reads the `activation` param as a name TF.js accepts, falling back to the default. */
export function activationOf(specs: readonly ParamSpec[], params: LayerParams): ActivationName {
  const value = params['activation'];
  if (isActivation(value)) return value;
  const fallback = specOf(specs, 'activation').default;
  return isActivation(fallback) ? fallback : 'linear';
}

/** Applies a TF.js layer to one input (or a list, for merge layers) and returns its output. */
export function applyLayer(
  layer: tfjs.layers.Layer,
  inputs: tfjs.SymbolicTensor[],
): tfjs.SymbolicTensor {
  const out = layer.apply(inputs.length === 1 ? inputs[0]! : inputs);
  if (Array.isArray(out)) throw new Error(`Layer ${layer.name} returned several outputs`);
  return out as tfjs.SymbolicTensor;
}

export function activationParam(defaultValue: ActivationName): ParamSpec {
  return {
    name: 'activation',
    label: 'Activation',
    kind: 'enum',
    default: defaultValue,
    options: ACTIVATION_NAMES,
    help: 'Non-linearity applied to the output: relu for hidden layers, softmax or sigmoid for class probabilities, linear for plain numbers.',
  };
}

export const useBiasParam: ParamSpec = {
  name: 'useBias',
  label: 'Use bias',
  kind: 'bool',
  default: true,
  help: 'Adds a learned offset to each output; turn off only when a BatchNormalization follows.',
};

export const paddingParam: ParamSpec = {
  name: 'padding',
  label: 'Padding',
  kind: 'enum',
  default: 'valid',
  options: ['valid', 'same'],
  help: '"same" pads the edges so the output keeps the input size (divided by the stride); "valid" does not pad, so the output shrinks.',
};

function specOf(specs: readonly ParamSpec[], name: string): ParamSpec {
  const spec = specs.find((s) => s.name === name);
  if (!spec) throw new Error(`No parameter named ${name}`);
  return spec;
}

/** Reads a number param, falling back to the schema default when absent or mistyped. */
export function numParam(specs: readonly ParamSpec[], params: LayerParams, name: string): number {
  const spec = specOf(specs, name);
  const value = params[name];
  if (typeof value === 'number') return value;
  if (typeof spec.default === 'number') return spec.default;
  throw new Error(`Parameter ${name} is not a number`);
}

export function strParam(specs: readonly ParamSpec[], params: LayerParams, name: string): string {
  const spec = specOf(specs, name);
  const value = params[name];
  if (typeof value === 'string') return value;
  if (typeof spec.default === 'string') return spec.default;
  throw new Error(`Parameter ${name} is not text`);
}

export function boolParam(specs: readonly ParamSpec[], params: LayerParams, name: string): boolean {
  const spec = specOf(specs, name);
  const value = params[name];
  if (typeof value === 'boolean') return value;
  if (typeof spec.default === 'boolean') return spec.default;
  throw new Error(`Parameter ${name} is not a boolean`);
}

export function intsParam(
  specs: readonly ParamSpec[],
  params: LayerParams,
  name: string,
): number[] {
  const spec = specOf(specs, name);
  const value: ParamValue | undefined = params[name];
  if (Array.isArray(value)) return [...value];
  if (Array.isArray(spec.default)) return [...spec.default];
  throw new Error(`Parameter ${name} is not a list of numbers`);
}

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
