/**
 * Per-run state of the training worker: pause/resume/stop, yielding to the event loop
 * (yieldToEventLoop.ts) so those messages get through, and batching progress to at most
 * ~10 messages a second.
 */
import type { BatchPoint, Progress } from '../core/train/types';
import type { FromWorker } from './protocol';
import { yieldToEventLoop } from './yieldToEventLoop';

type Post = (msg: FromWorker) => void;

/** How often the loop yields while something waits on this event loop (see `urgent`). */
export const URGENT_YIELD_MS = 15;

export class RunControl {
  private paused = false;
  private stopped = false;
  private wake: (() => void)[] = [];
  private lastYield: number;

  constructor(
    readonly runId: string,
    private readonly post: Post,
    private readonly now: () => number = () => performance.now(),
    private readonly yieldNow: () => Promise<void> = yieldToEventLoop,
    /**
     * Yield at least this often (ms) so messages are handled promptly. A yield costs more
     * than it looks (a MessagePort round trip, slower while the page renders charts): at
     * 15 ms, about every batch of the bench MLP on WASM, the app trained at 1.00× plain
     * model.fit; at 100 ms (pause and stop still answer within a tenth of a second, the
     * chart's own rate), 1.08× (median of 8 back-to-back pairs each).
     */
    private readonly yieldEveryMs = 100,
    /**
     * While this says so (a checkpoint is being written to IndexedDB, whose every step is
     * a task of this event loop), yield every URGENT_YIELD_MS instead: at 100 ms a write
     * took several epochs of a fast run, and a reload lost the weights of all of them.
     */
    private readonly urgent: () => boolean = () => false,
  ) {
    this.lastYield = now();
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  get isPaused(): boolean {
    return this.paused && !this.stopped;
  }

  pause(): void {
    if (this.paused || this.stopped) return;
    this.paused = true;
    this.post({ type: 'paused', runId: this.runId });
  }

  resume(): void {
    if (!this.paused || this.stopped) return;
    this.paused = false;
    this.post({ type: 'resumed', runId: this.runId });
    this.release();
  }

  stop(): void {
    this.stopped = true;
    this.release();
  }

  /** Awaited between batches: yields when due, then waits while paused (until resume or stop). */
  async waitIfPaused(): Promise<void> {
    const every = this.urgent() ? Math.min(URGENT_YIELD_MS, this.yieldEveryMs) : this.yieldEveryMs;
    if (this.now() - this.lastYield >= every) {
      await this.yieldNow();
      this.lastYield = this.now();
    }
    while (this.paused && !this.stopped) {
      await new Promise<void>((resolve) => this.wake.push(resolve));
      this.lastYield = this.now();
    }
  }

  private release(): void {
    const waiting = this.wake;
    this.wake = [];
    waiting.forEach((resolve) => resolve());
  }
}

/** Collects batch points and posts them with the latest progress at most every `intervalMs`. */
export class ProgressBatcher {
  private points: BatchPoint[] = [];
  private latest: Progress | null = null;
  private posted: Progress | null = null;
  private lastPost = -Infinity;

  constructor(
    private readonly runId: string,
    private readonly post: Post,
    private readonly now: () => number = () => performance.now(),
    private readonly intervalMs = 100,
  ) {}

  addPoint(point: BatchPoint): void {
    this.points.push(point);
  }

  setProgress(progress: Progress): void {
    this.latest = progress;
    if (this.now() - this.lastPost >= this.intervalMs) this.flush();
  }

  /** Posts what is pending now (end of an epoch, pause, end of the run). */
  flush(): void {
    if (!this.latest || (this.points.length === 0 && this.latest === this.posted)) return;
    this.post({ type: 'progress', runId: this.runId, progress: this.latest, batches: this.points });
    this.points = [];
    this.posted = this.latest;
    this.lastPost = this.now();
  }
}
