/**
 * The training worker stores each run's checkpoints (weights and optimizer state) in
 * IndexedDB itself, so megabytes of weights never cross to the page only to be written
 * there; the page gets the metadata (a 'checkpoint' run event) once they are stored.
 * Writes never queue up behind fast epochs: while one is running, newer checkpoints only
 * replace the pending ones, and the next write takes the latest final and best together.
 */
import { checkpointKinds } from '../core/runs/live';
import type { RunEvent, WeightsKind } from '../core/runs/events';
import type { StoredWeightsInfo } from '../core/runs/record';
import { RunWriteError, checkpointBytes, putCheckpoints } from '../core/runs/runsDb';
import type { Checkpoint } from '../core/train/checkpoint';

type Pending = { checkpoint: Checkpoint; info: StoredWeightsInfo };
type PutCheckpoints = (runId: string, checkpoints: readonly Checkpoint[]) => Promise<void>;

export class CheckpointWriter {
  private pending: Partial<Record<WeightsKind, Pending>> = {};
  private writing: Promise<void> = Promise.resolve();
  private flushing = false;
  /** Set after a failed write: the run goes on and keeps no more weights. */
  private off = false;

  constructor(
    private readonly runId: string,
    /** The run's best checkpoint so far (a continued run has one). */
    private best: StoredWeightsInfo | null,
    private readonly post: (event: RunEvent) => void,
    private readonly put: PutCheckpoints = putCheckpoints,
  ) {}

  /**
   * Takes an epoch's checkpoint as the final one, and as the best when its validation loss
   * is lowest — or, with early stopping (`isBest` given), when it is early stopping's best,
   * so the stored best weights are the ones it restores.
   */
  take(checkpoint: Checkpoint, valLoss: number, isBest?: boolean): void {
    if (this.off) return;
    const info = { epoch: checkpoint.epoch, valLoss, bytes: checkpointBytes(checkpoint) };
    const taken: Pending = { checkpoint, info };
    const kinds: WeightsKind[] =
      isBest === undefined
        ? checkpointKinds(this.best, info)
        : isBest
          ? ['final', 'best']
          : ['final'];
    for (const kind of kinds) this.pending[kind] = taken;
    if (this.pending.best === taken) this.best = info;
    if (this.flushing) return;
    this.flushing = true;
    this.writing = this.writing.then(() => this.drain());
  }

  /** Whether a write is under way (or queued). */
  get isWriting(): boolean {
    return this.flushing;
  }

  /** Resolves once every checkpoint taken so far is stored (or has failed). */
  async flush(): Promise<void> {
    await this.writing;
  }

  private async drain(): Promise<void> {
    while (!this.off && (this.pending.final || this.pending.best)) {
      const batch = this.pending;
      this.pending = {};
      // One event per stored checkpoint, naming the kinds it now is.
      const stored = [...new Set([batch.final, batch.best])].filter(
        (p): p is Pending => p !== undefined,
      );
      try {
        await this.put(
          this.runId,
          stored.map((p) => p.checkpoint),
        );
      } catch (e) {
        this.off = true;
        this.post({
          type: 'checkpointNotSaved',
          runId: this.runId,
          message: e instanceof Error ? e.message : String(e),
          quota: e instanceof RunWriteError && e.quota,
          unavailable: e instanceof RunWriteError && e.unavailable,
        });
        break;
      }
      for (const p of stored) {
        const kinds = (['final', 'best'] as const).filter((k) => batch[k] === p);
        this.post({ type: 'checkpoint', runId: this.runId, info: p.info, kinds });
      }
    }
    this.flushing = false;
  }
}
