/**
 * Run records as training goes. The training controller calls `beginRunRecord` when a
 * run starts and `recordWorkerMessage` for every worker message: the record is written
 * at start, at every epoch (with the epoch's weights) and at every status change, so a
 * reload loses at most the epoch in progress. While the run trains, this tab holds its
 * Web Lock, so another tab never takes it for interrupted.
 */
import type { FromWorker } from '../../worker/protocol';
import type { DatasetChoice, DatasetSummary } from '../../core/data/types';
import type { ModelGraph } from '../../core/graph/types';
import type { BatchPoint, TrainingConfig } from '../../core/train/types';
import {
  MAX_STORED_BATCH_POINTS,
  RUN_SCHEMA_VERSION,
  type RunRecord,
  type StoredWeightsInfo,
} from '../../core/runs/record';
import { downsampleBatches } from '../../core/runs/batchSeries';
import { useAppStore } from '../store';
import { holdLock, pruneWeights, refreshStorage, reportWriteError } from './runWrites';
import type { Checkpoint } from '../../core/train/checkpoint';
import { checkpointBytes, putRun } from './runsDb';

interface Draft {
  record: RunRecord;
  /** Every batch point so far (capped); downsampled when written. */
  batches: BatchPoint[];
  release: () => void;
  writing: Promise<void>;
  warned: boolean;
  /** Whether state changed since the last write began. */
  dirty: boolean;
  flushing: boolean;
  /** Weights received but not yet written (only the latest of each kind matters). */
  pendingFinal: { checkpoint: Checkpoint; info: StoredWeightsInfo } | null;
  pendingBest: { checkpoint: Checkpoint; info: StoredWeightsInfo } | null;
  /** Set after a failed weights write: the run goes on, its record keeps no more weights. */
  weightsOff: boolean;
}

function newDraft(record: RunRecord, batches: BatchPoint[]): Draft {
  return {
    record,
    batches,
    release: holdLock(record.id),
    writing: Promise.resolve(),
    warned: false,
    dirty: false,
    flushing: false,
    pendingFinal: null,
    pendingBest: null,
    weightsOff: false,
  };
}

// The live run keeps up to 50,000 points; a draft folds its points down past this.
const MAX_DRAFT_BATCH_POINTS = 20_000;

const drafts = new Map<string, Draft>();
/**
 * The latest state of runs whose last write failed (storage full or unavailable), without
 * weights: written again when the next run starts, so once storage is back they are kept.
 */
const unsaved = new Map<string, RunRecord>();

/** Writes the runs whose last write failed; quietly, the user was told already. */
function retryUnsaved(): void {
  for (const [id, record] of unsaved) {
    if (drafts.has(id)) continue;
    unsaved.delete(id);
    void putRun(record).then(
      () => useAppStore.getState().upsertRunLocal(record),
      () => {
        if (!unsaved.has(id)) unsaved.set(id, record);
      },
    );
  }
}

function snapshotOf(d: Draft): RunRecord {
  return {
    ...d.record,
    batches: downsampleBatches(d.batches, MAX_STORED_BATCH_POINTS),
    updatedAt: Date.now(),
  };
}

/**
 * Writes the draft's latest state. Writes never queue up behind fast epochs: while one
 * is running, further changes only mark the draft dirty, and the next write takes the
 * state of that moment (the latest record and the latest weights) in one transaction,
 * so a record never claims weights that were not written with it.
 */
function writeDraft(d: Draft): void {
  d.dirty = true;
  if (d.flushing) return;
  d.flushing = true;
  d.writing = d.writing.then(async () => {
    while (d.dirty) {
      d.dirty = false;
      const final = d.pendingFinal;
      const best = d.pendingBest;
      d.pendingFinal = null;
      d.pendingBest = null;
      const checkpoints = {
        final: final?.info ?? d.record.checkpoints.final,
        best: best?.info ?? d.record.checkpoints.best,
      };
      const record = { ...snapshotOf(d), checkpoints };
      const weights = { final: final?.checkpoint ?? null, best: best?.checkpoint ?? null };
      try {
        await putRun(record, weights);
        d.record = { ...d.record, checkpoints };
        unsaved.delete(record.id);
        useAppStore.getState().upsertRunLocal(record);
      } catch (e) {
        unsaved.set(record.id, { ...record, checkpoints: d.record.checkpoints });
        reportWriteError(record, e, d);
        // Try again without weights (they are the bulk): the metrics matter most.
        if (final || best) {
          d.weightsOff = true;
          d.dirty = true;
        }
      }
    }
    d.flushing = false;
  });
}

/** Takes the epoch's weights as the final ones, and as the best when its validation loss is lowest. */
function takeCheckpoint(d: Draft, checkpoint: Checkpoint): void {
  if (d.weightsOff) return;
  const valLoss = d.record.epochs.find((e) => e.epoch === checkpoint.epoch)?.valLoss ?? NaN;
  const info = { epoch: checkpoint.epoch, valLoss, bytes: checkpointBytes(checkpoint) };
  d.pendingFinal = { checkpoint, info };
  const best = d.pendingBest?.info ?? d.record.checkpoints.best;
  if (Number.isFinite(valLoss) && (best === null || !(best.valLoss <= valLoss))) {
    d.pendingBest = { checkpoint, info };
  }
  writeDraft(d);
}

function finishDraft(d: Draft): void {
  drafts.delete(d.record.id);
  void d.writing.then(async () => {
    d.release();
    await pruneWeights(isRunLive).catch((e: unknown) =>
      useAppStore
        .getState()
        .pushNotice('error', `Old weights could not be removed (${String(e)}).`),
    );
    await refreshStorage();
  });
}

