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

/**
 * Optimizer state that TF.js keeps outside getWeights()/setWeights(), by optimizer class
 * (tfjs-core 4.22 optimizers/*.js). Adam's setWeights recomputes its bias-correction
 * powers as pow(beta, iterations + 1), while training accumulates them by one float32
 * multiplication per step; the two differ in the last bits, so a restored Adam would
 * drift from the run it continues. A checkpoint saves these variables and assigns them
 * back after setWeights. The other optimizers hold only constants of their config (SGD
 * and Momentum their scalar learning rate and momentum). A class missing here throws:
 * read its source before trusting a checkpoint of it.
 */
const PRIVATE_OPTIMIZER_STATE: Readonly<Record<string, readonly string[]>> = {
  SGD: [],
  Momentum: [],
  Adam: ['accBeta1', 'accBeta2'],
  RMSProp: [],
  Adagrad: [],
};

/** The optimizer's private state variables a checkpoint must save (see above), by name. */
export function privateOptimizerState(
  optimizer: tfjs.Optimizer,
): { name: string; variable: tfjs.Variable }[] {
  const className = optimizer.getClassName();
  const names = PRIVATE_OPTIMIZER_STATE[className];
  if (!names) throw new Error(`No checkpoint support for the ${className} optimizer.`);
  return names.map((name) => {
    const variable: unknown = Reflect.get(optimizer, name);
    if (!isVariable(variable)) {
      throw new Error(`The ${className} optimizer has no ${name} variable (TF.js changed?).`);
    }
    return { name, variable };
  });
}

/**
 * How each optimizer class takes a new learning rate (tfjs-core 4.22 optimizers/*.js):
 * SGD and Momentum step with a scalar tensor `c` = −rate made once, which only their
 * setLearningRate remakes; Adam, RMSProp and Adagrad read the plain `learningRate` field
 * at every step. A class missing here throws rather than silently keep its old rate.
 */
const LEARNING_RATE_SETTERS: Readonly<Record<string, (o: tfjs.Optimizer, lr: number) => void>> = {
  SGD: setWithMethod,
  Momentum: setWithMethod,
  Adam: setField,
  RMSProp: setField,
  Adagrad: setField,
};

function setWithMethod(optimizer: tfjs.Optimizer, lr: number): void {
  const method: unknown = Reflect.get(optimizer, 'setLearningRate');
  if (typeof method !== 'function') throw new Error('This SGD optimizer has no setLearningRate.');
  (method as (lr: number) => void).call(optimizer, lr);
}

function setField(optimizer: tfjs.Optimizer, lr: number): void {
  // `learningRate` is protected in the typings but a plain field read by applyGradients.
  Reflect.set(optimizer, 'learningRate', lr);
}

/** Sets the rate the optimizer's next step uses (see LEARNING_RATE_SETTERS). */
export function setLearningRate(optimizer: tfjs.Optimizer, lr: number): void {
  const className = optimizer.getClassName();
  const setter = LEARNING_RATE_SETTERS[className];
  if (!setter) throw new Error(`Cannot set the learning rate of the ${className} optimizer.`);
  setter(optimizer, lr);
  if (Reflect.get(optimizer, 'learningRate') !== lr) {
    throw new Error(`The ${className} optimizer did not take the learning rate ${lr}.`);
  }
}

/**
 * Disposes an optimizer and everything it holds. TF.js's MomentumOptimizer.dispose
 * overrides SGDOptimizer.dispose without calling it, so the learning-rate scalar `c`
 * SGD made would leak one tensor per momentum run (tfjs-core momentum_optimizer.js).
 */
export function disposeOptimizer(optimizer: tfjs.Optimizer): void {
  optimizer.dispose();
  const c: unknown = Reflect.get(optimizer, 'c');
  if (isTensor(c) && !c.isDisposed) c.dispose();
}

function isTensor(value: unknown): value is tfjs.Tensor {
  return typeof value === 'object' && value !== null && 'dataId' in value && 'dispose' in value;
}

function isVariable(value: unknown): value is tfjs.Variable {
  return isTensor(value) && 'assign' in value;
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
