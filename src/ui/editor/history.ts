/**
 * Undo history of graph edits and applied remedies (src/state/undoRules.ts). UI code goes through here so
 * that the temporal store is touched in one place.
 */
import { useStore } from 'zustand';
import { useAppStore } from '../../state/store';

export function undo(): void {
  useAppStore.temporal.getState().undo();
}

export function redo(): void {
  useAppStore.temporal.getState().redo();
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
