/** Gradient clipping by global norm, as Keras's global_clipnorm and torch's clip_grad_norm_. */
import type * as tfjs from '@tensorflow/tfjs';

/**
 * The gradients scaled so their global norm (the L2 norm of all of them together) is at
 * most `clipNorm`: g · clipNorm / max(globalNorm, clipNorm), tf.clip_by_global_norm's
 * formula. torch's clip_grad_norm_ divides by globalNorm + 1e-6 instead, a relative
 * difference below 1e-6 / globalNorm. The caller disposes the result (or tidies it).
 */
export function clipByGlobalNorm(
  tf: typeof tfjs,
  grads: tfjs.NamedTensorMap,
  clipNorm: number,
): tfjs.NamedTensorMap {
  const names = Object.keys(grads);
  if (names.length === 0) return {};
  return tf.tidy(() => {
    const squares = names.map((n) => tf.sum(tf.square(grads[n]!)));
    const norm = tf.sqrt(squares.length === 1 ? squares[0]! : tf.addN(squares));
    const scale = tf.div(clipNorm, tf.maximum(norm, clipNorm));
    return Object.fromEntries(names.map((n) => [n, tf.mul(grads[n]!, scale)]));
  });
}
