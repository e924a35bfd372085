import type { Shape } from '../graph/types';
import { lastDim } from '../graph/shape';
import type { LayerSpec, ParamSpec } from './types';
import { applyLayer, kerasCall, numParam } from './shared';
import { staticDim, toNCHW, toNHWC } from '../export/codegen/torchHelpers';

const params: readonly ParamSpec[] = [
  {
    name: 'momentum',
    label: 'Momentum',
    kind: 'float',
    default: 0.99,
    min: 0,
    max: 0.9999,
    help: 'How slowly the running mean and variance used at prediction time follow each batch. Lower it (0.9) for short trainings.',
  },
  {
    name: 'epsilon',
    label: 'Epsilon',
    kind: 'float',
    default: 0.001,
    min: 1e-7,
    max: 0.1,
    help: 'Small number added to the variance to avoid dividing by zero; rarely needs changing.',
  },
];

function channels(inputs: readonly Shape[]): number {
  const input = inputs[0];
  return input ? (lastDim(input) ?? 0) : 0;
}

/** Normalises each feature (channel) to zero mean and unit variance, batch by batch. */
export const BatchNormalization: LayerSpec = {
  type: 'BatchNormalization',
  category: 'Normalization',
  description:
    'Rescales each feature to mean 0 and variance 1 over the batch, which often speeds up training.',
  params,
  arity: { min: 1, max: 1 },
  inferShape(inputs) {
    const input = inputs[0];
    return input ? { ok: true, shape: input } : { ok: false, message: 'has no input' };
  },
  // gamma and beta are trained; the moving mean and variance are not, but count.
  countParams: (inputs) => 4 * channels(inputs),
  nonTrainableParams: (inputs) => 2 * channels(inputs),
  apply(tf, inputs, p, ctx) {
    const layer = tf.layers.batchNormalization({
      momentum: numParam(params, p, 'momentum'),
      epsilon: numParam(params, p, 'epsilon'),
      name: ctx.name,
    });
    return applyLayer(layer, inputs);
  },
  toKeras: (p, ctx) =>
    kerasCall(
      'BatchNormalization',
      [`momentum=${numParam(params, p, 'momentum')}`, `epsilon=${numParam(params, p, 'epsilon')}`],
      ctx.name,
    ),
  toPyTorch: {
    init(c) {
      const rank = c.inShapes[0]?.length ?? 2;
      const cls = rank === 4 ? 'BatchNorm2d' : 'BatchNorm1d';
      // PyTorch's momentum weighs the new batch: 1 - Keras momentum (0.99 → 0.01).
      const momentum = Number((1 - numParam(params, c.params, 'momentum')).toPrecision(12));
      const eps = numParam(params, c.params, 'epsilon');
      return [
        `self.${c.py} = nn.${cls}(${staticDim(c.inShapes[0], -1)}, eps=${eps}, momentum=${momentum})`,
      ];
    },
    forward(c) {
      const x = c.inputs[0]!;
      const rank = c.inShapes[0]?.length ?? 2;
      if (rank === 2) return `self.${c.py}(${x})`;
      if (rank === 3) return `self.${c.py}(${x}.permute(0, 2, 1)).permute(0, 2, 1)`;
      return toNHWC(`self.${c.py}(${toNCHW(x)})`);
    },
  },
};
