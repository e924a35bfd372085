import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Stored params are untrusted: validation sees values of any kind, hence the casts below.
import type { ParamValue, Shape } from '../graph/types';
import {
  checkParamValue,
  defaultParams,
  getLayer,
  indexLayers,
  isLayerType,
  LAYERS,
  unknownLayerMessage,
  parseParam,
  validateParams,
} from './registry';
import { boundaryValues, outsideValues, paramValueArb, probeParams } from './testProbes';
import type { ParamSpec } from './types';

const spec = (type: string, name: string): ParamSpec => {
  const found = getLayer(type)?.params.find((p) => p.name === name);
  if (!found) throw new Error(`${type}.${name} missing`);
  return found;
};

describe('layer registry', () => {
  it('has one entry per type, each described, with valid defaults and help', () => {
    const types = LAYERS.map((l) => l.type);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toEqual(
      expect.arrayContaining([
        'Input',
        'Dense',
        'Conv2D',
        'MaxPooling2D',
        'AveragePooling2D',
        'Flatten',
        'Dropout',
        'BatchNormalization',
        'Activation',
        'Reshape',
        'Add',
        'Concatenate',
        'GlobalAveragePooling2D',
        'LeakyReLU',
      ]),
    );
    for (const layer of LAYERS) {
      expect(layer.description.length).toBeGreaterThan(10);
      expect(layer.description).not.toContain('\n');
      for (const p of layer.params) {
        expect(p.help.length, `${layer.type}.${p.name}`).toBeGreaterThan(10);
        expect(checkParamValue(p, p.default), `${layer.type}.${p.name}`).toBeNull();
      }
      expect(validateParams(layer.type, defaultParams(layer.type))).toEqual({});
    }
  });

  it('looks layers up by type and returns fresh default params', () => {
    expect(getLayer('Dense')?.category).toBe('Core');
    expect(getLayer('Nope')).toBeUndefined();
    const a = defaultParams('Conv2D');
    expect(a).toEqual({
      filters: 8,
      kernelSize: [3, 3],
      strides: [1, 1],
      padding: 'valid',
      activation: 'relu',
      useBias: true,
      kernelInitializer: 'glorotUniform',
      l1: 0,
      l2: 0,
    });
    (a['kernelSize'] as number[])[0] = 5;
    expect(defaultParams('Conv2D')['kernelSize']).toEqual([3, 3]);
    expect(defaultParams('Nope')).toEqual({});
  });

  it('refuses a second layer of the same type, and narrows text to a known type', () => {
    const [input, dense] = LAYERS;
    expect(() => indexLayers([input, dense, input])).toThrow(
      'Layer type Input is registered twice',
    );
    expect(indexLayers(LAYERS).size).toBe(LAYERS.length);
    expect(isLayerType('Dense')).toBe(true);
    expect(isLayerType('dense')).toBe(false);
    expect(unknownLayerMessage('LSTM')).toBe('"LSTM" is not a layer type this app knows');
  });

  it('reports invalid params per name', () => {
    expect(validateParams('Dense', { units: 0, activation: 'relu', useBias: true })).toEqual({
      units: 'Units must be a whole number from 1 to 65,536',
    });
    expect(validateParams('Dense', { units: 2.5, activation: 'swishy' })).toEqual({
      units: 'Units must be a whole number from 1 to 65,536',
      activation: expect.stringContaining('Activation must be one of linear, relu'),
    });
    expect(Object.keys(validateParams('Conv2D', { kernelSize: [3] }))).toEqual(['kernelSize']);
    expect(Object.keys(validateParams('Dropout', { rate: 0.96 }))).toEqual(['rate']);
    // Missing params fall back to defaults.
    expect(validateParams('Dense', {})).toEqual({});
  });
});

