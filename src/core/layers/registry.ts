/**
 * The layer registry: every layer type the editor offers, keyed by its Keras class name.
 * Adding a layer means one file and one line in LAYERS.
 */
import type { LayerParams } from '../graph/types';
import type { LayerSpec } from './types';
import { checkParamValue } from './params';
import { Activation } from './Activation';
import { Add } from './Add';
import { AveragePooling2D } from './AveragePooling2D';
import { BatchNormalization } from './BatchNormalization';
import { Concatenate } from './Concatenate';
import { Conv2D } from './Conv2D';
import { Dense } from './Dense';
import { Dropout } from './Dropout';
import { Flatten } from './Flatten';
import { GlobalAveragePooling2D } from './GlobalAveragePooling2D';
import { Input } from './Input';
import { MaxPooling2D } from './MaxPooling2D';
import { Reshape } from './Reshape';

export { parseParam, checkParamValue, type ParseResult } from './params';

/** All layer types, in palette order. */
export const LAYERS: readonly LayerSpec[] = [
  Input,
  Dense,
  Activation,
  Dropout,
  Conv2D,
  MaxPooling2D,
  AveragePooling2D,
  GlobalAveragePooling2D,
  BatchNormalization,
  Flatten,
  Reshape,
  Add,
  Concatenate,
];

const BY_TYPE = new Map<string, LayerSpec>();
for (const spec of LAYERS) {
  if (BY_TYPE.has(spec.type)) throw new Error(`Layer type ${spec.type} is registered twice`);
  BY_TYPE.set(spec.type, spec);
}

/** The spec of a layer type, or undefined for an unknown type. */
export function getLayer(type: string): LayerSpec | undefined {
  return BY_TYPE.get(type);
}

/** Fresh default params of a layer type ({} for an unknown type). */
export function defaultParams(type: string): LayerParams {
  const params: LayerParams = {};
  for (const spec of getLayer(type)?.params ?? []) {
    params[spec.name] = Array.isArray(spec.default) ? [...spec.default] : spec.default;
  }
  return params;
}

/**
 * Per-param messages for values that break the schema; empty when all are valid.
 * Missing params are fine: layers fall back to the default.
 */
export function validateParams(type: string, params: LayerParams): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const spec of getLayer(type)?.params ?? []) {
    if (!(spec.name in params)) continue;
    const message = checkParamValue(spec, params[spec.name]);
    if (message !== null) messages[spec.name] = message;
  }
  return messages;
}
