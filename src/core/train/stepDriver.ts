/**
 * The loop's side of batched readback (stepReadback.ts): it queues each dispatched step,
 * reads the queue when due and hands the values to stepResults.ts, and turns a problem
 * found there into the run's end, the model back on the last good weights.
 *
 * Reads are pipelined: when a read is due, the one started at the previous due point is
 * handled (it has long finished, as a rule) and a read of the steps since is started, so
 * the loop never waits with an empty device queue. Awaiting each read at once drained the
 * WebGL queue every 100 ms and left the device idle while the next step was dispatched.
 * A problem is thus found up to one read interval late; the steps after it count nowhere
 * and the model goes back to the last good weights, as before.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { captureCheckpoint, restoreWeights, type Checkpoint } from './checkpoint';
import type { DivergenceEvent } from './diagnostics/divergence';
import type { BatchAt } from './divergenceStop';
import { explainError } from './explainError';
import type { RunPosition, TrainHooks, TrainResult } from './loopTypes';
import {
  readSteps,
  StepQueue,
  type PendingStep,
  type QueuedStep,
  type ReadStep,
} from './stepReadback';
import {
  handleReadSteps,
  type Speed,
  type StepResultContext,
  type StepTotals,
} from './stepResults';
import { releaseFailedTape, unlessInterrupted } from './tfjsWorkarounds';
import type { BatchPoint, Progress } from './types';

type ReadOutcome = { value: ReadStep[] } | { interrupted: string } | { error: unknown };

interface InFlightRead {
  steps: QueuedStep[];
  read: Promise<ReadOutcome>;
  /** The time charged with its steps. */
  ms: number;
}

export interface StepDriverDeps {
  tf: typeof tfjs;
  model: tfjs.LayersModel;
  hooks: TrainHooks;
  /** The run's position: `step` follows the steps read back. */
  pos: RunPosition;
  now: () => number;
  readEveryMs: number;
  diverged: (point: BatchPoint) => DivergenceEvent | null;
  /** ms since the run started: a step is stamped with it when its values arrive. */
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
  /** The read started at the last due point, not handled yet. */
  private inFlight: InFlightRead | null = null;

  constructor(private readonly deps: StepDriverDeps) {
    const { hooks, pos } = deps;
    this.queue = new StepQueue(deps.now, deps.readEveryMs, deps.elapsed);
    this.lastGood = pos.checkpoint;
    this.windowStart = deps.now();
    this.context = {
      diverged: deps.diverged,
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

  /** Frees every step not handled yet (the run ends without them). */
  discard(): void {
    this.queue.discard();
    this.dropInFlight();
  }

  /**
   * When a read is due: handles the read started last time, then starts one of the steps
   * dispatched since. A result when the handled steps end the run.
   */
  async readDue(): Promise<TrainResult | null> {
    const problem = await this.finishInFlight();
    if (problem) return problem;
    this.startRead();
    return null;
  }

  /** Reads and handles every step dispatched so far, in order; a result when they end the run. */
  async settle(): Promise<TrainResult | null> {
    const problem = await this.finishInFlight();
    if (problem) return problem;
    this.startRead();
    return this.finishInFlight();
  }

  private startRead(): void {
    if (this.queue.size === 0) return;
    const steps = this.queue.take();
    const read: Promise<ReadOutcome> = unlessInterrupted(
      readSteps(steps),
      this.deps.hooks.interruption,
    ).catch((error: unknown) => ({ error }));
    // The steps are charged with the time in which they were dispatched: since the last read
    // was started, when the device was as far behind as it is now.
    const now = this.deps.now();
    this.inFlight = { steps, read, ms: now - this.windowStart };
    this.windowStart = now;
  }

  private async finishInFlight(): Promise<TrainResult | null> {
    const flight = this.inFlight;
    if (!flight) return null;
    this.inFlight = null;
    const { pos } = this.deps;
    const read = await flight.read;
    if ('error' in read) return this.failedStep(read.error, flight.steps[0]!.at);
    if ('interrupted' in read) return { status: 'interrupted', message: read.interrupted, ...pos };
    const problem = handleReadSteps(read.value, flight.ms, this.speed, this.totals, this.context);
    if (!problem) return null;
    if (problem.kind === 'interrupted')
      return { status: 'interrupted', message: problem.message, ...pos };
    return this.fail(problem.message);
  }

  /**
   * Its steps are never handled. Their tensors go now (TF.js frees a texture whose read is
   * under way once the read ends), so a failed run leaves none behind.
   */
  private dropInFlight(): void {
    this.inFlight?.steps.forEach((step) => step.values.dispose());
    this.inFlight = null;
  }

  /** The run's end when a step failed: the model goes back to the last good weights. */
  fail(message: string): TrainResult {
    this.discard();
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
