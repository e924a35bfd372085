/**
 * Early stopping between epochs, pure, with Keras EarlyStopping's semantics: the best
 * monitored value so far (an improvement must beat it by more than the min delta), a wait
 * counter reset by each improvement, and a stop once it reaches the patience (never after
 * the first epoch). Its best epoch is the one whose weights "restore best weights" keeps;
 * like Keras, the first epoch counts as best until one improves on it.
 */
import { isImprovement, worstValue, type MonitorMode } from './monitor';

export interface EarlyStoppingState {
  best: number;
  /** The epoch whose weights would be restored; null before the first epoch. */
  bestEpoch: number | null;
  wait: number;
  /** True once it has ended the run. */
  stopped: boolean;
}

export interface EarlyStoppingRule {
  mode: MonitorMode;
  minDelta: number;
  patience: number;
}

/** Early stopping before the first epoch (or continuing after it stopped a run). */
export function initialEarlyStopping(mode: MonitorMode): EarlyStoppingState {
  return { best: worstValue(mode), bestEpoch: null, wait: 0, stopped: false };
}

/**
 * Early stopping after `epoch` (1-based) with monitored value `current`. `isBest`: this
 * epoch's weights are now the ones to restore. `firstEpoch`: the first epoch of the run,
 * after which Keras never stops.
 */
export function earlyStoppingStep(
  state: EarlyStoppingState,
  current: number,
  epoch: number,
  rule: EarlyStoppingRule,
  firstEpoch: boolean,
): { state: EarlyStoppingState; isBest: boolean } {
  if (isImprovement(rule.mode, rule.minDelta, current, state.best)) {
    return { state: { ...state, best: current, bestEpoch: epoch, wait: 0 }, isBest: true };
  }
  const wait = state.wait + 1;
  const noBestYet = state.bestEpoch === null;
  const next: EarlyStoppingState = {
    ...state,
    bestEpoch: noBestYet ? epoch : state.bestEpoch,
    wait,
    stopped: wait >= rule.patience && !firstEpoch,
  };
  return { state: next, isBest: noBestYet };
}
