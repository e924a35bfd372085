import { describe, expect, it } from 'vitest';
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { skipUnchanged } from './skipUnchanged';

type S = { graph: object; config: object };

function recording(): { storage: PersistStorage<S>; writes: StorageValue<S>[] } {
  const writes: StorageValue<S>[] = [];
  return {
    writes,
    storage: {
      getItem: () => null,
      setItem: (_name, value) => void writes.push(value),
      removeItem: () => {},
    },
  };
}

describe('skipUnchanged', () => {
  it('writes a state once until one of its fields changes', () => {
    const { storage, writes } = recording();
    const store = skipUnchanged(storage)!;
    const graph = { nodes: [] };
    const config = { epochs: 30 };
    store.setItem('w', { state: { graph, config }, version: 1 });
    // A new partialized object with the same fields: what persist passes on an unrelated update.
    store.setItem('w', { state: { graph, config }, version: 1 });
    expect(writes).toHaveLength(1);
    store.setItem('w', { state: { graph, config: { epochs: 5 } }, version: 1 });
    expect(writes).toHaveLength(2);
    expect(writes[1]!.state.config).toEqual({ epochs: 5 });
  });

  it('writes again after a removal', () => {
    const { storage, writes } = recording();
    const store = skipUnchanged(storage)!;
    const state = { graph: {}, config: {} };
    store.setItem('w', { state, version: 1 });
    store.removeItem('w');
    store.setItem('w', { state, version: 1 });
    expect(writes).toHaveLength(2);
  });
});
