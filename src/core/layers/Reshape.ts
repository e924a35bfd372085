import { exampleSize, formatExampleShape, formatShape } from '../graph/shape';
import { defineLayer } from './define';
import { applyLayer, kerasCall, pyTuple } from './shared';

/** Rearranges each example into a new shape with the same number of values. */
export const Reshape = defineLayer({
  type: 'Reshape',
  category: 'Reshape',
  description:
    'Rearranges each example into a new shape holding the same values, e.g. 784 → 28×28×1.',
  params: [
    {
      name: 'targetShape',
      label: 'Target shape',
      kind: 'ints',
      default: [28, 28, 1],
      minLength: 1,
      maxLength: 3,
      min: 1,
      max: 16384,
      help: 'New shape of each example, without the batch; its sizes must multiply to the input size, e.g. 784 → (28, 28, 1).',
    },
  ],
  arity: { min: 1, max: 1 },
  inferShape(inputs, p) {
    const input = inputs[0];
    if (!input) return { ok: false, message: 'has no input' };
    const target = p.targetShape;
    const size = exampleSize(input);
    const targetSize = target.reduce((a, b) => a * b, 1);
    if (size !== null && size !== targetSize) {
      return {
        ok: false,
        message: `cannot reshape ${formatShape(input)} (${size.toLocaleString('en-US')} values) into ${formatExampleShape(target)} (${targetSize.toLocaleString('en-US')} values)`,
        fix: `Choose a target shape whose sizes multiply to ${size.toLocaleString('en-US')}`,
      };
    }
    return { ok: true, shape: [null, ...target] };
  },
  countParams: () => 0,
  apply(tf, inputs, p, ctx) {
    return applyLayer(tf.layers.reshape({ targetShape: p.targetShape, name: ctx.name }), inputs);
  },
  toKeras: (p, ctx) => kerasCall('Reshape', [pyTuple(p.targetShape)], ctx.name),
  toPyTorch: {
    init: () => [],
    forward: (c) =>
      `${c.inputs[0]}.reshape(${c.inputs[0]}.shape[0], ${c.params.targetShape.join(', ')})`,
  },
});
