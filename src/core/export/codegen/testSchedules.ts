/**
 * Reference formulas of the app's learning-rate schedules, reduce-on-plateau and early
 * stopping, written from their definitions, for the export tests. Not imported by app code.
 */
import type { TrainingConfig } from '../../train/types';

/** Decay and warm-up lengths in steps: epochs × batches per epoch, rounded. */
export function scheduleSteps(
  config: TrainingConfig,
  stepsPerEpoch: number,
): { decay: number; warmup: number } {
  return {
    decay: Math.max(1, Math.round(config.lrDecayEpochs * stepsPerEpoch)),
    warmup: Math.max(0, Math.round(config.lrWarmupEpochs * stepsPerEpoch)),
  };
}

/** The learning rate of optimizer step `step` (0-based) under the config's decay schedule. */
export function referenceLr(config: TrainingConfig, step: number, stepsPerEpoch: number): number {
  const base = config.learningRate;
  const { decay, warmup } = scheduleSteps(config, stepsPerEpoch);
  const kind = config.lrSchedule;
  if (kind === 'constant' || kind === 'plateau') return base;
  if (step < warmup) return (base * (step + 1)) / warmup;
  const t = step - warmup;
  const factor = config.lrDecayFactor;
  switch (kind) {
    case 'step':
      return base * factor ** Math.floor(t / decay);
    case 'exponential':
      return base * factor ** (t / decay);
    case 'cosine':
      return base * 0.5 * (1 + Math.cos((Math.PI * Math.min(t, decay)) / decay));
    default: {
      const never: never = kind;
      throw new Error(`Unknown schedule ${String(never)}`);
    }
  }
}

type Mode = 'min' | 'max';

function improves(value: number, best: number, mode: Mode, minDelta: number): boolean {
  return mode === 'min' ? value < best - minDelta : value > best + minDelta;
}

/** Keras ReduceLROnPlateau (cooldown 0, min_lr 0): the learning rate after each epoch. */
export function referencePlateau(
  values: readonly number[],
  o: { base: number; mode: Mode; factor: number; patience: number; minDelta: number },
): number[] {
  let lr = o.base;
  let best = o.mode === 'min' ? Infinity : -Infinity;
  let wait = 0;
  return values.map((v) => {
    if (improves(v, best, o.mode, o.minDelta)) {
      best = v;
      wait = 0;
    } else if (++wait >= o.patience) {
      lr *= o.factor;
      wait = 0;
    }
    return lr;
  });
}

/** Keras EarlyStopping: the 1-based epoch it stops at (0: never) and the best epoch then. */
export function referenceEarlyStop(
  values: readonly number[],
  o: { mode: Mode; patience: number; minDelta: number },
): { stoppedEpoch: number; bestEpoch: number } {
  let best = o.mode === 'min' ? Infinity : -Infinity;
  let bestEpoch = 0;
  let wait = 0;
  for (let i = 0; i < values.length; i++) {
    wait += 1;
    if (improves(values[i]!, best, o.mode, o.minDelta)) {
      best = values[i]!;
      bestEpoch = i + 1;
      wait = 0;
    } else if (wait >= o.patience) return { stoppedEpoch: i + 1, bestEpoch };
  }
  return { stoppedEpoch: 0, bestEpoch };
}
