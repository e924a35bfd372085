/**
 * The one reducer of a training run. The store's live view and the run's persistence
 * both fold the worker's events through `applyRunEvent`, so the charts show exactly the
 * record being written, and the rules (replay after a recovery, checkpoint choice, the
 * batch cap) are written once.
 *
 *   let run = newLiveRun(newRunRecord({ runId, name, ... }));
 *   for (const event of events) run = applyRunEvent(run, event);
 *   putRun(recordSnapshot(run.record));
 */
import type { DatasetChoice, DatasetSummary } from '../data/types';
import type { ModelGraph } from '../graph/types';
import type { DecisionGrid } from '../train/evaluate';
import type { BackendInfo, Progress, TrainingConfig } from '../train/types';
import { downsampleBatches } from './batchSeries';
import type { RunEvent, WeightsKind } from './events';
import { addLayerStats } from './storedLayerStats';
import { isSampled, type RunOutputs } from '../evaluation/runOutputs';
import {
  MAX_STORED_BATCH_POINTS,
  RUN_SCHEMA_VERSION,
  type FoldHistory,
  type RunLineage,
  type RunRecord,
  type StoredOutputsInfo,
  type StoredWeightsInfo,
} from './record';

/** Batch points a live record keeps; past this they are folded down to the stored size. */
export const MAX_LIVE_BATCH_POINTS = 20_000;

export type RunPhase = 'starting' | 'running' | 'paused' | 'completed' | 'stopped' | 'failed';

/** A run as it trains: the record being written, plus what only the live view needs. */
export interface LiveRun {
  /** Its `batches` hold up to MAX_LIVE_BATCH_POINTS points (stored ones are downsampled). */
  record: RunRecord;
  /** With the reason it was chosen (the record keeps name and label). */
  backend: BackendInfo | null;
  progress: Progress | null;
  boundary: DecisionGrid | null;
  /** Set when the backend was lost: the run waits, paused, for the user to continue. */
  recovery: { message: string; backendLabel: string } | null;
  /** Epoch (1-based) in progress when the run stopped. */
  stoppedAtEpoch: number | null;
  /** Set when a checkpoint could not be stored: no further weights are kept for the run. */
  weightsNotSaved: { message: string; quota: boolean; unavailable: boolean } | null;
  /** The final model's outputs, once the run has finished (stored apart from the record). */
  outputs: RunOutputs | null;
}

/** The record of a run that is starting. */
export function newRunRecord(run: {
  runId: string;
  name: string;
  now: number;
  graph: ModelGraph;
  config: TrainingConfig;
  datasetChoice: DatasetChoice;
  dataset: DatasetSummary;
  /** Set when a diagnostics remedy prepared this run from a parent. */
  lineage?: RunLineage | null;
}): RunRecord {
  return {
    schemaVersion: RUN_SCHEMA_VERSION,
    id: run.runId,
    name: run.name,
    createdAt: run.now,
    updatedAt: run.now,
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
    ...(run.lineage ? { lineage: run.lineage } : {}),
  };
}

/**
 * A stored run reopened to train on from its final checkpoint (`fromEpoch`): the epochs
 * after it are dropped (the worker trains them again) and it is 'running' again.
 */
export function resumeRecord(record: RunRecord, fromEpoch: number): RunRecord {
  // An early-stopped run continues for its remaining epochs: it has not stopped early (yet).
  return {
    ...withLayerStatsUpTo(withoutEarlyStop(record), fromEpoch),
    status: 'running',
    epochs: record.epochs.filter((e) => e.epoch <= fromEpoch),
    batches: record.batches.filter((b) => b.epoch <= fromEpoch),
    evaluation: null,
    error: null,
  };
}

/** A stored run found 'running' or 'paused' whose tab is gone (reloaded or closed mid-run). */
export function interruptedRecord(record: RunRecord, now: number): RunRecord {
  return { ...record, status: 'interrupted', updatedAt: now };
}

/** The live state of a record that starts (or resumes) training. */
export function newLiveRun(record: RunRecord): LiveRun {
  return {
    record,
    backend: null,
    progress: null,
    boundary: null,
    recovery: null,
    stoppedAtEpoch: null,
    weightsNotSaved: null,
    outputs: null,
  };
}

