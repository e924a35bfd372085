/**
 * Test helpers: the values of each layer param a test must try, read from the registry's
 * schemas, so a new layer (or a new param) is covered without editing any test. Not
 * imported by app code.
 */
import fc from 'fast-check';
import type { LayerParams, ParamValue } from '../graph/types';
import { checkParamValue } from './params';
import { defaultParams } from './registry';
import type { LayerSpec, ParamSpec } from './types';

type IntsSpec = Extract<ParamSpec, { kind: 'ints' }>;

function unique<T>(values: readonly T[]): T[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const product = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

/** Every length a list param allows. */
function allLengths(spec: IntsSpec): number[] {
  const min = spec.length ?? spec.minLength ?? 1;
  const max = spec.length ?? spec.maxLength ?? 8;
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** The shortest and the longest length a list param allows. */
function edgeLengths(spec: IntsSpec): number[] {
  const all = allLengths(spec);
  return unique([all[0]!, all[all.length - 1]!]);
}

/**
 * A param's default and the edges of its schema: min and max, every option, both flags;
 * for lists the shortest and longest, all at min and with each entry at max once (all at
 * max would ask tests for inputs of 16384³ values).
 */
export function boundaryValues(spec: ParamSpec): ParamValue[] {
  const def = typeof spec.default === 'object' ? [...spec.default] : spec.default;
  switch (spec.kind) {
    case 'int':
    case 'float':
      return unique([def, spec.min, spec.max]);
    case 'enum':
      return unique([def, ...spec.options]);
    case 'bool':
      return unique([def, true, false]);
    case 'ints': {
      const lists = edgeLengths(spec).flatMap((n) => {
        const low = Array<number>(n).fill(spec.min);
        return [low, ...low.map((_, i) => low.map((v, j) => (i === j ? spec.max : v)))];
      });
      return unique([def, ...lists]);
    }
  }
}

/** Values just past a param's edges (and of the wrong kind), which validation must refuse. */
export function outsideValues(spec: ParamSpec): unknown[] {
  const below = (n: number) => n - Math.max(Math.abs(n), 1) * 1e-3;
  const above = (n: number) => n + Math.max(Math.abs(n), 1) * 1e-3;
  switch (spec.kind) {
    case 'int':
      return [spec.min - 1, spec.max + 1, spec.min + 0.5, String(spec.default), NaN];
    case 'float':
      return [below(spec.min), above(spec.max), Infinity, NaN, String(spec.default)];
    case 'enum':
      return [`${spec.default}_unknown`, '', spec.default.toUpperCase() + '!', 1];
    case 'bool':
      return ['true', 1, null];
    case 'ints': {
      const lengths = allLengths(spec);
      const tooShort = lengths[0]! - 1;
      const tooLong = lengths[lengths.length - 1]! + 1;
      const ok = [...spec.default];
      return [
        ...(tooShort >= 0 ? [Array<number>(tooShort).fill(spec.min)] : []),
        Array<number>(tooLong).fill(spec.min),
        ok.map((v, i) => (i === 0 ? spec.min - 1 : v)),
        ok.map((v, i) => (i === 0 ? spec.max + 1 : v)),
        ok.map((v, i) => (i === 0 ? 1.5 : v)),
        ok.join(', '),
      ];
    }
  }
}

/**
 * List values built from an input's example shape: its prefix (a window exactly the
 * size of the input), its leading axes folded, its last axis moved first, its size with
 * ones: the edges where a window just fits and where a reshape just matches.
 */
export function shapedValues(spec: ParamSpec, dims: readonly number[]): ParamValue[] {
  if (spec.kind !== 'ints' || dims.length === 0) return [];
  const values = allLengths(spec).flatMap((n) => {
    const folded =
      n <= dims.length
        ? [product(dims.slice(0, dims.length - n + 1)), ...dims.slice(dims.length - n + 1)]
        : [];
    return [
      dims.slice(0, n),
      folded,
      [dims[dims.length - 1]!, ...dims.slice(0, -1)].slice(0, n),
      [product(dims), ...Array<number>(n - 1).fill(1)],
    ];
  });
  return unique(values.filter((v) => v.length > 0 && checkParamValue(spec, v) === null));
}

/**
 * Param sets of a layer to try: its defaults, then each param at each boundary value
 * (and each value shaped after `dims`) with the others at their defaults.
 */
export function probeParams(layer: LayerSpec, dims: readonly number[] = []): LayerParams[] {
  const base = defaultParams(layer.type);
  const sets = [base];
  for (const spec of layer.params) {
    for (const value of [...boundaryValues(spec), ...shapedValues(spec, dims)]) {
      sets.push({ ...base, [spec.name]: value });
    }
  }
  return unique(sets);
}

/**
 * Random valid values of a param. With a `cap`, counts and sizes stay within `cap` of their
 * minimum, so that chains of layers build fast; lists are also shaped after `dims`.
 */
export function paramValueArb(
  spec: ParamSpec,
  dims: readonly number[] = [],
  cap = Infinity,
): fc.Arbitrary<ParamValue> {
  switch (spec.kind) {
    case 'int':
      return fc.integer({ min: spec.min, max: Math.min(spec.max, spec.min + cap) });
    case 'float':
      return fc.double({ min: spec.min, max: spec.max, noNaN: true });
    case 'enum':
      return fc.constantFrom(...spec.options);
    case 'bool':
      return fc.boolean();
    case 'ints': {
      const lengths = allLengths(spec);
      const random = fc.integer({ min: 0, max: lengths.length - 1 }).chain((i) =>
        fc.array(fc.integer({ min: spec.min, max: Math.min(spec.max, spec.min + cap) }), {
          minLength: lengths[i]!,
          maxLength: lengths[i]!,
        }),
      );
      const shaped = shapedValues(spec, dims);
      return shaped.length > 0 ? fc.oneof(random, fc.constantFrom(...shaped)) : random;
    }
  }
}

/** Random valid params of a layer (see paramValueArb). */
export function paramsArb(
  layer: LayerSpec,
  dims: readonly number[] = [],
  cap = Infinity,
): fc.Arbitrary<LayerParams> {
  const entries: Record<string, fc.Arbitrary<ParamValue>> = {};
  for (const spec of layer.params) entries[spec.name] = paramValueArb(spec, dims, cap);
  return fc.record(entries);
}
