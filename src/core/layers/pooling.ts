/** What MaxPooling2D and AveragePooling2D share: the same params and shape rule. */
import { lastDim } from '../graph/shape';
import type { LayerParams } from '../graph/types';
import type { LayerSpec, ParamSpec, TorchEmitter } from './types';
import { torchPadding, toNCHW, toNHWC } from '../export/codegen/torchHelpers';
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

/** PyTorch pooling on NHWC tensors; TF's 'same' padding is explicit (F.pad). */
export function poolToPyTorch(kind: 'max' | 'avg'): TorchEmitter {
  return {
    init: () => [],
    forward(c) {
      const { poolSize, strides, padding } = poolArgs(c.params);
      const pad = torchPadding(c.inShapes[0], poolSize, strides, padding);
      const x = toNCHW(c.inputs[0]!);
      const args = `${pyTuple(poolSize)}, ${pyTuple(strides)}`;
      if (kind === 'max') {
        const padded = pad ? `F.pad(${x}, ${pyTuple(pad)}, value=float("-inf"))` : x;
        return toNHWC(`F.max_pool2d(${padded}, ${args})`);
      }
      // TF averages over the window's real pixels only: avg_pool_same divides by the pooled mask.
      return toNHWC(
        pad ? `avg_pool_same(${x}, ${args}, ${pyTuple(pad)})` : `F.avg_pool2d(${x}, ${args})`,
      );
    },
  };
}
