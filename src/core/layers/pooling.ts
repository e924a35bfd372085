/** What the pooling layers share: MaxPooling2D and AveragePooling2D's params and rules, global pooling's shape. */
import { lastDim } from '../graph/shape';
import type { Shape } from '../graph/types';
import type { ParamSpec, ParamsOf, ShapeResult, TorchEmitter } from './types';
import { toChannelsFirst, toChannelsLast, torchPadding } from '../export/codegen/torchLayout';
import { kerasCall, paddingParam, pyStr, pyTuple } from './shared';
import { requireSpatial, slideWindow } from './spatial';

export const poolParams = [
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
] as const satisfies readonly ParamSpec[];

type PoolParams = ParamsOf<typeof poolParams>;

/** The TF.js pooling config: sizes as pairs, as its types ask. */
export function poolArgs(p: PoolParams): {
  poolSize: [number, number];
  strides: [number, number];
  padding: 'valid' | 'same';
} {
  const [ph = 2, pw = 2] = p.poolSize;
  const [sh = 2, sw = 2] = p.strides;
  return { poolSize: [ph, pw], strides: [sh, sw], padding: p.padding };
}

export function inferPoolShape(inputs: readonly Shape[], p: PoolParams): ShapeResult {
  const input = inputs[0];
  if (!input) return { ok: false, message: 'has no input' };
  const window = { window: p.poolSize, strides: p.strides, padding: p.padding };
  return slideWindow(input, 2, window, lastDim(input), 'pool');
}

export function poolToKeras(cls: string, p: PoolParams, name: string): string {
  const { poolSize, strides, padding } = poolArgs(p);
  return kerasCall(
    cls,
    [pyTuple(poolSize), `strides=${pyTuple(strides)}`, `padding=${pyStr(padding)}`],
    name,
  );
}

/** PyTorch pooling on channels-last tensors; TF's 'same' padding is explicit (F.pad). */
export function poolToPyTorch(kind: 'max' | 'avg'): TorchEmitter<PoolParams> {
  return {
    init: () => [],
    forward(c) {
      const { poolSize, strides, padding } = poolArgs(c.params);
      const pad = torchPadding(c.inShapes[0], poolSize, strides, padding);
      const x = toChannelsFirst(c.inputs[0]!, 4);
      const args = `${pyTuple(poolSize)}, ${pyTuple(strides)}`;
      if (kind === 'max') {
        const padded = pad ? `F.pad(${x}, ${pyTuple(pad)}, value=float("-inf"))` : x;
        return toChannelsLast(`F.max_pool2d(${padded}, ${args})`, 4);
      }
      // TF averages over the window's real pixels only: avg_pool_same divides by the pooled mask.
      return toChannelsLast(
        pad ? `avg_pool_same(${x}, ${args}, ${pyTuple(pad)})` : `F.avg_pool2d(${x}, ${args})`,
        4,
      );
    },
  };
}

/** Global pooling over `spatialRank` spatial axes: one value per channel, (None, …, c) → (None, c). */
export function inferGlobalPoolShape(inputs: readonly Shape[], spatialRank: number): ShapeResult {
  const input = inputs[0];
  if (!input) return { ok: false, message: 'has no input' };
  const checked = requireSpatial(input, spatialRank);
  return checked.ok ? { ok: true, shape: [null, lastDim(input)] } : checked;
}

/** The spatial axes of a channels-last tensor of `spatialRank` spatial axes, as a Python tuple. */
export function spatialAxes(spatialRank: number): string {
  return pyTuple(Array.from({ length: spatialRank }, (_, i) => i + 1));
}
