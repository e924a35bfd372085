import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { LayerParams } from '../graph/types';
import { defineLayer, resolveParams } from './define';
import { Input } from './Input';
import type { LayerType } from './registry';
import type { ParamSpec } from './types';

const schema = [
  { name: 'units', label: 'Units', help: 'How many.', kind: 'int', default: 4, min: 1, max: 9 },
  {
    name: 'padding',
    label: 'Padding',
    help: 'Edges.',
    kind: 'enum',
    default: 'valid',
    options: ['valid', 'same'],
  },
  { name: 'useBias', label: 'Use bias', help: 'Offset.', kind: 'bool', default: true },
  {
    name: 'size',
    label: 'Size',
    help: 'A list.',
    kind: 'ints',
    default: [3, 3],
    length: 2,
    min: 1,
    max: 9,
  },
] as const satisfies readonly ParamSpec[];

describe('resolveParams', () => {
  it('keeps values of the right kind and falls back to the default otherwise', () => {
    const stored: LayerParams = { units: 7, padding: 'full', useBias: 'yes', size: [5, 5] };
    expect(resolveParams(schema, stored)).toEqual({
      units: 7,
      padding: 'valid',
      useBias: true,
      size: [5, 5],
    });
    expect(resolveParams(schema, {})).toEqual({
      units: 4,
      padding: 'valid',
      useBias: true,
      size: [3, 3],
    });
  });

  it('copies lists, so a layer cannot change the stored params or the defaults', () => {
    const stored: LayerParams = { size: [2, 2] };
    resolveParams(schema, stored).size[0] = 8;
    resolveParams(schema, {}).size[0] = 8;
    expect(stored['size']).toEqual([2, 2]);
    expect(schema[3].default).toEqual([3, 3]);
  });
});

describe('defineLayer', () => {
  const Probe = defineLayer({
    type: 'Probe',
    category: 'Core',
    description: 'A layer for this test only.',
    params: schema,
    arity: { min: 1, max: 1 },
    inferShape(inputs, p) {
      // Each param has its schema's type: a misspelt name or a wrong option does not compile.
      const units: number = p.units;
      const padding: 'valid' | 'same' = p.padding;
      // @ts-expect-error 'filterz' is not a param of this layer
      void p.filterz;
      // @ts-expect-error 'full' is not one of the padding options
      void (p.padding === 'full');
      return { ok: true, shape: [null, units, padding === 'same' ? 1 : 0] };
    },
    countParams: (_inputs, p) => p.size.reduce((a, b) => a * b, p.useBias ? 1 : 0),
    apply: (tfjs, _inputs, p, ctx) => tfjs.input({ shape: p.size, name: ctx.name }),
    toKeras: (p, ctx) => `layers.Probe(${p.units}, name="${ctx.name}")`,
  });

  it('gives the hooks resolved params from whatever the node stores', () => {
    expect(Probe.inferShape([[null, 2]], { units: 3, padding: 'same' })).toEqual({
      ok: true,
      shape: [null, 3, 1],
    });
    expect(Probe.countParams([], { useBias: false })).toBe(0);
    expect(Probe.countParams([], { size: [2, 4], units: 'many' })).toBe(8);
    expect(Probe.toKeras({ units: 2.5 }, { name: 'p_1' })).toBe('layers.Probe(2.5, name="p_1")');
    expect(Probe.apply(tf, [], {}, { name: 'p_2', seed: 1 }).shape).toEqual([null, 3, 3]);
    expect(Probe.toPyTorch).toBeUndefined();
    expect(Probe.fromKeras).toBeUndefined();
  });

  it('refuses schemas whose names are not literals, and LayerType refuses unknown names', () => {
    const loose: readonly ParamSpec[] = schema;
    defineLayer({
      type: 'Loose',
      category: 'Core',
      description: 'A layer for this test only.',
      // @ts-expect-error the compiler cannot see the names of a schema typed ParamSpec[]
      params: loose,
      arity: { min: 1, max: 1 },
      inferShape: () => ({ ok: false, message: 'never used' }),
      countParams: () => 0,
      apply: (tfjs, _inputs, _p, ctx) => tfjs.input({ shape: [1], name: ctx.name }),
      toKeras: () => '',
    });
    const known: LayerType = 'Dense';
    // @ts-expect-error a misspelt layer type is not a LayerType
    const misspelt: LayerType = 'Dence';
    expect([known, misspelt]).toHaveLength(2);
  });
});

describe('Input.fromKeras', () => {
  it('reads the shape without its batch axis, under the old and the Keras 3 name', () => {
    expect(Input.fromKeras?.({ batch_input_shape: [null, 28, 28, 1] })).toEqual({
      shape: [28, 28, 1],
    });
    expect(Input.fromKeras?.({ batch_shape: [null, 4] })).toEqual({ shape: [4] });
    expect(Input.fromKeras?.({ units: 3 })).toEqual({});
    expect(Input.kerasClassName).toBe('InputLayer');
  });
});
