/**
 * Undo history of graph edits (with their origin: undoing a template load also puts back
 * its settings and dataset, see state/templateActions.ts) and applied remedies
 * (src/state/undoRules.ts). UI code goes through here so that the temporal store is
 * touched in one place.
 */
import { useStore } from 'zustand';
import { useAppStore } from '../../state/store';
import { redoEdit, undoEdit } from '../../state/templateActions';

export function undo(): void {
  undoEdit();
}

export function redo(): void {
  redoEdit();
}

/**
 * Runs a graph edit without recording an undo step: the follow-up keystrokes of one
 * typing session ("1", "12", "128") fold into the step the first keystroke recorded.
 */
export function withoutHistory(edit: () => void): void {
  const temporal = useAppStore.temporal.getState();
  temporal.pause();
  try {
    edit();
  } finally {
    temporal.resume();
  }
}

export function useCanUndo(): boolean {
  return useStore(useAppStore.temporal, (s) => s.pastStates.length > 0);
}

export function useCanRedo(): boolean {
  return useStore(useAppStore.temporal, (s) => s.futureStates.length > 0);
}
