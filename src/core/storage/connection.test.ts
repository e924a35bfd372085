import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DBSchema } from 'idb';

// A stand-in for idb's openDB: records each open and its callbacks (Node has no IndexedDB).
const opens: { blocking: () => void; close: ReturnType<typeof vi.fn> }[] = [];
let failNext = false;
vi.mock('idb', () => ({
  openDB: vi.fn((_name: string, _version: number, callbacks: { blocking: () => void }) => {
    const close = vi.fn();
    opens.push({ blocking: callbacks.blocking, close });
    if (failNext) {
      failNext = false;
      return Promise.reject(new Error('storage refused'));
    }
    return Promise.resolve({ close });
  }),
}));

const { lazyConnection } = await import('./connection');

interface Schema extends DBSchema {
  things: { key: string; value: number };
}

beforeEach(() => {
  opens.length = 0;
});

describe('lazyConnection', () => {
  it('opens once, on first use', async () => {
    const db = lazyConnection<Schema>('db', 1, () => {});
    expect(opens).toHaveLength(0);
    const [a, b] = await Promise.all([db(), db()]);
    expect(a).toBe(b);
    expect(opens).toHaveLength(1);
  });

  it('closes when another context asks for a version change, and reopens on next use', async () => {
    const db = lazyConnection<Schema>('db', 1, () => {});
    await db();
    opens[0]!.blocking();
    await Promise.resolve();
    expect(opens[0]!.close).toHaveBeenCalledTimes(1);
    await db();
    expect(opens).toHaveLength(2);
  });

  it('tries again after a failed open', async () => {
    const db = lazyConnection<Schema>('db', 1, () => {});
    failNext = true;
    await expect(db()).rejects.toThrow('storage refused');
    await db();
    expect(opens).toHaveLength(2);
  });
});