/** "Run N", one past the highest N in use. */
export function nextRunName(names: readonly string[]): string {
  const used = names
    .map((n) => /^Run (\d+)$/.exec(n)?.[1])
    .map(Number)
    .filter(Number.isFinite);
  return `Run ${Math.max(0, ...used) + 1}`;
}

/**
 * Which stored weights an epoch's checkpoint replaces: always the final ones, and the
 * best ones when its validation loss is the lowest so far (ties keep the earlier epoch).
 */
export function checkpointKinds(
  best: StoredWeightsInfo | null,
  info: StoredWeightsInfo,
): WeightsKind[] {
  const better =
    Number.isFinite(info.valLoss) && (best === null || !(best.valLoss <= info.valLoss));
  return better ? ['final', 'best'] : ['final'];
}

/** What the run's view shows: its status, and 'starting' until a backend is chosen. */
export function runPhase(run: LiveRun): RunPhase {
  const status = run.record.status;
  switch (status) {
    case 'running':
      return run.backend === null ? 'starting' : 'running';
    case 'paused':
    case 'completed':
    case 'stopped':
    case 'failed':
      return status;
    case 'interrupted':
      return 'failed';
    default: {
      const never: never = status;
      throw new Error(`Unknown run status ${String(never)}`);
    }
  }
}

/** True while a run is starting, running or paused. */
export function isActive(run: LiveRun | null): boolean {
  return run !== null && (run.record.status === 'running' || run.record.status === 'paused');
}

/** What the record says of a run's stored outputs. */
export function storedOutputsInfo(o: RunOutputs): StoredOutputsInfo {
  const splits = [o.validation, o.test];
  return {
    validation: o.validation?.rows.length ?? 0,
    test: o.test?.rows.length ?? 0,
    sampled: splits.some((s) => s !== null && isSampled(s)),
  };
}

/** Folds one worker event into the run; events of another run leave it unchanged. */
export function applyRunEvent(run: LiveRun, event: RunEvent): LiveRun {
  if (event.runId !== run.record.id) return run;
  const r = run.record;
  switch (event.type) {
    case 'runStarted':
      return {
        ...run,
        backend: event.backend,
        recovery: null,
        record: {
          ...r,
          backend: { name: event.backend.name, label: event.backend.label },
          rows: {
            train: event.trainRows,
            validation: event.validationRows,
            test: event.testRows,
          },
          preprocessing: event.preprocessing,
        },
      };
    case 'runRecovered':
      return {
        ...run,
        backend: event.backend,
        recovery: { message: event.message, backendLabel: event.backend.label },
        record: {
          ...withLayerStatsUpTo(r, r.epochs.length),
          backend: { name: event.backend.name, label: event.backend.label },
          // The worker replays the unfinished epoch from its checkpoint: drop that
          // epoch's points so the replay does not draw (or store) them twice.
          batches: r.batches.filter((b) => b.epoch <= r.epochs.length),
        },
      };
    case 'progress': {
      let batches = event.batches.length > 0 ? [...r.batches, ...event.batches] : r.batches;
      if (batches.length > MAX_LIVE_BATCH_POINTS) {
        batches = downsampleBatches(batches, MAX_STORED_BATCH_POINTS);
      }
      return { ...run, progress: event.progress, record: { ...r, batches } };
    }
    case 'epoch':
      return {
        ...run,
        record: {
          ...r,
          epochs: [...r.epochs, event.metrics],
          durationMs: r.durationMs + event.metrics.durationMs,
        },
      };
    case 'layerStats':
      // Rounded and thinned as stored; a replayed epoch replaces its earlier statistics.
      return { ...run, record: { ...r, layerStats: addLayerStats(r.layerStats, event.stats) } };
    case 'foldStarted': {
      // A fold that starts again replaces its earlier attempt.
      const fold: FoldHistory = {
        fold: event.fold,
        of: event.of,
        trainRows: event.trainRows,
        heldOutRows: event.heldOutRows,
        epochs: [],
        evaluation: null,
      };
      const others = (r.folds ?? []).filter((f) => f.fold !== event.fold);
      const folds = [...others, fold].sort((a, b) => a.fold - b.fold);
      return { ...run, record: { ...r, folds } };
    }
    case 'foldEpoch':
      return withFold(run, event.fold, (f) => ({ ...f, epochs: [...f.epochs, event.metrics] }), {
        durationMs: r.durationMs + event.metrics.durationMs,
      });
    case 'foldFinished': {
      const next = withFold(run, event.fold, (f) => ({ ...f, evaluation: event.evaluation }));
      // After the last fold the final model starts: its progress is not the fold's.
      const last = next.record.folds?.find((f) => f.fold === event.fold)?.of === event.fold;
      return last ? { ...next, progress: null } : next;
    }
    case 'checkpoint': {
      const checkpoints = { ...r.checkpoints };
      for (const kind of event.kinds) checkpoints[kind] = event.info;
      return { ...run, record: { ...r, checkpoints } };
    }
    case 'checkpointNotSaved':
      return {
        ...run,
        weightsNotSaved: {
          message: event.message,
          quota: event.quota,
          unavailable: event.unavailable,
        },
      };
    case 'boundary':
      return { ...run, boundary: event.grid };
    case 'dataPath':
      return { ...run, record: { ...r, dataPath: event.path } };
    case 'pipelineFitted':
      return r.pipeline
        ? { ...run, record: { ...r, pipeline: { ...r.pipeline, fitted: event.fitted } } }
        : run;
    case 'paused':
      return { ...run, record: { ...r, status: 'paused' } };
    case 'resumed':
      return { ...run, recovery: null, record: { ...r, status: 'running' } };
    case 'finished':
      return {
        ...run,
        stoppedAtEpoch:
          event.status === 'stopped' ? (run.progress?.epoch ?? r.epochs.length) : null,
        outputs: event.outputs,
        record: {
          ...withoutEarlyStop(r),
          status: event.status,
          evaluation: event.evaluation,
          outputs: event.outputs ? storedOutputsInfo(event.outputs) : null,
          ...(event.earlyStop ? { earlyStop: event.earlyStop } : {}),
        },
      };
    case 'failed':
      return { ...run, record: { ...r, status: 'failed', error: event.message } };
    default: {
      const never: never = event;
      throw new Error(`Unknown run event ${JSON.stringify(never)}`);
    }
  }
}

