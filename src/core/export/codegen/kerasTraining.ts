/**
 * The Keras script's remedies: the learning-rate schedule (Keras `optimizers.schedules`,
 * with the app's linear warm-up as a small schedule class), early stopping and
 * reduce-on-plateau as Keras callbacks, and gradient clipping as `global_clipnorm`.
 */
import type { TrainingConfig } from '../../train/types';
import { pyNumber } from './common';
import { TRAINING_COMMON_PY } from './trainingPy';

/** A Python call with more keyword arguments: `f(a)` and `b=1` give `f(a, b=1)`. */
export function withKeywordArgs(call: string, args: readonly string[]): string {
  if (!call.endsWith(')')) throw new Error(`Not a Python call: ${call}`);
  if (args.length === 0) return call;
  const open = call.endsWith('()') ? '' : ', ';
  return `${call.slice(0, -1)}${open}${args.join(', ')})`;
}

/** Keyword arguments of the Keras optimizer for the config (global gradient clipping). */
export function kerasOptimizerArgs(config: TrainingConfig): string[] {
  return config.clipNorm > 0 ? [`global_clipnorm=${pyNumber(config.clipNorm)}`] : [];
}

/** Python of the schedule class and the functions `make_learning_rate` and `make_callbacks`. */
export const KERAS_TRAINING = `${TRAINING_COMMON_PY}


@keras.utils.register_keras_serializable(package="train_smarter")
class WarmUp(keras.optimizers.schedules.LearningRateSchedule):
    """The app's linear warm-up: (step + 1) / warmup_steps of the base rate over the first
    warmup_steps steps, then \`decay\` counted from the end of the warm-up. (Keras 3's
    CosineDecay warm-up would start at 0 on step 0, one step behind the app.)"""

    def __init__(self, base, warmup_steps, decay):
        super().__init__()
        self.base = base
        self.warmup_steps = warmup_steps
        self.decay = decay

    def __call__(self, step):
        step = tf.cast(step, tf.float32)
        warm = self.base * (step + 1.0) / self.warmup_steps
        after = self.decay(tf.maximum(step - self.warmup_steps, 0.0))
        return tf.where(step < self.warmup_steps, warm, after)

    def get_config(self):
        return {"base": self.base, "warmup_steps": self.warmup_steps,
                "decay": keras.optimizers.schedules.serialize(self.decay)}

    @classmethod
    def from_config(cls, config):
        decay = keras.optimizers.schedules.deserialize(config["decay"])
        return cls(config["base"], config["warmup_steps"], decay)


def make_learning_rate(steps_per_epoch):
    """The app's learning rate per optimizer step: a number for a constant rate (or one
    that ReduceLROnPlateau cuts), else a schedule of the step count."""
    base = CONFIG["learningRate"]
    kind = CONFIG["lrSchedule"]
    if kind not in ("step", "exponential", "cosine"):
        return base
    decay_steps, warmup_steps = schedule_steps(steps_per_epoch)
    schedules = keras.optimizers.schedules
    if kind == "cosine":
        decay = schedules.CosineDecay(base, decay_steps, alpha=0.0)
    else:
        # step: base * factor ** floor(step / decay_steps); exponential: ** (step / decay_steps)
        decay = schedules.ExponentialDecay(
            base, decay_steps, CONFIG["lrDecayFactor"], staircase=kind == "step")
    return WarmUp(base, warmup_steps, decay) if warmup_steps > 0 else decay


def make_callbacks():
    """Early stopping and reduce-on-plateau, watching what the app's run watched."""
    name, mode = monitor()
    callbacks = []
    if CONFIG["earlyStopping"]:
        callbacks.append(keras.callbacks.EarlyStopping(
            monitor=name, mode=mode, min_delta=CONFIG["earlyStoppingMinDelta"],
            patience=CONFIG["earlyStoppingPatience"],
            restore_best_weights=CONFIG["restoreBestWeights"]))
    if CONFIG["lrSchedule"] == "plateau":
        callbacks.append(keras.callbacks.ReduceLROnPlateau(
            monitor=name, mode=mode, factor=CONFIG["plateauFactor"],
            patience=CONFIG["plateauPatience"], min_delta=CONFIG["earlyStoppingMinDelta"],
            cooldown=0, min_lr=0.0))
    return callbacks`;
