/**
 * The training worker's test hooks (honoured only when the app runs with ?testHooks=1):
 * losing the WebGL context, crashing, hanging, and probing the CSP with a fetch.
 */
import { loseWebGLContext } from './backendSetup';
import type { FromWorker, ToWorker } from './protocol';

export type TestHookMessage = Extract<
  ToWorker,
  { type: 'loseContext' | 'crash' | 'hang' | 'fetchProbe' }
>;

// A hang longer than this is a test hook that nobody terminated; stop spinning.
const HANG_LIMIT_MS = 10 * 60 * 1000;

/** Carries out one test hook. */
export function handleTestHook(
  msg: TestHookMessage,
  scope: DedicatedWorkerGlobalScope,
  post: (msg: FromWorker) => void,
): void {
  switch (msg.type) {
    case 'loseContext':
      loseWebGLContext();
      return;
    case 'crash':
      setTimeout(() => {
        throw new Error('Test hook: the training worker crashed.');
      });
      return;
    case 'hang': {
      const until = Date.now() + HANG_LIMIT_MS;
      while (Date.now() < until) {
        // Busy on purpose: no heartbeat, no messages, as a stuck kernel would be.
      }
      return;
    }
    case 'fetchProbe':
      void fetchProbe(msg.requestId, msg.url, scope, post);
      return;
    default: {
      const never: never = msg;
      throw new Error(`Unknown test hook ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Fetches another origin from the worker and reports whether it was blocked, naming the
 * CSP directive that blocked it (so a refused connection is not mistaken for it).
 */
async function fetchProbe(
  requestId: number,
  url: string,
  scope: DedicatedWorkerGlobalScope,
  post: (msg: FromWorker) => void,
): Promise<void> {
  const violations: string[] = [];
  const onViolation = (e: Event) => {
    const v = e as SecurityPolicyViolationEvent;
    violations.push(`${v.effectiveDirective} ${v.blockedURI}`);
  };
  scope.addEventListener('securitypolicyviolation', onViolation);
  let blocked = false;
  let detail: string;
  try {
    const response = await fetch(url, { cache: 'no-store' });
    detail = `HTTP ${response.status}`;
  } catch (e) {
    blocked = true;
    detail = String(e);
  }
  // The violation event is queued as a task: let it arrive.
  await new Promise((resolve) => setTimeout(resolve, 200));
  scope.removeEventListener('securitypolicyviolation', onViolation);
  post({
    type: 'fetchProbeResult',
    requestId,
    blocked,
    detail: [detail, ...violations].join('; '),
  });
}