/** The record without the statistics of epochs after `epoch` (they are trained again). */
function withLayerStatsUpTo(record: RunRecord, epoch: number): RunRecord {
  if (!record.layerStats) return record;
  return { ...record, layerStats: record.layerStats.filter((s) => s.epoch <= epoch) };
}

function withoutEarlyStop(record: RunRecord): RunRecord {
  const { earlyStop: _none, ...rest } = record;
  return rest;
}

/** The run with one fold changed (and other record fields set); unknown folds are ignored. */
function withFold(
  run: LiveRun,
  fold: number,
  change: (f: FoldHistory) => FoldHistory,
  fields: Partial<RunRecord> = {},
): LiveRun {
  const folds = run.record.folds;
  if (!folds?.some((f) => f.fold === fold)) return run;
  return {
    ...run,
    record: {
      ...run.record,
      ...fields,
      folds: folds.map((f) => (f.fold === fold ? change(f) : f)),
    },
  };
}

/** Folds a sequence of events. */
export function applyRunEvents(run: LiveRun, events: readonly RunEvent[]): LiveRun {
  return events.reduce(applyRunEvent, run);
}

/** The record as it is stored: batch points downsampled to the stored size. */
export function recordSnapshot(record: RunRecord, now: number): RunRecord {
  return {
    ...record,
    batches: downsampleBatches(record.batches, MAX_STORED_BATCH_POINTS),
    updatedAt: now,
  };
}

/**
 * Whether a change of the record needs a write: anything but new batch points (those
 * arrive many times a second and are written with the next epoch or status change).
 */
export function needsWrite(before: RunRecord | null, after: RunRecord): boolean {
  if (before === null || before.id !== after.id) return true;
  if (before === after) return false;
  for (const key of Object.keys(after) as (keyof RunRecord)[]) {
    if (key !== 'batches' && key !== 'updatedAt' && before[key] !== after[key]) return true;
  }
  return false;
}
