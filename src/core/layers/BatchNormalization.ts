import type { Shape } from '../graph/types';
import { lastDim } from '../graph/shape';
import { defineLayer } from './define';
import { applyLayer, kerasCall } from './shared';
import { staticDim } from '../export/codegen/torchHelpers';
import { toChannelsFirst, toChannelsLast } from '../export/codegen/torchLayout';

function channels(inputs: readonly Shape[]): number {
  const input = inputs[0];
  return input ? (lastDim(input) ?? 0) : 0;
}

/** Normalises each feature (channel) to zero mean and unit variance, batch by batch. */
export const BatchNormalization = defineLayer({
  type: 'BatchNormalization',
  category: 'Normalization',
  description:
    'Rescales each feature to mean 0 and variance 1 over the batch, which often speeds up training.',
  params: [
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
  ],
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
      momentum: p.momentum,
      epsilon: p.epsilon,
      name: ctx.name,
    });
    return applyLayer(layer, inputs);
  },
  toKeras: (p, ctx) =>
    kerasCall('BatchNormalization', [`momentum=${p.momentum}`, `epsilon=${p.epsilon}`], ctx.name),
  toPyTorch: {
    init(c) {
      // PyTorch names the module by spatial axes: 1d for (N, C) and (N, C, L), 2d for images.
      const spatialRank = Math.max((c.inShapes[0]?.length ?? 2) - 2, 1);
      // PyTorch's momentum weighs the new batch: 1 - Keras momentum (0.99 → 0.01).
      const momentum = Number((1 - c.params.momentum).toPrecision(12));
      return [
        `self.${c.py} = nn.BatchNorm${spatialRank}d(${staticDim(c.inShapes[0], -1)}, eps=${c.params.epsilon}, momentum=${momentum})`,
      ];
    },
    forward(c) {
      const rank = c.inShapes[0]?.length ?? 2;
      return toChannelsLast(`self.${c.py}(${toChannelsFirst(c.inputs[0]!, rank)})`, rank);
    },
  },
});
