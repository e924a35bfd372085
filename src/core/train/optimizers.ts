/**
 * The optimizers the app trains with, one entry each: the label the form shows, how
 * TF.js makes it, and how the exported Keras and PyTorch scripts spell it with the same
 * hyperparameters. The name type, the settings' options and zod enum, `makeOptimizer`
 * and the code exporters all read this table; adding an optimizer is one entry.
 */
import type * as tfjs from '@tensorflow/tfjs';

interface OptimizerEntry {
  label: string;
  make(tf: typeof tfjs, learningRate: number): tfjs.Optimizer;
  /** Keras expression, given the learning rate as a Python literal. */
  keras(lr: string): string;
  /** PyTorch expression over `model`, given the learning rate as a Python literal. */
  torch(lr: string): string;
}

// Keras and TF.js use epsilon 1e-7 (PyTorch's default is 1e-8), RMSprop's rho 0.9 and
// Adagrad's initial accumulator 0.1: the exports spell them out so the runs agree.
export const OPTIMIZERS = {
  sgd: {
    label: 'SGD',
    make: (tf, lr) => tf.train.sgd(lr),
    keras: (lr) => `keras.optimizers.SGD(learning_rate=${lr})`,
    torch: (lr) => `torch.optim.SGD(model.parameters(), lr=${lr})`,
  },
  momentum: {
    // 0.9 is the Keras and PyTorch habit for SGD with momentum.
    label: 'SGD with momentum (0.9)',
    make: (tf, lr) => tf.train.momentum(lr, 0.9),
    keras: (lr) => `keras.optimizers.SGD(learning_rate=${lr}, momentum=0.9)`,
    torch: (lr) => `torch.optim.SGD(model.parameters(), lr=${lr}, momentum=0.9)`,
  },
  adam: {
    label: 'Adam',
    make: (tf, lr) => tf.train.adam(lr),
    keras: (lr) => `keras.optimizers.Adam(learning_rate=${lr}, epsilon=1e-7)`,
    torch: (lr) => `torch.optim.Adam(model.parameters(), lr=${lr}, betas=(0.9, 0.999), eps=1e-7)`,
  },
  rmsprop: {
    label: 'RMSprop',
    make: (tf, lr) => tf.train.rmsprop(lr),
    keras: (lr) => `keras.optimizers.RMSprop(learning_rate=${lr}, rho=0.9, epsilon=1e-7)`,
    torch: (lr) => `torch.optim.RMSprop(model.parameters(), lr=${lr}, alpha=0.9, eps=1e-7)`,
  },
  adagrad: {
    label: 'Adagrad',
    make: (tf, lr) => tf.train.adagrad(lr),
    keras: (lr) =>
      `keras.optimizers.Adagrad(learning_rate=${lr}, initial_accumulator_value=0.1, epsilon=1e-7)`,
    torch: (lr) =>
      `torch.optim.Adagrad(model.parameters(), lr=${lr}, initial_accumulator_value=0.1, eps=1e-7)`,
  },
} as const satisfies Record<string, OptimizerEntry>;

export type OptimizerName = keyof typeof OPTIMIZERS;

/** The entry of a known optimizer; throws on a name outside the table (a bug: inputs are parsed first). */
export function optimizerEntry(name: OptimizerName): OptimizerEntry {
  if (!Object.hasOwn(OPTIMIZERS, name)) throw new Error(`Unknown optimizer ${String(name)}`);
  return OPTIMIZERS[name];
}

/** A fresh TF.js optimizer; the caller disposes it (Adam and friends hold state tensors). */
export function makeOptimizer(
  tf: typeof tfjs,
  name: OptimizerName,
  learningRate: number,
): tfjs.Optimizer {
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new RangeError('The learning rate must be a number above 0.');
  }
  return optimizerEntry(name).make(tf, learningRate);
}
