import { useAppStore } from './store';
import { workerClient } from './trainingController';
import type { ToWorker } from '../worker/protocol';

/** Whether the app was opened with ?testHooks=1 (fault tests and the bench). */
export const testHooksEnabled = (): boolean =>
  new URLSearchParams(location.search).get('testHooks') === '1';

type TestHookMessage = Extract<ToWorker, { type: 'loseContext' | 'crash' | 'hang' }>;

declare global {
  interface Window {
    /** Present only with ?testHooks=1: lets tests and the bench read the store and send hooks. */
    trainSmarter?: { store: typeof useAppStore; sendHook: (msg: TestHookMessage) => void };
  }
}

/** Exposes the store and the worker's test hooks on window, only when test hooks are on. */
export function installTestHooks(): void {
  if (!testHooksEnabled()) return;
  window.trainSmarter = {
    store: useAppStore,
    sendHook: (msg) => workerClient().send(msg),
  };
}
