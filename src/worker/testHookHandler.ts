/**
 * The one handler of the training worker's test hooks (testHookMessages.ts): losing the
 * WebGL context, crashing, hanging, probing the CSP with a fetch, lowering image-upload
 * and data-path limits, checking the WebGL filter gradient. They are honoured only when the app runs with ?testHooks=1; otherwise refused.
 */
import * as tf from '@tensorflow/tfjs';
import { kernelsReplaced } from '../core/train/replaceKernels';
import { WEBGL_TRAINING_KERNELS } from '../core/train/webglConvKernels/register';
import { filterGradientErrors } from '../core/train/webglConvKernels/selfCheck';
import { loseWebGLContext } from './backendSetup';
import { setDataPathTestHooks } from './dataPathTestHooks';
import { setImageTestHooks } from './images/loadImages';
import type { FromWorker } from './protocol';
import type { TestHook } from './testHookMessages';

// A hang longer than this is a test hook that nobody terminated; stop spinning.
const HANG_LIMIT_MS = 10 * 60 * 1000;

type HookScope = Pick<DedicatedWorkerGlobalScope, 'addEventListener' | 'removeEventListener'>;

export interface TestHookContext {
  /** Whether test hooks are on (the worker's init message says, from ?testHooks=1). */
  enabled: boolean;
  scope: HookScope;
  post: (msg: FromWorker) => void;
}

/** Carries out one test hook when test hooks are on; returns whether it did. */
export function handleTestHook(hook: TestHook, ctx: TestHookContext): boolean {
  if (!ctx.enabled) {
    // A production page never sends these: say so rather than act on them.
    console.warn(`Test hook "${hook.type}" refused: test hooks are off (open with ?testHooks=1).`);
    return false;
  }
  switch (hook.type) {
    case 'loseContext':
      loseWebGLContext();
      return true;
    case 'crash':
      setTimeout(() => {
        throw new Error('Test hook: the training worker crashed.');
      });
      return true;
    case 'hang': {
      const until = Date.now() + HANG_LIMIT_MS;
      while (Date.now() < until) {
        // Busy on purpose: no heartbeat, no messages, as a stuck kernel would be.
      }
      return true;
    }
    case 'fetchProbe':
      void fetchProbe(hook.requestId, hook.url, ctx.scope, ctx.post);
      return true;
    case 'imageUploads':
      setImageTestHooks(hook);
      return true;
    case 'dataPath':
      setDataPathTestHooks({
        residentLimitBytes: hook.residentLimitBytes,
        chunkBytes: hook.chunkBytes,
      });
      return true;
    case 'convGradientCheck':
      void convGradientCheck(hook.requestId, ctx.post);
      return true;
    default: {
      const never: never = hook;
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
  scope: HookScope,
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

/** Runs the filter-gradient check on WebGL (the app's kernel) and posts what it found. */
async function convGradientCheck(requestId: number, post: (msg: FromWorker) => void) {
  const previous = tf.getBackend();
  let errors: { case: string; error: number }[] = [];
  let failure: string | null = null;
  let backend = previous;
  try {
    if (await tf.setBackend('webgl')) {
      backend = tf.getBackend();
      errors = await filterGradientErrors(tf);
    } else failure = 'WebGL is not available.';
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  } finally {
    if (previous && previous !== tf.getBackend()) await tf.setBackend(previous);
  }
  post({
    type: 'convGradientCheckResult',
    requestId,
    backend,
    appKernel: kernelsReplaced(tf, WEBGL_TRAINING_KERNELS),
    errors,
    failure,
  });
}
