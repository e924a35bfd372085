/**
 * `defineLayer`: a layer file writes its hooks against params typed from its own schema
 * (`p.units` is a number, `p.padding` is 'valid' | 'same'); the registry and the rest of the
 * app call them with a node's stored params, which are resolved against the schema here.
 */
import type { LayerParams, ParamValue } from '../graph/types';
import type { LayerDefinition, LayerSpec, ParamSpec, ParamsOf, TorchEmitter } from './types';

/** True when `value` has the kind the schema asks for (ranges are validation's job). */
function fitsKind(spec: ParamSpec, value: ParamValue | undefined): boolean {
  switch (spec.kind) {
    case 'int':
    case 'float':
      return typeof value === 'number';
    case 'enum':
      return typeof value === 'string' && spec.options.includes(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'ints':
      return Array.isArray(value) && value.every((v) => typeof v === 'number');
    default: {
      const never: never = spec;
      throw new Error(`Unknown param kind ${JSON.stringify(never)}`);
    }
  }
}

const copy = (v: ParamValue | readonly number[]): ParamValue =>
  typeof v === 'object' ? [...v] : v;

/** Every param of the schema from a stored bag: its value when of the right kind, else the default. */
export function resolveParams<P extends readonly ParamSpec[]>(
  specs: P,
  params: LayerParams,
): ParamsOf<P> {
  const out: LayerParams = {};
  for (const spec of specs) {
    const value = params[spec.name];
    out[spec.name] = copy(fitsKind(spec, value) ? value! : spec.default);
  }
  // The loop above gives every name of P a value of its kind: the shape ParamsOf<P> names.
  return out as ParamsOf<P>;
}

/** A bag of params from a partial typed one, dropping absent entries. */
function toBag(partial: object): LayerParams {
  const out: LayerParams = {};
  for (const [k, v] of Object.entries(partial) as [string, ParamValue | undefined][]) {
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** Refuses schemas whose names the compiler cannot see (a `ParamSpec` typed as such). */
type LiteralNames<P extends readonly ParamSpec[]> = string extends P[number]['name']
  ? { params: 'each param name must be a literal: write the schema inline or `as const`' }
  : unknown;

/** A layer spec from a definition whose hooks read typed params. */
export function defineLayer<const T extends string, const P extends readonly ParamSpec[]>(
  def: LayerDefinition<T, P> & LiteralNames<P>,
): LayerSpec<T> {
  const typed = (raw: LayerParams) => resolveParams(def.params, raw);
  const torch = def.toPyTorch;
  const penalty = torch?.penalty;
  const reset = torch?.reset;
  const toPyTorch: TorchEmitter | undefined = torch && {
    init: (c) => torch.init({ ...c, params: typed(c.params) }),
    forward: (c) => torch.forward({ ...c, params: typed(c.params) }),
    ...(reset && { reset: (c) => reset({ ...c, params: typed(c.params) }) }),
    ...(penalty && { penalty: (c) => penalty({ ...c, params: typed(c.params) }) }),
  };
  const nonTrainable = def.nonTrainableParams;
  const fromKeras = def.fromKeras;
  return {
    type: def.type,
    category: def.category,
    description: def.description,
    params: def.params,
    arity: def.arity,
    ...(def.kerasClassName !== undefined && { kerasClassName: def.kerasClassName }),
    inferShape: (inputs, p) => def.inferShape(inputs, typed(p)),
    countParams: (inputs, p) => def.countParams(inputs, typed(p)),
    ...(nonTrainable && { nonTrainableParams: (inputs, p) => nonTrainable(inputs, typed(p)) }),
    apply: (tf, inputs, p, ctx) => def.apply(tf, inputs, typed(p), ctx),
    toKeras: (p, ctx) => def.toKeras(typed(p), ctx),
    ...(toPyTorch && { toPyTorch }),
    ...(fromKeras && { fromKeras: (config) => toBag(fromKeras(config)) }),
  };
}
