/**
 * What a training run carries from epoch to epoch besides its weights and optimizer state:
 * reduce-on-plateau's rate and counters and early stopping's best and wait. Each
 * checkpoint saves it, so a continued or recovered run goes on with the same learning
 * rate and the same patience left, bit for bit. Pure: the loop applies the results.
 */
import type { TaskKind } from '../graph/types';
import {
  earlyStoppingStep,
  initialEarlyStopping,
  type EarlyStoppingRule,
  type EarlyStoppingState,
} from './earlyStopping';
import { monitoredValue, monitorOf, type Monitor } from './monitor';
import {
  initialPlateau,
  learningRateAt,
  plateauStep,
  scheduleSteps,
  type PlateauRule,
  type PlateauState,
  type ScheduleSteps,
} from './schedules';
import type { EpochMetrics, TrainingConfig } from './types';

export interface LoopState {
  /** Set when the schedule is reduce-on-plateau. */
  plateau: PlateauState | null;
  /** Set when early stopping is on. */
  earlyStopping: EarlyStoppingState | null;
}

/** A run's schedule and early-stopping rules, fixed for the run. */
export interface LoopRules {
  config: TrainingConfig;
  monitor: Monitor;
  steps: ScheduleSteps;
  plateau: PlateauRule;
  earlyStopping: EarlyStoppingRule;
}

/** The rules of a run of `config` on a `task` dataset with `batchesPerEpoch` batches. */
export function loopRules(
  config: TrainingConfig,
  task: TaskKind,
  batchesPerEpoch: number,
): LoopRules {
  const monitor = monitorOf(config, task);
  const minDelta = config.earlyStoppingMinDelta;
  return {
    config,
    monitor,
    steps: scheduleSteps(config, batchesPerEpoch),
    plateau: {
      mode: monitor.mode,
      minDelta,
      patience: config.plateauPatience,
      factor: config.plateauFactor,
    },
    earlyStopping: { mode: monitor.mode, minDelta, patience: config.earlyStoppingPatience },
  };
}

/**
 * The state a run starts with: fresh, or `stored` from the checkpoint it continues.
 * Early stopping that already ended the run starts afresh (continuing an early-stopped
 * run trains its remaining epochs with a new patience); the learning rate goes on.
 */
export function startLoopState(rules: LoopRules, stored: LoopState | undefined): LoopState {
  const { config, monitor } = rules;
  const plateau =
    config.lrSchedule === 'plateau'
      ? (stored?.plateau ?? initialPlateau(config.learningRate, monitor.mode))
      : null;
  const kept = stored?.earlyStopping;
  const earlyStopping = config.earlyStopping
    ? kept && !kept.stopped
      ? kept
      : initialEarlyStopping(monitor.mode)
    : null;
  return { plateau, earlyStopping };
}

/** The learning rate of global step `step` (0-based). */
export function learningRateOf(rules: LoopRules, state: LoopState, step: number): number {
  return state.plateau ? state.plateau.lr : learningRateAt(rules.config, rules.steps, step);
}

/**
 * The state after an epoch. `isBest`: with early stopping, this epoch's weights are the
 * ones to restore (and to store as the run's best); `stop`: early stopping ends the run.
 */
export function afterEpoch(
  rules: LoopRules,
  state: LoopState,
  metrics: EpochMetrics,
  firstEpoch: boolean,
): { state: LoopState; isBest: boolean; stop: boolean } {
  const current = monitoredValue(rules.monitor, metrics);
  const plateau = state.plateau && plateauStep(state.plateau, current, rules.plateau);
  if (!state.earlyStopping)
    return { state: { plateau, earlyStopping: null }, isBest: false, stop: false };
  const es = earlyStoppingStep(
    state.earlyStopping,
    current,
    metrics.epoch,
    rules.earlyStopping,
    firstEpoch,
  );
  return {
    state: { plateau, earlyStopping: es.state },
    isBest: es.isBest,
    stop: es.state.stopped,
  };
}
