import { useEffect, type RefObject } from 'react';
import { useAppStore } from '../../state/store';
import { redo, undo } from './history';

/** Typing in a field must keep the browser's own Backspace, Ctrl+A and Ctrl+Z. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    // Checkboxes, radios and buttons do not edit text: shortcuts still apply there.
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(
      target.type,
    );
  }
  return false;
}

export type EditorCommand = 'delete' | 'undo' | 'redo' | 'selectAll' | 'clearSelection';

/** The command a key press means in the editor, or null. Mod is Ctrl, or Cmd on a Mac. */
export function commandForKey(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): EditorCommand | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) return null;
  const key = e.key.toLowerCase();
  if (!mod && (key === 'delete' || key === 'backspace')) return 'delete';
  if (!mod && key === 'escape') return 'clearSelection';
  if (mod && key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y' && !e.shiftKey) return 'redo';
  if (mod && key === 'a' && !e.shiftKey) return 'selectAll';
  return null;
}

/**
 * Editor shortcuts. Undo and redo work anywhere outside text fields; delete, select all
 * and escape only when the canvas (or nothing in particular) has focus, so they do not
 * hijack the rest of the workspace.
 */
export function useEditorShortcuts(canvasRef: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isEditableTarget(e.target)) return;
      const command = commandForKey(e);
      if (!command) return;
      const target = e.target instanceof Node ? e.target : null;
      const inCanvas =
        target === document.body ||
        target === document.documentElement ||
        (target !== null && canvasRef.current?.contains(target) === true);
      const store = useAppStore.getState();
      switch (command) {
        case 'undo':
          undo();
          break;
        case 'redo':
          redo();
          break;
        case 'delete':
          if (!inCanvas) return;
          store.removeSelected();
          break;
        case 'selectAll':
          if (!inCanvas) return;
          store.selectAll();
          break;
        case 'clearSelection':
          if (!inCanvas) return;
          store.setSelection([], []);
          break;
        default: {
          const never: never = command;
          return never;
        }
      }
      e.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [canvasRef]);
}
