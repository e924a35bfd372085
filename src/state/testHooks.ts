import { useAppStore } from './store';
import { testHooksEnabled } from './testHooksEnabled';
import { workerClient } from './actions';
import type { FromWorker } from '../worker/protocol';
import type { TestHook } from '../worker/testHookMessages';

type FetchProbeResult = Extract<FromWorker, { type: 'fetchProbeResult' }>;

declare global {
  interface Window {
    /** Present only with ?testHooks=1: lets tests and the bench read the store and send hooks. */
    trainSmarter?: {
      store: typeof useAppStore;
      /** Sends a test hook to the worker, e.g. `sendHook({ type: 'loseContext' })`. */
      sendHook: (hook: TestHook) => void;
      /** Asks the worker to fetch `url`; resolves with whether the request was blocked. */
      fetchProbe: (url: string) => Promise<Omit<FetchProbeResult, 'type' | 'requestId'>>;
    };
  }
}

/** Exposes the store and the worker's test hooks on window, only when test hooks are on. */
export function installTestHooks(): void {
  if (!testHooksEnabled()) return;
  window.trainSmarter = {
    store: useAppStore,
    sendHook: (hook) => workerClient().send({ type: 'testHook', hook }),
    fetchProbe: (url) => awaitHookReply(url),
  };
}

let probeRequest = 0;

/** Sends a fetchProbe to the worker and waits (at most 10 s) for its answer. */
function awaitHookReply(url: string): Promise<Omit<FetchProbeResult, 'type' | 'requestId'>> {
  const requestId = ++probeRequest;
  const client = workerClient();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('The worker did not answer the fetch probe within 10 s.'));
    }, 10_000);
    const unsubscribe = client.subscribe((msg) => {
      if (msg.type !== 'fetchProbeResult' || msg.requestId !== requestId) return;
      clearTimeout(timer);
      unsubscribe();
      resolve({ blocked: msg.blocked, detail: msg.detail });
    });
    client.send({ type: 'testHook', hook: { type: 'fetchProbe', requestId, url } });
  });
}
