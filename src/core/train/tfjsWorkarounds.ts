/** Work-arounds for TF.js 4.22 behaviour the training loop depends on. */
import type * as tfjs from '@tensorflow/tfjs';
import { deriveSeed } from './random';

const DROPOUT_SALT = 4;

/**
 * When a gradient kernel throws (e.g. one the WASM backend lacks), TF.js leaves the
 * tensors it saved for backprop on its tape: engine.gradients disposes them only on
 * success (tfjs-core engine.js). Dispose them so a failed step leaks nothing.
 */
export function releaseFailedTape(tf: typeof tfjs): void {
  const state = tf.engine().state;
  if (state.gradientDepth !== 0 || !state.activeTape) return;
  for (const node of state.activeTape) node.saved?.forEach((t) => t.dispose());
  state.activeTape = null as unknown as typeof state.activeTape;
}

const DROPOUT_CLASSES = new Set(['Dropout', 'SpatialDropout1D']);

/** The layers whose masks setDropoutSeeds controls. */
export function dropoutLayersOf(model: tfjs.LayersModel): tfjs.layers.Layer[] {
  return model.layers.filter((l) => DROPOUT_CLASSES.has(l.getClassName()));
}

/**
 * TF.js Dropout with a fixed `seed` draws the same mask on every call (tfc.dropout makes
 * a fresh seedrandom generator from the seed each time: tfjs-core ops/dropout.js and
 * rand_util.js UniformRandom), and without a seed it uses Math.random, which is not
 * reproducible. Dropout.call reads `this.seed` on every call (tfjs-layers
 * layers/core.js), so before each step this sets every Dropout layer's seed from the run
 * seed, the layer and the global step: masks differ between steps, and a run continued
 * from a checkpoint draws the masks the uninterrupted run drew. Throws if a seed does
 * not stick (a getter or frozen layer), since the masks would then silently repeat.
 */
export function setDropoutSeeds(layers: tfjs.layers.Layer[], seed: number, step: number): void {
  layers.forEach((layer, i) => {
    const value = deriveSeed(seed * 131 + i, DROPOUT_SALT + step);
    // `seed` is private in the typings but a plain field of the layer.
    if (!Reflect.set(layer, 'seed', value) || Reflect.get(layer, 'seed') !== value) {
      throw new Error(
        `Cannot set the seed of Dropout layer "${layer.name}": its masks would not follow the run seed.`,
      );
    }
  });
}

const INTERRUPTION_POLL_MS = 250;

/**
 * Awaits `work` unless the backend is lost first. Reads from a lost WebGL context never
 * complete (its fences never pass), so awaiting them would hang the run forever; this
 * polls `interruption` while waiting and gives up on the work when it reports a reason.
 */
export async function unlessInterrupted<T>(
  work: Promise<T>,
  interruption: (() => string | null) | undefined,
): Promise<{ value: T } | { interrupted: string }> {
  if (!interruption) return { value: await work };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watch = new Promise<{ interrupted: string }>((resolve) => {
    const poll = () => {
      const reason = interruption();
      if (reason) resolve({ interrupted: reason });
      else timer = setTimeout(poll, INTERRUPTION_POLL_MS);
    };
    timer = setTimeout(poll, INTERRUPTION_POLL_MS);
  });
  try {
    return await Promise.race([work.then((value) => ({ value })), watch]);
  } finally {
    clearTimeout(timer);
  }
}
