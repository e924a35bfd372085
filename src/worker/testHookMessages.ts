/**
 * The training worker's test hooks, as one member of the protocol (ToWorker `testHook`,
 * see ../protocol.ts). They are honoured only when the app runs with ?testHooks=1
 * (testHookHandler.ts); e2e tests and the bench send them through window.trainSmarter.
 */
import type { DataPathLimits } from '../core/train/dataPath/source';

/** Image-upload limits lowered for tests, and a slower decoder. */
export interface ImageUploadTestHooks {
  /** A lower zip expansion limit, so a zip bomb can be tiny. */
  zipLimitBytes?: number;
  /** A wait before each decoded image, so there is time to cancel. */
  decodeDelayMs?: number;
  /** A lower limit of uploads kept in IndexedDB (uploads asked for again after a reload). */
  maxStoredBytes?: number;
}

export type TestHook =
  /** Loses the WebGL context, as a GPU reset would. */
  | { type: 'loseContext' }
  /** Throws from the worker's event loop. */
  | { type: 'crash' }
  /** Spins without answering, as a stuck kernel would. */
  | { type: 'hang' }
  /** The worker fetches `url` (another origin), to prove the CSP blocks it. */
  | { type: 'fetchProbe'; requestId: number; url: string }
  | ({ type: 'imageUploads' } & ImageUploadTestHooks)
  /** Lowers the data path's limits for the next runs, e.g. the resident limit to 1 MB. */
  | ({ type: 'dataPath' } & DataPathLimits)
  /** Checks the app's WebGL filter gradient against a direct sum (webglConvKernels/selfCheck.ts). */
  | { type: 'convGradientCheck'; requestId: number };

/** Answers to the test hooks that ask something. */
export type TestHookFromWorker =
  /** fetchProbe: whether the request was refused, and how. */
  | { type: 'fetchProbeResult'; requestId: number; blocked: boolean; detail: string }
  /** convGradientCheck: the backend it ran on and each case's largest relative error. */
  | {
      type: 'convGradientCheckResult';
      requestId: number;
      backend: string;
      /** Whether the kernel checked was the app's (registered in place of TF.js's). */
      appKernel: boolean;
      errors: { case: string; error: number }[];
      failure: string | null;
    };
