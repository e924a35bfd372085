import { formatShape } from '../graph/shape';
import { defineLayer } from './define';
import { applyLayer, kerasCall } from './shared';

/** Joins its inputs along the last axis (features or channels). */
export const Concatenate = defineLayer({
  type: 'Concatenate',
  category: 'Merge',
  description: 'Joins its inputs side by side along the last axis, e.g. 8 + 4 features → 12.',
  params: [],
  arity: { min: 2, max: Infinity },
  inferShape(inputs) {
    const [first] = inputs;
    if (!first) return { ok: false, message: 'has no input' };
    const leading = first.slice(0, -1);
    const mismatch = inputs.some(
      (s) => s.length !== first.length || s.slice(0, -1).some((d, i) => d !== leading[i]),
    );
    if (mismatch) {
      return {
        ok: false,
        message: `inputs have shapes ${inputs.map(formatShape).join(' and ')}; all sizes but the last must match`,
        fix: inputs.some((s) => s.length !== first.length)
          ? 'Flatten the branches first so they all have the same rank'
          : 'Make the branches agree on every axis except the last',
      };
    }
    let last: number | null = 0;
    for (const s of inputs) {
      const d = s[s.length - 1] ?? null;
      last = last === null || d === null ? null : last + d;
    }
    return { ok: true, shape: [...leading, last] };
  },
  countParams: () => 0,
  apply(tf, inputs, _p, ctx) {
    return applyLayer(tf.layers.concatenate({ axis: -1, name: ctx.name }), inputs);
  },
  toKeras: (_p, ctx) => kerasCall('Concatenate', [], ctx.name),
  toPyTorch: { init: () => [], forward: (c) => `torch.cat([${c.inputs.join(', ')}], dim=-1)` },
});
