/**
 * What the undo history (zundo) records. A graph edit is one step; applying a remedy is one
 * step too, with the settings it changed and the pending remedy itself, so Undo takes the
 * whole remedy back. Other settings edits are not steps (typing a learning rate is not an
 * editor action), and neither is the pending remedy being used up when its run starts.
 */
import type { AppState } from './store';

export type Tracked = Pick<AppState, 'graph' | 'graphOrigin' | 'config' | 'pendingRemedy'>;

const TRACKED = ['graph', 'graphOrigin', 'config', 'pendingRemedy'] as const;

/** The tracked part of the state. */
export const trackedState = (s: AppState): Tracked => ({
  graph: s.graph,
  // The origin goes with the graph: undoing a template load brings back the model's origin
  // (and the proposal) with it; state/templateActions.ts restores its settings.
  graphOrigin: s.graphOrigin,
  config: s.config,
  pendingRemedy: s.pendingRemedy,
});

/** True when the change from `past` to `current` is not an undo step. */
export function sameStep(past: Partial<Tracked>, current: Partial<Tracked>): boolean {
  const appliedRemedy =
    current.pendingRemedy != null && current.pendingRemedy !== past.pendingRemedy;
  return past.graph === current.graph && !appliedRemedy;
}

/**
 * The past values of the fields that changed (of those `current` holds), so undoing a graph
 * edit leaves later settings edits alone; null when nothing changed.
 */
export function changedFields(
  past: Partial<Tracked>,
  current: Partial<Tracked>,
): Partial<Tracked> | null {
  const delta: Partial<Record<keyof Tracked, unknown>> = {};
  for (const key of TRACKED) {
    if (key in current && past[key] !== current[key]) delta[key] = past[key];
  }
  return Object.keys(delta).length > 0 ? (delta as Partial<Tracked>) : null;
}
