/**
 * Learning-rate schedules, pure. Decay schedules give the rate at a global step (0-based,
 * counted over the whole run), so a run continued from a checkpoint needs only its step;
 * reduce-on-plateau is a per-epoch state machine whose state a checkpoint keeps. The Keras
 * and PyTorch exports reproduce exactly these numbers (schedules.pytorch.test.ts drives
 * torch's schedulers the same way).
 *
 * - step:        base · factor^floor(s / decaySteps)
 * - exponential: base · factor^(s / decaySteps)
 * - cosine:      base · ½ (1 + cos(π · min(s, decaySteps) / decaySteps)), 0 after decaySteps
 * - warm-up:     base · (step + 1) / warmupSteps for step < warmupSteps, then the decay
 *                with s = step − warmupSteps
 * - plateau:     Keras ReduceLROnPlateau (cooldown 0, min_lr 0): after `patience` epochs
 *                without an improvement beyond the min delta, the rate is multiplied by
 *                `factor` and the wait starts again.
 */
import { isImprovement, worstValue, type MonitorMode } from './monitor';
import { isDecaySchedule } from './settings';
import type { TrainingConfig } from './types';

export type ScheduleConfig = Pick<
  TrainingConfig,
  'learningRate' | 'lrSchedule' | 'lrDecayEpochs' | 'lrDecayFactor' | 'lrWarmupEpochs'
>;

/** A decay schedule's lengths in optimizer steps. */
export interface ScheduleSteps {
  decaySteps: number;
  warmupSteps: number;
}

/**
 * Decay and warm-up lengths in whole steps: their epochs × batches per epoch
 * (ceil(train rows / batch size)), rounded to the nearest step, with at least one decay
 * step. Whole steps because torch's StepLR and LinearLR count whole steps.
 */
export function scheduleSteps(
  config: Pick<TrainingConfig, 'lrDecayEpochs' | 'lrWarmupEpochs'>,
  batchesPerEpoch: number,
): ScheduleSteps {
  return {
    decaySteps: Math.max(1, Math.round(config.lrDecayEpochs * batchesPerEpoch)),
    warmupSteps: Math.max(0, Math.round(config.lrWarmupEpochs * batchesPerEpoch)),
  };
}

/**
 * The learning rate at global step `step` (0-based) of a decay schedule; the base rate
 * for 'constant' and for 'plateau' (whose rate is its state's, see plateauStep).
 */
export function learningRateAt(config: ScheduleConfig, steps: ScheduleSteps, step: number): number {
  const base = config.learningRate;
  if (!isDecaySchedule(config.lrSchedule)) return base;
  const { decaySteps, warmupSteps } = steps;
  if (step < warmupSteps) return (base * (step + 1)) / warmupSteps;
  const s = step - warmupSteps;
  const factor = config.lrDecayFactor;
  switch (config.lrSchedule) {
    case 'step':
      return base * factor ** Math.floor(s / decaySteps);
    case 'exponential':
      return base * factor ** (s / decaySteps);
    case 'cosine':
      return base * 0.5 * (1 + Math.cos((Math.PI * Math.min(s, decaySteps)) / decaySteps));
    default:
      throw new Error(`Not a decay schedule: ${config.lrSchedule}`);
  }
}

/** Reduce-on-plateau between epochs: the rate now, the best monitored value and the wait. */
export interface PlateauState {
  lr: number;
  best: number;
  wait: number;
}

export interface PlateauRule {
  mode: MonitorMode;
  minDelta: number;
  patience: number;
  factor: number;
}

/** Reduce-on-plateau before the first epoch. */
export function initialPlateau(lr: number, mode: MonitorMode): PlateauState {
  return { lr, best: worstValue(mode), wait: 0 };
}

/** Reduce-on-plateau after an epoch whose monitored value is `current` (Keras's on_epoch_end). */
export function plateauStep(state: PlateauState, current: number, rule: PlateauRule): PlateauState {
  if (isImprovement(rule.mode, rule.minDelta, current, state.best)) {
    return { ...state, best: current, wait: 0 };
  }
  const wait = state.wait + 1;
  if (wait < rule.patience) return { ...state, wait };
  // Keras reduces only while the rate is above min_lr (0 here).
  return { ...state, lr: state.lr > 0 ? state.lr * rule.factor : state.lr, wait: 0 };
}