function nextRunName(): string {
  const s = useAppStore.getState();
  const names = [...s.runs.map((r) => r.name), ...[...drafts.values()].map((d) => d.record.name)];
  const used = names
    .map((n) => /^Run (\d+)$/.exec(n)?.[1])
    .map(Number)
    .filter(Number.isFinite);
  return `Run ${Math.max(0, ...used) + 1}`;
}

/** Creates and writes the record of a run that is starting. */
export function beginRunRecord(run: {
  runId: string;
  graph: ModelGraph;
  config: TrainingConfig;
  datasetChoice: DatasetChoice;
  dataset: DatasetSummary;
}): void {
  const now = Date.now();
  const record: RunRecord = {
    schemaVersion: RUN_SCHEMA_VERSION,
    id: run.runId,
    name: nextRunName(),
    createdAt: now,
    updatedAt: now,
    status: 'running',
    graph: run.graph,
    config: run.config,
    datasetChoice: run.datasetChoice,
    dataset: {
      name: run.dataset.name,
      n: run.dataset.n,
      featureShape: [...run.dataset.featureShape],
      classNames: [...run.dataset.classNames],
      content: run.dataset.fingerprint ?? null,
    },
    backend: null,
    rows: null,
    batches: [],
    epochs: [],
    evaluation: null,
    durationMs: 0,
    error: null,
    notes: '',
    tags: [],
    starred: false,
    checkpoints: { final: null, best: null },
    pipeline:
      run.datasetChoice.kind === 'upload' && run.datasetChoice.format === 'csv'
        ? { spec: run.datasetChoice.spec, fitted: null }
        : null,
  };
  const d = newDraft(record, []);
  drafts.set(run.runId, d);
  writeDraft(d);
  retryUnsaved();
}

/** Updates the record of the run a worker message is about. */
export function recordWorkerMessage(msg: FromWorker): void {
  if (!('runId' in msg)) return;
  const d = drafts.get(msg.runId);
  if (!d) return;
  const r = d.record;
  switch (msg.type) {
    case 'runStarted':
      d.record = {
        ...r,
        backend: { name: msg.backend.name, label: msg.backend.label },
        rows: { train: msg.trainRows, validation: msg.validationRows, test: msg.testRows },
      };
      writeDraft(d);
      return;
    case 'runRecovered':
      d.record = { ...r, backend: { name: msg.backend.name, label: msg.backend.label } };
      // The worker replays the unfinished epoch from its checkpoint: drop its points.
      d.batches = d.batches.filter((b) => b.epoch <= r.epochs.length);
      writeDraft(d);
      return;
    case 'progress':
      d.batches.push(...msg.batches);
      if (d.batches.length > MAX_DRAFT_BATCH_POINTS)
        d.batches = downsampleBatches(d.batches, MAX_STORED_BATCH_POINTS);
      return;
    case 'epoch':
      d.record = {
        ...r,
        epochs: [...r.epochs, msg.metrics],
        durationMs: r.durationMs + msg.metrics.durationMs,
      };
      writeDraft(d);
      return;
    case 'checkpoint':
      takeCheckpoint(d, msg.checkpoint);
      return;
    case 'pipelineFitted':
      // The CSV pipeline fitted on this run's training rows, kept with the run.
      if (r.pipeline) {
        d.record = { ...r, pipeline: { ...r.pipeline, fitted: msg.fitted } };
        writeDraft(d);
      }
      return;
    case 'paused':
    case 'resumed':
      d.record = { ...r, status: msg.type === 'paused' ? 'paused' : 'running' };
      writeDraft(d);
      return;
    case 'finished':
      d.record = {
        ...r,
        status: msg.status,
        evaluation: msg.evaluation,
      };
      writeDraft(d);
      finishDraft(d);
      return;
    case 'failed':
      recordRunFailed(msg.runId, msg.message);
      return;
    default:
      // Other run-scoped messages (decision boundary, memory, …) are not part of the record.
      return;
  }
}

/**
 * Reopens a stored run for training from its final checkpoint: the epochs after the
 * checkpoint are dropped (the worker trains them again) and the run is 'running' again.
 */
export function resumeRunRecord(record: RunRecord, fromEpoch: number): void {
  const d = newDraft(
    {
      ...record,
      status: 'running',
      epochs: record.epochs.filter((e) => e.epoch <= fromEpoch),
      evaluation: null,
      error: null,
    },
    record.batches.filter((b) => b.epoch <= fromEpoch),
  );
  drafts.set(record.id, d);
  writeDraft(d);
}

/** Marks a run failed (worker error or crash) and releases its lock. */
export function recordRunFailed(runId: string, message: string): void {
  const d = drafts.get(runId);
  if (!d) return;
  d.record = { ...d.record, status: 'failed', error: message };
  writeDraft(d);
  finishDraft(d);
}

/** Whether a run is being trained (and written) by this tab. */
export function isRunLive(runId: string): boolean {
  return drafts.has(runId);
}

/** Applies a user edit to the run this tab is training, so the next write keeps it. */
export function patchLiveRun(
  runId: string,
  patch: Partial<Pick<RunRecord, 'name' | 'notes' | 'tags' | 'starred'>>,
): boolean {
  const d = drafts.get(runId);
  if (!d) return false;
  d.record = { ...d.record, ...patch };
  writeDraft(d);
  return true;
}
