/**
 * The workspace's localStorage writer, minus the writes that change nothing. zustand's
 * persist middleware writes on every store update, and a training run updates the store
 * ten times a second (progress), so it serialised and wrote the unchanged workspace each
 * time: a tenth of the page's main-thread script time while training (bench MLP, WASM).
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { shallow } from 'zustand/vanilla/shallow';

/** `inner`, skipping a write whose state is field for field the last one written. */
export function skipUnchanged<S>(
  inner: PersistStorage<S> | undefined,
): PersistStorage<S> | undefined {
  if (!inner) return inner;
  let last: StorageValue<S> | null = null;
  return {
    getItem: (name) => inner.getItem(name),
    removeItem: (name) => {
      last = null;
      return inner.removeItem(name);
    },
    setItem: (name, value) => {
      if (last && last.version === value.version && shallow(last.state, value.state)) return;
      last = value;
      return inner.setItem(name, value);
    },
  };
}
