import type { Shape } from '../graph/types';
import { formatShape } from '../graph/shape';
import { defineLayer } from './define';
import type { ShapeResult } from './types';
import { applyLayer, kerasCall } from './shared';

/**
 * Broadcast shape of two inputs (batch dim excluded), as TF.js and Keras merge layers
 * compute it: trailing axes must be equal or 1. Null when they do not broadcast.
 */
function broadcast(a: readonly (number | null)[], b: readonly (number | null)[]) {
  if (a.length < b.length) return broadcast(b, a);
  const out: (number | null)[] = a.slice(0, a.length - b.length);
  for (let k = 0; k < b.length; k++) {
    const i = a[a.length - b.length + k] ?? null;
    const j = b[k] ?? null;
    if (i === null || j === null) out.push(null);
    else if (i === 1) out.push(j);
    else if (j === 1) out.push(i);
    else if (i !== j) return null;
    else out.push(i);
  }
  return out;
}

function inferAddShape(inputs: readonly Shape[]): ShapeResult {
  const [first, ...rest] = inputs;
  if (!first) return { ok: false, message: 'has no input' };
  let dims: (number | null)[] | null = first.slice(1);
  for (const shape of rest) {
    dims = broadcast(dims, shape.slice(1));
    if (dims === null) {
      return {
        ok: false,
        message: `inputs have shapes ${inputs.map(formatShape).join(' and ')}; they must be equal`,
        fix: 'Make every incoming branch end with the same shape, e.g. the same number of units',
      };
    }
  }
  return { ok: true, shape: [null, ...dims] };
}

/** Sums its inputs element by element: the merge behind residual (skip) connections. */
export const Add = defineLayer({
  type: 'Add',
  category: 'Merge',
  description:
    'Adds its inputs value by value; used for skip connections. Inputs must have the same shape.',
  params: [],
  arity: { min: 2, max: Infinity },
  inferShape: inferAddShape,
  countParams: () => 0,
  apply(tf, inputs, _p, ctx) {
    return applyLayer(tf.layers.add({ name: ctx.name }), inputs);
  },
  toKeras: (_p, ctx) => kerasCall('Add', [], ctx.name),
  toPyTorch: { init: () => [], forward: (c) => c.inputs.join(' + ') },
});
