/**
 * The loop's side of batched readback (stepReadback.ts): it queues each dispatched step,
 * reads the queue when due and hands the values to stepResults.ts, and turns a problem
 * found there into the run's end, the model back on the last good weights.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { captureCheckpoint, restoreWeights, type Checkpoint } from './checkpoint';
import type { DivergenceEvent } from './diagnostics/divergence';
import type { BatchAt } from './divergenceStop';
import { explainError } from './explainError';
import type { RunPosition, TrainHooks, TrainResult } from './loopTypes';
import { readSteps, StepQueue, type PendingStep, type ReadStep } from './stepReadback';
import {
  handleReadSteps,
  type Speed,
  type StepResultContext,
  type StepTotals,
} from './stepResults';
import { releaseFailedTape, unlessInterrupted } from './tfjsWorkarounds';
import type { BatchPoint, Progress } from './types';

export interface StepDriverDeps {
  tf: typeof tfjs;
  model: tfjs.LayersModel;
  hooks: TrainHooks;
  /** The run's position: `step` follows the steps read back. */
  pos: RunPosition;
  now: () => number;
  readEveryMs: number;
  diverged: (point: BatchPoint) => DivergenceEvent | null;
  elapsed: () => number;
  progressAt(at: BatchAt, speed: Speed, totals: StepTotals): Progress;
}

export class StepDriver {
  readonly speed: Speed = { batches: 0, samples: 0, ms: 0 };
  totals: StepTotals = { lossSum: 0, metricSum: 0, seen: 0 };
  /** What a failed step puts back: the last epoch's checkpoint, or the weights at the start. */
  lastGood: Checkpoint | null;
  private readonly queue: StepQueue;
  private readonly context: StepResultContext;
  /** Start of the time the next read is charged with (pauses and epoch ends left out). */
  private windowStart: number;

  constructor(private readonly deps: StepDriverDeps) {
    const { hooks, pos } = deps;
    this.queue = new StepQueue(deps.now, deps.readEveryMs);
    this.lastGood = pos.checkpoint;
    this.windowStart = deps.now();
    this.context = {
      diverged: deps.diverged,
      elapsed: deps.elapsed,
      interruption: () => hooks.interruption?.() ?? null,
      onBatch: (point) => {
        hooks.onBatch?.(point);
        pos.step = point.step + 1;
      },
      onProgress: hooks.onProgress,
      progressAt: deps.progressAt,
    };
  }

  /** Before the first step of a run not resumed: a CPU copy of the initial weights. */
  async keepInitialWeights(optimizer: tfjs.Optimizer): Promise<void> {
    this.lastGood ??= await captureCheckpoint(this.deps.model, optimizer, 0, this.deps.pos.step);
  }

  newEpoch(): void {
    this.totals = { lossSum: 0, metricSum: 0, seen: 0 };
  }

  add(step: PendingStep): void {
    this.queue.add(step);
  }

  due(): boolean {
    return this.queue.due();
  }

  /** Time that was not training (a pause) is not charged to the next read. */
  leaveOut(ms: number): void {
    this.windowStart += ms;
  }

  /** Nothing since the last read is charged to the next (after an epoch's end). */
  leaveOutSinceLastRead(): void {
    this.windowStart = this.deps.now();
  }

  discard(): void {
    this.queue.discard();
  }

  /** Reads the pending steps and handles them in order; a result when they end the run. */
  async settle(): Promise<TrainResult | null> {
    if (this.queue.size === 0) return null;
    const { hooks, pos, now } = this.deps;
    const steps = this.queue.take();
    let read: { value: ReadStep[] } | { interrupted: string };
    try {
      read = await unlessInterrupted(readSteps(steps), hooks.interruption);
    } catch (err) {
      return this.failedStep(err, steps[0]!.at);
    }
    if ('interrupted' in read) return { status: 'interrupted', message: read.interrupted, ...pos };
    const ms = now() - this.windowStart;
    this.windowStart = now();
    const problem = handleReadSteps(read.value, ms, this.speed, this.totals, this.context);
    if (!problem) return null;
    if (problem.kind === 'interrupted')
      return { status: 'interrupted', message: problem.message, ...pos };
    return this.fail(problem.message);
  }

  /** The run's end when a step failed: the model goes back to the last good weights. */
  fail(message: string): TrainResult {
    this.queue.discard();
    const good = this.lastGood;
    if (good) restoreWeights(this.deps.tf, this.deps.model, good);
    const kept = !good
      ? ''
      : good.epoch > 0
        ? ` The model keeps its weights from the end of epoch ${good.epoch}.`
        : ' The model keeps its weights from before training.';
    return { status: 'failed', message: message + kept, ...this.deps.pos };
  }

  /** A step that threw: an interruption when the backend is gone, else a failure. */
  failedStep(err: unknown, at: BatchAt): TrainResult {
    releaseFailedTape(this.deps.tf);
    const lost = this.deps.hooks.interruption?.();
    if (lost) return { status: 'interrupted', message: lost, ...this.deps.pos };
    return this.fail(
      `Training step failed at epoch ${at.epoch}, batch ${at.batch}: ${explainError(err)}`,
    );
  }
}
