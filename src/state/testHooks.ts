import { useAppStore } from './store';
import { testHooksEnabled } from './testHooksEnabled';
import { workerClient } from './actions';
import type { FromWorker } from '../worker/protocol';
import type { TestHook } from '../worker/testHookMessages';

type FetchProbeResult = Extract<FromWorker, { type: 'fetchProbeResult' }>;
type ConvGradientCheckResult = Extract<FromWorker, { type: 'convGradientCheckResult' }>;
type Answer<T> = Omit<T, 'type' | 'requestId'>;

declare global {
  interface Window {
    /** Present only with ?testHooks=1: lets tests and the bench read the store and send hooks. */
    trainSmarter?: {
      store: typeof useAppStore;
      /** Sends a test hook to the worker, e.g. `sendHook({ type: 'loseContext' })`. */
      sendHook: (hook: TestHook) => void;
      /** Asks the worker to fetch `url`; resolves with whether the request was blocked. */
      fetchProbe: (url: string) => Promise<Answer<FetchProbeResult>>;
      /** Checks the app's WebGL filter gradient against a direct sum, in the worker. */
      convGradientCheck: () => Promise<Answer<ConvGradientCheckResult>>;
    };
  }
}

/** Exposes the store and the worker's test hooks on window, only when test hooks are on. */
export function installTestHooks(): void {
  if (!testHooksEnabled()) return;
  window.trainSmarter = {
    store: useAppStore,
    sendHook: (hook) => workerClient().send({ type: 'testHook', hook }),
    fetchProbe: async (url) => {
      const { blocked, detail } = await awaitHookReply<FetchProbeResult>(
        'fetchProbeResult',
        (requestId) => ({ type: 'fetchProbe', requestId, url }),
        10_000,
      );
      return { blocked, detail };
    },
    convGradientCheck: async () => {
      const { backend, appKernel, errors, failure } = await awaitHookReply<ConvGradientCheckResult>(
        'convGradientCheckResult',
        (requestId) => ({ type: 'convGradientCheck', requestId }),
        60_000,
      );
      return { backend, appKernel, errors, failure };
    },
  };
}

let hookRequest = 0;

/** Sends a test hook that asks something and waits (at most `timeoutMs`) for its answer. */
function awaitHookReply<T extends Extract<FromWorker, { requestId: number }>>(
  type: T['type'],
  hook: (requestId: number) => TestHook,
  timeoutMs: number,
): Promise<T> {
  const requestId = ++hookRequest;
  const client = workerClient();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`The worker did not answer the ${type} test hook within ${timeoutMs} ms.`));
    }, timeoutMs);
    const unsubscribe = client.subscribe((msg) => {
      if (msg.type !== type || !('requestId' in msg) || msg.requestId !== requestId) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(msg as T);
    });
    client.send({ type: 'testHook', hook: hook(requestId) });
  });
}
