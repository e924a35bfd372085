import { defineLayer } from './define';
import { applyLayer, kerasCall } from './shared';

/** Randomly zeroes a fraction of values while training, to fight overfitting. */
export const Dropout = defineLayer({
  type: 'Dropout',
  category: 'Core',
  description:
    'While training, randomly switches off a fraction of values so the model cannot rely on any one.',
  params: [
    {
      name: 'rate',
      label: 'Rate',
      kind: 'float',
      default: 0.2,
      min: 0,
      max: 0.95,
      help: 'Fraction of values randomly zeroed during training. Raise it (0.2–0.5) if the model overfits; 0 turns it off.',
      search: { kind: 'real', scale: 'linear', defaultRange: [0, 0.5] },
    },
  ],
  arity: { min: 1, max: 1 },
  inferShape(inputs) {
    const input = inputs[0];
    return input ? { ok: true, shape: input } : { ok: false, message: 'has no input' };
  },
  countParams: () => 0,
  apply(tf, inputs, p, ctx) {
    // The training loop sets the seed before every step (setDropoutSeeds in
    // train/tfjsWorkarounds.ts): masks follow (run seed, layer, step), never a stream
    // advanced by earlier calls, so a run continued from a checkpoint draws the same ones.
    const layer = tf.layers.dropout({
      rate: p.rate,
      seed: ctx.seed,
      name: ctx.name,
    });
    return applyLayer(layer, inputs);
  },
  toKeras: (p, ctx) => kerasCall('Dropout', [String(p.rate)], ctx.name),
  toPyTorch: {
    init: (c) => [`self.${c.py} = nn.Dropout(${c.params.rate})`],
    forward: (c) => `self.${c.py}(${c.inputs[0]})`,
  },
});
