/** What MaxPooling2D and AveragePooling2D share: the same params and shape rule. */
import { lastDim } from '../graph/shape';
import type { LayerParams } from '../graph/types';
import type { LayerSpec, ParamSpec } from './types';
import { intsParam, kerasCall, paddingParam, pyStr, pyTuple, strParam } from './shared';
import { slideWindow } from './spatial';

export const poolParams: readonly ParamSpec[] = [
  {
    name: 'poolSize',
    label: 'Pool size',
    kind: 'ints',
    default: [2, 2],
    length: 2,
    min: 1,
    max: 64,
    help: 'Height and width of each window that is summarised into one value. 2×2 is the usual choice.',
  },
  {
    name: 'strides',
    label: 'Strides',
    kind: 'ints',
    default: [2, 2],
    length: 2,
    min: 1,
    max: 64,
    help: 'How far the window moves each step; equal to the pool size, windows do not overlap and the image shrinks by that factor.',
  },
  paddingParam,
];

export function poolArgs(p: LayerParams): {
  poolSize: [number, number];
  strides: [number, number];
  padding: 'valid' | 'same';
} {
  const [ph = 2, pw = 2] = intsParam(poolParams, p, 'poolSize');
  const [sh = 2, sw = 2] = intsParam(poolParams, p, 'strides');
  return {
    poolSize: [ph, pw],
    strides: [sh, sw],
    padding: strParam(poolParams, p, 'padding') === 'same' ? 'same' : 'valid',
  };
}

export const inferPoolShape: LayerSpec['inferShape'] = (inputs, p) => {
  const input = inputs[0];
  if (!input) return { ok: false, message: 'has no input' };
  const { poolSize, strides, padding } = poolArgs(p);
  return slideWindow(input, poolSize, strides, padding, lastDim(input), 'pool');
};

export function poolToKeras(cls: string, p: LayerParams, name: string): string {
  const { poolSize, strides, padding } = poolArgs(p);
  return kerasCall(
    cls,
    [pyTuple(poolSize), `strides=${pyTuple(strides)}`, `padding=${pyStr(padding)}`],
    name,
  );
}
