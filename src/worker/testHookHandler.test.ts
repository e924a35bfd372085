import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker } from './protocol';
import { handleTestHook } from './testHookHandler';
import type { TestHook } from './testHookMessages';
import {
  MAX_STORED_UPLOAD_BYTES,
  setMaxStoredUploadBytes,
  storedUploadLimitText,
} from './uploadStore';

const scope = { addEventListener: vi.fn(), removeEventListener: vi.fn() };

// 'hang' is left out: were it honoured by mistake, the test would spin instead of failing.
const everyHook: TestHook[] = [
  { type: 'loseContext' },
  { type: 'crash' },
  { type: 'fetchProbe', requestId: 1, url: 'https://example.com/' },
  { type: 'imageUploads', maxStoredBytes: 10, zipLimitBytes: 10, decodeDelayMs: 10 },
];

let warn: ReturnType<typeof vi.spyOn>;
let fetchSpy: ReturnType<typeof vi.fn>;

beforeEach(() => {
  vi.useFakeTimers();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  fetchSpy = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
  vi.stubGlobal('fetch', fetchSpy);
});
afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  setMaxStoredUploadBytes(MAX_STORED_UPLOAD_BYTES);
});

describe('the test-hook handler', () => {
  it('refuses every hook when test hooks are off, and says so', () => {
    const posted: FromWorker[] = [];
    for (const hook of everyHook) {
      expect(handleTestHook(hook, { enabled: false, scope, post: (m) => posted.push(m) })).toBe(
        false,
      );
    }
    expect(vi.getTimerCount()).toBe(0); // no crash scheduled
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(posted).toEqual([]);
    expect(storedUploadLimitText()).toBe('200 MB');
    expect(warn).toHaveBeenCalledTimes(everyHook.length);
    expect(String(warn.mock.calls[0]?.[0])).toContain('"loseContext" refused');
  });

  it('honours hooks when test hooks are on', async () => {
    const posted: FromWorker[] = [];
    const ctx = { enabled: true, scope, post: (m: FromWorker) => posted.push(m) };
    expect(handleTestHook({ type: 'imageUploads', maxStoredBytes: 1024 * 1024 }, ctx)).toBe(true);
    expect(storedUploadLimitText()).toBe('1 MB');

    expect(handleTestHook({ type: 'crash' }, ctx)).toBe(true);
    expect(vi.getTimerCount()).toBe(1);
    vi.clearAllTimers();

    handleTestHook({ type: 'fetchProbe', requestId: 7, url: 'https://example.com/' }, ctx);
    await vi.runAllTimersAsync();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(posted).toEqual([
      {
        type: 'fetchProbeResult',
        requestId: 7,
        blocked: true,
        detail: 'TypeError: Failed to fetch',
      },
    ]);
  });
});
