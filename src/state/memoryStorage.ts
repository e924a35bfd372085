/**
 * Test helper: Node has no usable localStorage, so the store's persist middleware warns on
 * every set. Import this module before the store (ES modules evaluate imports in order).
 */
const items = new Map<string, string>();
const storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = {
  getItem: (k) => items.get(k) ?? null,
  setItem: (k, v) => void items.set(k, v),
  removeItem: (k) => void items.delete(k),
};
if (typeof window === 'undefined') {
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
}
