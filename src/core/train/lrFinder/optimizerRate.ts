/** Changing a live TF.js optimizer's learning rate between steps (the range test's schedule). */
import type * as tfjs from '@tensorflow/tfjs';

/**
 * How each TF.js 4.22 optimizer class reads its rate (tfjs-core optimizers/*.js): SGD and
 * Momentum hold it as a kept scalar `c` that only `setLearningRate` renews; Adam, RMSProp
 * and Adagrad read the plain `learningRate` field on every step. A class missing here
 * throws: read its source before trusting a change of rate.
 */
const RATE_FIELD: Readonly<Record<string, 'setLearningRate' | 'field'>> = {
  SGD: 'setLearningRate',
  Momentum: 'setLearningRate',
  Adam: 'field',
  RMSProp: 'field',
  Adagrad: 'field',
};

/** Sets the rate the optimizer's next step uses. */
export function setOptimizerLearningRate(optimizer: tfjs.Optimizer, learningRate: number): void {
  const className = optimizer.getClassName();
  const how = RATE_FIELD[className];
  if (!how) throw new Error(`Cannot change the learning rate of the ${className} optimizer.`);
  if (how === 'setLearningRate') {
    const set: unknown = Reflect.get(optimizer, 'setLearningRate');
    if (typeof set !== 'function') throw new Error(`${className} has no setLearningRate.`);
    (set as (lr: number) => void).call(optimizer, learningRate);
    return;
  }
  // `learningRate` is protected in the typings but a plain field of the optimizer.
  if (!Reflect.set(optimizer, 'learningRate', learningRate)) {
    throw new Error(`Cannot set the learning rate of the ${className} optimizer.`);
  }
}
