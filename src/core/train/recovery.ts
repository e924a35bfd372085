/**
 * The backend a run trains on across its models (the folds of a cross-validation, then
 * the final one): chosen once, chosen again after each loss (a lost WebGL context), and
 * given up after MAX_RECOVERIES losses in the whole run.
 */
import type * as tfjs from '@tensorflow/tfjs';
import type { DecisionGrid } from './evaluate';
import type { BackendName } from './types';

export interface RunEnvironment {
  /**
   * Makes a backend active for the next attempt and returns its name; `exclude` lists
   * backends that were lost during this run.
   */
  selectBackend(exclude: BackendName[]): Promise<BackendName>;
  /**
   * Called when a backend is lost and the run continues from a checkpoint (or the start)
   * of the final model, or of fold `fold` (1-based) during cross-validation.
   */
  onRecover?(lostBackend: BackendName, message: string, fromEpoch: number, fold?: number): void;
  onBoundary?(grid: DecisionGrid): void;
  now?: () => number;
}

// A run that loses its backend this often has a deeper problem; stop retrying.
const MAX_RECOVERIES = 2;

/** The run's active backend and the ones it lost. */
export class BackendTracker {
  private readonly lost: BackendName[] = [];
  private active: BackendName | null = null;

  constructor(private readonly env: RunEnvironment) {}

  /** The active backend, selecting one first if there is none (at the start, after a loss). */
  async use(): Promise<BackendName> {
    this.active ??= await this.env.selectBackend([...this.lost]);
    return this.active;
  }

  /**
   * The active backend was lost: false when the run has lost too many to go on, else the
   * environment hears of the recovery and the next `use` selects another backend.
   */
  lose(message: string, fromEpoch: number, fold?: number): boolean {
    const backend = this.active;
    this.active = null;
    if (backend === null) throw new Error('lose() without an active backend');
    this.lost.push(backend);
    if (this.lost.length > MAX_RECOVERIES) return false;
    this.env.onRecover?.(backend, message, fromEpoch, fold);
    return true;
  }
}

/**
 * A model on a lost WebGL context may fail to dispose; its GPU memory is gone with the
 * context anyway, so that one failure is expected and ignored.
 */
export function disposeModel(model: tfjs.LayersModel, backendLost: boolean): void {
  if (!backendLost) {
    model.dispose();
    return;
  }
  try {
    model.dispose();
  } catch {
    // Expected on a lost context: see above.
  }
}
