/**
 * Batched readback of the training steps: each step leaves its `[loss, metric sum]` on the
 * device, and the loop reads the pending ones in one await about every READ_EVERY_MS (the
 * UI's rate), so the CPU queues the next steps while the device works instead of waiting
 * on every step. The results are then handled in step order (stepResults.ts): a NaN found
 * late stops at its own step, and the loop restores the last good weights.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { BatchAt } from './divergenceStop';

/** How often pending steps are read back (ms): the rate the worker posts progress at. */
export const READ_EVERY_MS = 100;
/** A read is also due once this many steps are pending, so a fast backend shows progress. */
export const MAX_PENDING_STEPS = 64;

/** A step dispatched and not yet read: its values stay on the device until then. */
export interface PendingStep {
  /** `[loss, metric sum]` of the batch. */
  values: tfjs.Tensor1D;
  at: BatchAt;
  /** Real rows of the batch. */
  size: number;
}

/** A step's values as read back. */
export interface ReadStep {
  at: BatchAt;
  size: number;
  loss: number;
  metric: number;
  /**
   * When its values arrived (the clock `readSteps` was given). Each step is read on its
   * own, so on WebGL this is when the device finished that step, not when the loop looked.
   */
  t: number;
}

/** The steps not read yet, in dispatch order, and when they were last read. */
export class StepQueue {
  private pending: PendingStep[] = [];
  private lastRead: number;

  constructor(
    private readonly now: () => number,
    private readonly readEveryMs = READ_EVERY_MS,
  ) {
    this.lastRead = now();
  }

  get size(): number {
    return this.pending.length;
  }

  add(step: PendingStep): void {
    this.pending.push(step);
  }

  /** Whether the pending steps should be read now. */
  due(): boolean {
    if (this.pending.length === 0) return false;
    return (
      this.pending.length >= MAX_PENDING_STEPS || this.now() - this.lastRead >= this.readEveryMs
    );
  }

  /**
   * Takes the pending steps out for reading (readSteps disposes their tensors). One
   * `data()` per step: a concat of a varying number of them would compile a WebGL program
   * for each count, and the reads of one batch all wait on the same fence anyway.
   */
  take(): PendingStep[] {
    this.lastRead = this.now();
    return this.pending.splice(0);
  }

  /** Frees the steps that will never be read (the run ends without them). */
  discard(): void {
    this.pending.splice(0).forEach((p) => p.values.dispose());
  }
}

/** Reads the steps' values in one await, each stamped by `clock` on arrival, and disposes their tensors. */
export async function readSteps(
  steps: readonly PendingStep[],
  clock: () => number,
): Promise<ReadStep[]> {
  try {
    const values = await Promise.all(
      steps.map((s) => s.values.data().then((v) => ({ v, t: clock() }))),
    );
    return steps.map((s, i) => ({
      at: s.at,
      size: s.size,
      loss: values[i]!.v[0]!,
      metric: values[i]!.v[1]!,
      t: values[i]!.t,
    }));
  } finally {
    steps.forEach((s) => s.values.dispose());
  }
}
