/**
 * What early stopping and reduce-on-plateau watch at the end of each epoch, and which way
 * is better: the validation loss (lower), or the validation accuracy (higher) — for
 * regression the validation MAE (lower). Improvement is Keras's rule for both callbacks:
 * better than the best so far by more than the min delta.
 */
import type { TaskKind } from '../graph/types';
import type { EpochMetrics, TrainingConfig } from './types';

export type MonitorMode = 'min' | 'max';

export interface Monitor {
  key: 'valLoss' | 'valAccuracy' | 'valMae';
  mode: MonitorMode;
  /** In words, for messages: "validation loss". */
  label: string;
}

/** The monitored number of a run, from its config and task. */
export function monitorOf(
  config: Pick<TrainingConfig, 'earlyStoppingMonitor'>,
  task: TaskKind,
): Monitor {
  if (config.earlyStoppingMonitor === 'valLoss') {
    return { key: 'valLoss', mode: 'min', label: 'validation loss' };
  }
  return task === 'regression'
    ? { key: 'valMae', mode: 'min', label: 'validation MAE' }
    : { key: 'valAccuracy', mode: 'max', label: 'validation accuracy' };
}

/** The monitored value of an epoch; NaN when the epoch lacks it (never an improvement). */
export function monitoredValue(monitor: Monitor, metrics: EpochMetrics): number {
  return metrics[monitor.key] ?? NaN;
}

/** The "best so far" before any epoch: every finite value improves on it. */
export function worstValue(mode: MonitorMode): number {
  return mode === 'min' ? Infinity : -Infinity;
}

/**
 * Keras's monitor_op: `current` beats `best` by more than `minDelta` (less for 'min',
 * more for 'max'); NaN never does.
 */
export function isImprovement(
  mode: MonitorMode,
  minDelta: number,
  current: number,
  best: number,
): boolean {
  return mode === 'min' ? current < best - minDelta : current > best + minDelta;
}
