/**
 * The layer registry: every layer type the editor offers, keyed by its Keras class name.
 * Adding a layer means one file and one line in LAYERS; `LayerType` follows from it.
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
import { GlobalMaxPooling2D } from './GlobalMaxPooling2D';
import { Input } from './Input';
import { LeakyReLU } from './LeakyReLU';
import { MaxPooling2D } from './MaxPooling2D';
import { Reshape } from './Reshape';

export { parseParam, checkParamValue, type ParseResult } from './params';

/** All layer types, in palette order. */
export const LAYERS = [
  Input,
  Dense,
  Activation,
  LeakyReLU,
  Dropout,
  Conv2D,
  MaxPooling2D,
  AveragePooling2D,
  GlobalAveragePooling2D,
  GlobalMaxPooling2D,
  BatchNormalization,
  Flatten,
  Reshape,
  Add,
  Concatenate,
] as const satisfies readonly LayerSpec[];

/** The name of a layer type the app knows: "Dense" | "Conv2D" | … */
export type LayerType = (typeof LAYERS)[number]['type'];

/** Specs by type; throws when two share a type, which would make one unreachable. */
export function indexLayers<S extends LayerSpec>(specs: readonly S[]): ReadonlyMap<string, S> {
  const byType = new Map<string, S>();
  for (const spec of specs) {
    if (byType.has(spec.type)) throw new Error(`Layer type ${spec.type} is registered twice`);
    byType.set(spec.type, spec);
  }
  return byType;
}

const BY_TYPE = indexLayers<LayerSpec<LayerType>>(LAYERS);

/** True when `type` names a registered layer. */
export function isLayerType(type: string): type is LayerType {
  return BY_TYPE.has(type);
}

/** What to tell the user of a type that is not registered (from a file or another app version). */
export function unknownLayerMessage(type: string): string {
  return `"${type}" is not a layer type this app knows`;
}

/** The spec of a layer type, or undefined for an unknown type. */
export function getLayer(type: string): LayerSpec<LayerType> | undefined {
  return BY_TYPE.get(type);
}

/** Fresh default params of a layer type ({} for an unknown type). */
export function defaultParams(type: string): LayerParams {
  const params: LayerParams = {};
  for (const spec of getLayer(type)?.params ?? []) {
    params[spec.name] = typeof spec.default === 'object' ? [...spec.default] : spec.default;
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
