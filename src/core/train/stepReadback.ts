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
   * When its values arrived, by the queue's clock. Each step's read is asked for as soon
   * as the step is dispatched, so on WebGL its fence follows that step's commands only:
   * this is when the device finished the step, not when the loop looked.
   */
  t: number;
}

type Arrival = { values: ArrayLike<number>; t: number } | { error: unknown };

/** A step in the queue, its read already under way. */
export interface QueuedStep extends PendingStep {
  arrival: Promise<Arrival>;
}

/** The steps not read yet, in dispatch order, and when they were last read. */
export class StepQueue {
  private pending: QueuedStep[] = [];
  private lastRead: number;

  constructor(
    private readonly now: () => number,
    private readonly readEveryMs = READ_EVERY_MS,
    /** What a step's arrival is stamped with (ms since the run started). */
    private readonly clock: () => number = now,
  ) {
    this.lastRead = now();
  }

  get size(): number {
    return this.pending.length;
  }

  /** Queues a step just dispatched and asks for its values at once (see ReadStep.t). */
  add(step: PendingStep): void {
    const arrival = step.values.data().then(
      (values): Arrival => ({ values, t: this.clock() }),
      (error: unknown): Arrival => ({ error }),
    );
    this.pending.push({ ...step, arrival });
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
   * for each count.
   */
  take(): QueuedStep[] {
    this.lastRead = this.now();
    return this.pending.splice(0);
  }

  /** Frees the steps that will never be read (the run ends without them). */
  discard(): void {
    this.pending.splice(0).forEach((p) => p.values.dispose());
  }
}

/** Waits for the steps' values in one await and disposes their tensors; throws a failed read's error. */
export async function readSteps(steps: readonly QueuedStep[]): Promise<ReadStep[]> {
  try {
    const arrivals = await Promise.all(steps.map((s) => s.arrival));
    return steps.map((s, i) => {
      const arrival = arrivals[i]!;
      if ('error' in arrival) throw arrival.error;
      return {
        at: s.at,
        size: s.size,
        loss: arrival.values[0]!,
        metric: arrival.values[1]!,
        t: arrival.t,
      };
    });
  } finally {
    steps.forEach((s) => s.values.dispose());
  }
}
