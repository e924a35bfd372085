/**
 * Writes the live run's record to IndexedDB as it trains. The record written is the
 * store's live run (one reducer, core/runs/live.ts): written at start, at every epoch,
 * checkpoint and status change, so a reload loses at most the epoch in progress. New
 * batch points alone do not cause a write. While the run trains, this tab holds its Web
 * Lock, so another tab never takes it for interrupted. The worker stores the weights.
 */
import { isActive, needsWrite, recordSnapshot, type LiveRun } from '../../core/runs/live';
import type { RunRecord } from '../../core/runs/record';
import { RunWriteError, pruneCheckpoints, putOutputs, putRun } from '../../core/runs/runsDb';
import { selectRunLive } from '../trainingSlice';
import type { AppStore } from '../session/types';
import { holdLock, pruneWeights, refreshStorage, reportWriteError } from './runWrites';

interface Draft {
  id: string;
  release: () => void;
  writing: Promise<void>;
  /** The user was told about a failed write of this run (once per run). */
  warned: boolean;
  dirty: boolean;
  flushing: boolean;
  /** The record last queued for writing. */
  queued: RunRecord | null;
  /** The latest record, batch points included. */
  latest: RunRecord;
  /** The checkpoint claims (final/best epochs) last pruned for. */
  pruned: string;
  /** The run's final outputs were queued for writing. */
  outputsQueued: boolean;
}

/** What the writer stores with (IndexedDB; replaced in tests). */
export interface RunWriterDeps {
  putRun: (record: RunRecord) => Promise<void>;
  pruneCheckpoints: typeof pruneCheckpoints;
  putOutputs: typeof putOutputs;
  now: () => number;
}

const claimsKey = (r: RunRecord) => `${r.checkpoints.final?.epoch}/${r.checkpoints.best?.epoch}`;

export interface RunWriter {
  /** Resolves when every write queued so far has settled. */
  idle(): Promise<void>;
  dispose(): void;
}

/** Follows the store's live run and writes its record; returns its handle. */
export function createRunWriter(
  store: AppStore,
  deps: RunWriterDeps = { putRun, pruneCheckpoints, putOutputs, now: () => Date.now() },
): RunWriter {
  const drafts = new Map<string, Draft>();
  let pendingWrites: Promise<void> = Promise.resolve();
  /**
   * The latest state of runs whose last write failed (storage full or unavailable):
   * written again when the next run starts, so once storage is back they are kept.
   */
  const unsaved = new Map<string, RunRecord>();

  const retryUnsaved = () => {
    for (const [id, record] of unsaved) {
      if (drafts.has(id)) continue;
      unsaved.delete(id);
      void deps.putRun(record).then(
        () => store.getState().upsertRunLocal(record),
        () => {
          if (!unsaved.has(id)) unsaved.set(id, record);
        },
      );
    }
  };

  /**
   * Writes the draft's latest state. Writes never queue up behind fast epochs: while one
   * is running, further changes only mark the draft dirty, and the next write takes the
   * state of that moment.
   */
  const write = (d: Draft) => {
    d.dirty = true;
    if (d.flushing) return;
    d.flushing = true;
    d.writing = d.writing.then(async () => {
      while (d.dirty) {
        d.dirty = false;
        const record = recordSnapshot(d.latest, deps.now());
        try {
          await deps.putRun(record);
          unsaved.delete(record.id);
          store.getState().upsertRunLocal(record);
          // Checkpoints the written record no longer claims can go.
          if (claimsKey(record) !== d.pruned) {
            d.pruned = claimsKey(record);
            await deps
              .pruneCheckpoints(record.id, record.checkpoints)
              .catch((e: unknown) =>
                store
                  .getState()
                  .pushNotice(
                    'error',
                    `Old weights of "${record.name}" could not be removed (${String(e)}).`,
                  ),
              );
          }
        } catch (e) {
          unsaved.set(record.id, record);
          reportWriteError(record, e, d, store.getState().pushNotice);
        }
      }
      d.flushing = false;
    });
    pendingWrites = Promise.all([pendingWrites, d.writing]).then(() => undefined);
  };

  const finish = (d: Draft) => {
    drafts.delete(d.id);
    void d.writing.then(async () => {
      d.release();
      await pruneWeights((id) => selectRunLive(store.getState(), id)).catch((e: unknown) =>
        store.getState().pushNotice('error', `Old weights could not be removed (${String(e)}).`),
      );
      await refreshStorage();
    });
  };

  const follow = (run: LiveRun | null, before: LiveRun | null) => {
    if (!run || run === before) return;
    let d = drafts.get(run.record.id);
    if (!d) {
      if (!isActive(run)) return;
      d = {
        id: run.record.id,
        release: holdLock(run.record.id),
        writing: Promise.resolve(),
        warned: false,
        dirty: false,
        flushing: false,
        queued: null,
        latest: run.record,
        pruned: claimsKey(run.record),
        outputsQueued: false,
      };
      drafts.set(d.id, d);
      retryUnsaved();
    }
    d.latest = run.record;
    const failure = run.weightsNotSaved;
    if (failure && (before?.record.id !== run.record.id || !before.weightsNotSaved)) {
      const error = new RunWriteError(failure.message, failure.quota, failure.unavailable);
      reportWriteError(run.record, error, d, store.getState().pushNotice);
    }
    const outputs = run.outputs;
    if (outputs && !d.outputsQueued) {
      // Written before the record that says they are stored.
      d.outputsQueued = true;
      const record = run.record;
      d.writing = d.writing.then(() =>
        deps
          .putOutputs(record.id, outputs)
          .catch((e: unknown) => reportWriteError(record, e, d, store.getState().pushNotice)),
      );
    }
    if (needsWrite(d.queued, run.record)) {
      d.queued = run.record;
      write(d);
    }
    if (!isActive(run)) finish(d);
  };

  const unsubscribe = store.subscribe((s, prev) => follow(s.run, prev.run));
  return {
    idle: () => pendingWrites,
    dispose: unsubscribe,
  };
}