describe('parseParam', () => {
  it('parses whole numbers and explains bad ones', () => {
    const units = spec('Dense', 'units');
    expect(parseParam(units, ' 64 ')).toEqual({ ok: true, value: 64 });
    expect(parseParam(units, '65,536')).toEqual({ ok: true, value: 65536 });
    for (const bad of ['abc', '', '0', '65537', '2.5', '1e3', '-4']) {
      expect(parseParam(units, bad)).toEqual({
        ok: false,
        message: 'Units must be a whole number from 1 to 65,536',
      });
    }
  });

  it('parses floats within range', () => {
    const rate = spec('Dropout', 'rate');
    expect(parseParam(rate, '0.5')).toEqual({ ok: true, value: 0.5 });
    expect(parseParam(rate, '.25')).toEqual({ ok: true, value: 0.25 });
    expect(parseParam(rate, '0')).toEqual({ ok: true, value: 0 });
    expect(parseParam(rate, '0.96')).toEqual({
      ok: false,
      message: 'Rate must be a number from 0 to 0.95',
    });
    expect(parseParam(rate, 'half').ok).toBe(false);
    expect(parseParam(spec('BatchNormalization', 'epsilon'), '1e-3')).toEqual({
      ok: true,
      value: 0.001,
    });
  });

  it('parses enums case-insensitively and booleans', () => {
    expect(parseParam(spec('Dense', 'activation'), 'ReLU')).toEqual({ ok: true, value: 'relu' });
    expect(parseParam(spec('Dense', 'activation'), 'swish').ok).toBe(false);
    expect(parseParam(spec('Dense', 'useBias'), 'false')).toEqual({ ok: true, value: false });
    expect(parseParam(spec('Dense', 'useBias'), 'Yes')).toEqual({ ok: true, value: true });
    expect(parseParam(spec('Dense', 'useBias'), 'maybe').ok).toBe(false);
  });

  it('parses lists typed as "3, 3", "3x3", "(28, 28, 1)" or "(2,)"', () => {
    const kernel = spec('Conv2D', 'kernelSize');
    for (const text of ['3, 3', '3x3', '3 X 3', '3×3', '[3,3]', '(3, 3)', '3 3']) {
      expect(parseParam(kernel, text), text).toEqual({ ok: true, value: [3, 3] });
    }
    expect(parseParam(kernel, '3')).toEqual({
      ok: false,
      message: 'Kernel size must be 2 whole numbers from 1 to 64, like 3, 3',
    });
    expect(parseParam(kernel, '3, 0').ok).toBe(false);
    expect(parseParam(kernel, '3, a').ok).toBe(false);
    const shape = spec('Input', 'shape');
    expect(parseParam(shape, '(28, 28, 1)')).toEqual({ ok: true, value: [28, 28, 1] });
    expect(parseParam(shape, '(2,)')).toEqual({ ok: true, value: [2] });
    expect(parseParam(shape, '1, 2, 3, 4')).toEqual({
      ok: false,
      message: 'Shape must be 1 to 3 whole numbers from 1 to 16,384, like 2',
    });
  });

  it('round-trips every valid value of every param through its text form', () => {
    const all = LAYERS.flatMap((l) => l.params);
    fc.assert(
      fc.property(
        fc
          .constantFrom(...all)
          .chain((p) =>
            fc.tuple(fc.constant(p), paramValueArb(p), fc.constantFrom(', ', 'x', ' ')),
          ),
        ([p, value, sep]) => {
          const text = Array.isArray(value) ? value.join(sep) : String(value);
          expect(parseParam(p, text)).toEqual({ ok: true, value });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never accepts a value outside the schema', () => {
    const all = LAYERS.flatMap((l) => l.params);
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.string(), (p, text) => {
        const result = parseParam(p, text);
        if (result.ok) expect(checkParamValue(p, result.value)).toBeNull();
        else expect(result.message).toContain(p.label);
      }),
      { numRuns: 300 },
    );
  });
});

describe('toKeras', () => {
  const keras = (type: string, params = defaultParams(type), name = 'x_1') =>
    getLayer(type)!.toKeras({ ...defaultParams(type), ...params }, { name });

  it('emits Python layer expressions with snake_case arguments', () => {
    expect(keras('Dense', { units: 64, activation: 'relu' }, 'dense_1')).toBe(
      'layers.Dense(64, activation="relu", name="dense_1")',
    );
    expect(keras('Dense', { useBias: false }, 'dense_2')).toBe(
      'layers.Dense(16, activation="relu", use_bias=False, name="dense_2")',
    );
    expect(keras('Dense', { kernelInitializer: 'heNormal' }, 'dense_3')).toBe(
      'layers.Dense(16, activation="relu", kernel_initializer="he_normal", name="dense_3")',
    );
    expect(keras('Input', { shape: [2] }, 'input_1')).toBe(
      'layers.Input(shape=(2,), name="input_1")',
    );
    expect(keras('Conv2D', { strides: [2, 2], padding: 'same' }, 'conv2d_1')).toBe(
      'layers.Conv2D(8, (3, 3), strides=(2, 2), padding="same", activation="relu", name="conv2d_1")',
    );
    expect(keras('MaxPooling2D', {}, 'maxpooling2d_1')).toBe(
      'layers.MaxPooling2D((2, 2), strides=(2, 2), padding="valid", name="maxpooling2d_1")',
    );
    expect(keras('Dropout', { rate: 0.2 })).toBe('layers.Dropout(0.2, name="x_1")');
    expect(keras('Reshape', { targetShape: [7, 7, 16] })).toBe(
      'layers.Reshape((7, 7, 16), name="x_1")',
    );
    expect(keras('BatchNormalization')).toBe(
      'layers.BatchNormalization(momentum=0.99, epsilon=0.001, name="x_1")',
    );
    expect(keras('Activation', { activation: 'tanh' })).toBe(
      'layers.Activation("tanh", name="x_1")',
    );
    expect(keras('Concatenate')).toBe('layers.Concatenate(name="x_1")');
    expect(keras('LeakyReLU', { alpha: 0.01 })).toBe('layers.LeakyReLU(0.01, name="x_1")');
  });
});

/** Example shapes (batch first) each layer's hooks are called on: a vector, a matrix, an image. */
const TYPICAL: Shape[] = [
  [null, 12],
  [null, 5, 6],
  [null, 7, 6, 3],
];

describe.each(LAYERS.map((l) => [l.type, l] as const))('%s, from its param schema', (_, layer) => {
  it('accepts each param at its default and edges, also typed as text', () => {
    for (const p of layer.params) {
      for (const value of boundaryValues(p)) {
        expect(checkParamValue(p, value), `${p.name} = ${JSON.stringify(value)}`).toBeNull();
        const text = Array.isArray(value) ? value.join(', ') : String(value);
        expect(parseParam(p, text)).toEqual({ ok: true, value });
      }
    }
  });

  it('refuses each param just past its edges, naming it', () => {
    for (const p of layer.params) {
      for (const value of outsideValues(p)) {
        expect(checkParamValue(p, value), `${p.name} = ${JSON.stringify(value)}`).toContain(
          p.label,
        );
        expect(validateParams(layer.type, { [p.name]: value as ParamValue })).toHaveProperty(
          p.name,
        );
      }
    }
  });

  it('infers a shape or says why, counts weights and emits Keras and PyTorch at every probe', () => {
    for (const shape of layer.arity.max === 0 ? [null] : TYPICAL) {
      const inputs = shape === null ? [] : Array<Shape>(Math.max(layer.arity.min, 1)).fill(shape);
      for (const params of probeParams(layer, shape?.slice(1) as number[] | undefined)) {
        const where = `${JSON.stringify(params)} on ${JSON.stringify(shape)}`;
        const result = layer.inferShape(inputs, params);
        if (!result.ok) {
          expect(result.message.length, where).toBeGreaterThan(5);
          continue;
        }
        const weights = layer.countParams(inputs, params);
        expect(Number.isInteger(weights) && weights >= 0, where).toBe(true);
        expect(layer.nonTrainableParams?.(inputs, params) ?? 0).toBeLessThanOrEqual(weights);
        expect(layer.toKeras(params, { name: 'x_1' })).toMatch(/^layers\.\w+\(.*name="x_1"\)$/);
        const ctx = {
          py: 'x_1',
          inputs: inputs.map((_, i) => `x${i}`),
          inShapes: inputs,
          outShape: result.shape,
          params,
        };
        expect(layer.toPyTorch?.init(ctx).every((l) => !l.includes('undefined'))).toBe(true);
        expect(layer.toPyTorch?.forward(ctx)).toMatch(/\S/);
      }
    }
  });
});
