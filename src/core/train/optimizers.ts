import type * as tfjs from '@tensorflow/tfjs';
import type { OptimizerName } from './types';

/** A fresh TF.js optimizer; the caller disposes it (Adam and friends hold state tensors). */
export function makeOptimizer(
  tf: typeof tfjs,
  name: OptimizerName,
  learningRate: number,
): tfjs.Optimizer {
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
    throw new RangeError('The learning rate must be a number above 0.');
  }
  switch (name) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      // 0.9 is the Keras and PyTorch habit for SGD with momentum.
      return tf.train.momentum(learningRate, 0.9);
    case 'adam':
      return tf.train.adam(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
    case 'adagrad':
      return tf.train.adagrad(learningRate);
    default: {
      const never: never = name;
      throw new Error(`Unknown optimizer ${String(never)}`);
    }
  }
}
