/**
 * The run record: everything needed to come back to a training run, compare it with
 * others and restore it. Stored in IndexedDB as plain JSON with a `schemaVersion`;
 * records are parsed with zod when read, and old versions are migrated forward
 * (see migrations.ts), so a record written by any released version still opens.
 */
import type { DataPathInfo } from '../train/dataPath/source';
import { z } from 'zod';
import { graphSchema } from '../graph/schema';
import { BACKEND_NAMES } from '../train/settings';
import { trainingConfigSchema } from '../train/settingsSchema';
import type { ModelGraph } from '../graph/types';
import type { DatasetChoice } from '../data/types';
import type { FittedPipeline, PipelineSpec } from '../data/pipeline/spec';
import type { DataFingerprint } from './fingerprint';
import { storedLayerStatsSchema } from './storedLayerStats';
import type { LayerStatsEpoch } from '../train/layerStats/types';
import type { PreprocessingInfo } from '../export/modelFiles';
import type {
  BackendName,
  BatchPoint,
  EarlyStop,
  EpochMetrics,
  Evaluation,
  RunStatus,
  TrainingConfig,
} from '../train/types';

/** The schema version this build writes. */
export const RUN_SCHEMA_VERSION = 3;

/** Per-batch points kept in a record; the live run keeps more, charts draw fewer. */
export const MAX_STORED_BATCH_POINTS = 2000;

/** What identifies the data a run used: enough to warn when two runs used different data. */
export interface DatasetFingerprint {
  name: string;
  n: number;
  featureShape: number[];
  classNames: string[];
  /**
   * Since schema 3: the content fingerprint computed in the worker (hash of the bytes);
   * null for older runs and when the bytes were not at hand.
   */
  content: DataFingerprint | null;
}

/** Since schema 3: an uploaded CSV's pipeline, and its state fitted on the run's training rows. */
export interface RunPipeline {
  spec: PipelineSpec;
  /** Null until the worker has fitted it (or for runs that failed before). */
  fitted: FittedPipeline | null;
}

/** Weights kept for a run (stored separately, see persistence/runsDb.ts). */
export interface StoredWeightsInfo {
  /** Epochs completed when the weights were taken. */
  epoch: number;
  /** Validation loss at that epoch. */
  valLoss: number;
  bytes: number;
}

export interface RunRecord {
  schemaVersion: typeof RUN_SCHEMA_VERSION;
  id: string;
  name: string;
  /** ms since epoch. */
  createdAt: number;
  updatedAt: number;
  status: RunStatus;
  graph: ModelGraph;
  config: TrainingConfig;
  datasetChoice: DatasetChoice;
  dataset: DatasetFingerprint;
  backend: { name: BackendName; label: string } | null;
  /** The path its batches took, and why not the resident one; absent in older runs. */
  dataPath?: DataPathInfo;
  rows: { train: number; validation: number; test: number } | null;
  /** Downsampled to at most MAX_STORED_BATCH_POINTS points. */
  batches: BatchPoint[];
  epochs: EpochMetrics[];
  evaluation: Evaluation | null;
  /** Wall time of the run so far, in ms (sum of epoch times plus evaluation). */
  durationMs: number;
  error: string | null;
  notes: string;
  tags: string[];
  starred: boolean;
  /**
   * Since schema 2: the final weights (last finished epoch; a run continues from them)
   * and the best ones (lowest validation loss; with early stopping, its best epoch, the
   * one it restores). Kept for the latest runs and starred runs.
   */
  checkpoints: { final: StoredWeightsInfo | null; best: StoredWeightsInfo | null };
  /** Since schema 3: the data pipeline of a CSV run (null for other datasets). */
  pipeline: RunPipeline | null;
  /**
   * How the run's data was prepared (input scale, standardisation fitted on its training
   * rows, CSV pipeline), as the model zip and the code exporters use it. Absent in records
   * written before it was kept.
   */
  preprocessing?: PreprocessingInfo | null;
  /**
   * Rows of the validation and test splits whose final outputs are stored (in the
   * database's `outputs` store, read back for the evaluation report). Absent in records
   * written before outputs were kept.
   */
  outputs?: StoredOutputsInfo | null;
  /**
   * A cross-validated run's folds (trained before its final model). Absent for runs
   * without cross-validation and in records written before it existed.
   */
  folds?: FoldHistory[];
  /**
   * A binary run's decision, chosen by the user on the validation split: the positive
   * class and the threshold its probability must reach. Absent until chosen (the report
   * then uses the training minority class at 0.5); exports predict with it.
   */
  decision?: RunDecision;
  /** Set when early stopping ended the run: where it stopped and which epoch's weights it kept. */
  earlyStop?: EarlyStop;
  /**
   * A run prepared by a diagnostics remedy: its parent run and the change the remedy made
   * (the parent's seed and splits are kept, so the change is the only difference).
   */
  lineage?: RunLineage;
  /**
   * Per-layer statistics by epoch (the "Layer statistics" setting), in epoch order,
   * rounded and thinned as storedLayerStats.ts says. Absent in records written before
   * they were kept and in runs without them.
   */
  layerStats?: LayerStatsEpoch[];
}

export interface RunLineage {
  parentId: string;
  /** The remedy's id (diagnostics remedy vocabulary) and the change in words. */
  remedyId: string;
  change: string;
}

/**
 * How one fold's model did on its held-out rows: the validation loss and accuracy (or MAE,
 * in the target's units) of its last epoch.
 */
export interface FoldEvaluation {
  valLoss: number;
  valAccuracy?: number;
  valMae?: number;
}

/** One fold of a cross-validated run: its sizes, its epoch history and its result. */
export interface FoldHistory {
  /** 1-based. */
  fold: number;
  /** How many folds the run has. */
  of: number;
  trainRows: number;
  heldOutRows: number;
  /** Per epoch; `val*` metrics are on the fold's held-out rows. */
  epochs: EpochMetrics[];
  /** Null until the fold has trained all its epochs. */
  evaluation: FoldEvaluation | null;
}

/** The positive class (index) and the decision threshold of a binary run. */
export interface RunDecision {
  positive: number;
  threshold: number;
}

/** What a record says of its stored outputs. */
export interface StoredOutputsInfo {
  validation: number;
  test: number;
  /** Whether either split's outputs are a sample of it. */
  sampled: boolean;
}

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
// Losses can legitimately be NaN or Infinity when a run diverges; JSON stores them as null.
const metricValue = z.union([z.number(), z.null()]).transform((v) => (v === null ? NaN : v));

// Dataset kinds grow with the app (uploads, CSVs): a record keeps whatever choice it was
// trained on, and only its `kind` is checked, so adding a kind never makes old records unreadable.
const datasetChoiceSchema = z.custom<DatasetChoice>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string',
  'must be a dataset choice',
);

const epochSchema = z.object({
  epoch: finite,
  loss: metricValue,
  valLoss: metricValue,
  accuracy: metricValue.optional(),
  valAccuracy: metricValue.optional(),
  mae: metricValue.optional(),
  valMae: metricValue.optional(),
  durationMs: finite,
  lr: finite.optional(),
});

const evaluationSchema = z.object({
  loss: metricValue,
  accuracy: metricValue.optional(),
  mae: metricValue.optional(),
  rmse: metricValue.optional(),
  confusion: z.array(z.array(finite)).optional(),
});

const foldSchema = z.object({
  fold: finite,
  of: finite,
  trainRows: finite,
  heldOutRows: finite,
  epochs: z.array(epochSchema),
  evaluation: z
    .object({
      valLoss: metricValue,
      valAccuracy: metricValue.optional(),
      valMae: metricValue.optional(),
    })
    .nullable(),
});

const weightsInfoSchema = z.object({ epoch: finite, valLoss: metricValue, bytes: finite });

const hashSchema = z.string().regex(/^[a-z0-9]+:[0-9a-f]+$/, 'must be a hash');
const fingerprintSchema = z.object({
  source: z.enum(['csv', 'images', 'builtin']),
  name: z.string(),
  size: finite,
  hash: hashSchema,
  files: z.array(z.object({ path: z.string(), size: finite, hash: hashSchema })).optional(),
});

// The pipeline's own types grow with the CSV feature: check the shape a record relies on.
const pipelineSpecSchema = z.custom<PipelineSpec>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { target?: unknown }).target === 'string' &&
    Array.isArray((v as { columns?: unknown }).columns),
  'must be a pipeline spec',
);
const fittedPipelineSchema = z.custom<FittedPipeline>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    Array.isArray((v as { columns?: unknown }).columns) &&
    Array.isArray((v as { featureNames?: unknown }).featureNames),
  'must be a fitted pipeline',
);

// Exported as preprocessing.json and read back by the code exporters: check its shape.
const preprocessingSchema = z.custom<PreprocessingInfo>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    (v as { format?: unknown }).format === 'train-smarter-preprocessing' &&
    typeof (v as { inputScale?: unknown }).inputScale === 'number',
  'must be a preprocessing description',
);

/** The current (v3) record schema. */
export const runRecordSchema = z.object({
  schemaVersion: z.literal(RUN_SCHEMA_VERSION),
  id: z.string().min(1),
  name: z.string(),
  createdAt: finite,
  updatedAt: finite,
  status: z.enum(['running', 'paused', 'completed', 'stopped', 'failed', 'interrupted']),
  graph: graphSchema,
  config: trainingConfigSchema,
  datasetChoice: datasetChoiceSchema,
  dataset: z.object({
    name: z.string(),
    n: finite,
    featureShape: z.array(finite),
    classNames: z.array(z.string()),
    content: fingerprintSchema.nullable(),
  }),
  backend: z.object({ name: z.enum(BACKEND_NAMES), label: z.string() }).nullable(),
  dataPath: z
    .object({ kind: z.enum(['resident', 'streaming', 'cpu']), notice: z.string().nullable() })
    .optional(),
  rows: z.object({ train: finite, validation: finite, test: finite }).nullable(),
  batches: z.array(
    z.object({ step: finite, epoch: finite, loss: metricValue, t: finite.optional() }),
  ),
  epochs: z.array(epochSchema),
  evaluation: evaluationSchema.nullable(),
  durationMs: finite,
  error: z.string().nullable(),
  notes: z.string(),
  tags: z.array(z.string()),
  starred: z.boolean(),
  checkpoints: z.object({
    final: weightsInfoSchema.nullable(),
    best: weightsInfoSchema.nullable(),
  }),
  pipeline: z
    .object({ spec: pipelineSpecSchema, fitted: fittedPipelineSchema.nullable() })
    .nullable(),
  preprocessing: preprocessingSchema.nullable().optional(),
  outputs: z
    .object({ validation: finite, test: finite, sampled: z.boolean() })
    .nullable()
    .optional(),
  folds: z.array(foldSchema).optional(),
  decision: z
    .object({
      positive: z.number().int().min(0),
      threshold: finite.refine((t) => t >= 0 && t <= 1, 'must be within 0..1'),
    })
    .optional(),
  earlyStop: z.object({ stoppedEpoch: finite, keptEpoch: finite }).optional(),
  lineage: z
    .object({ parentId: z.string().min(1), remedyId: z.string(), change: z.string() })
    .optional(),
  layerStats: storedLayerStatsSchema.optional(),
});

/** Whether a run may still be training in some tab (so it may need to become 'interrupted'). */
export function isLiveStatus(status: RunStatus): boolean {
  return status === 'running' || status === 'paused';
}

/** The key metrics a runs list shows: last validation accuracy or MAE, test accuracy or MAE. */
export function keyMetrics(record: Pick<RunRecord, 'epochs' | 'evaluation'>): {
  valAccuracy: number | null;
  valMae: number | null;
  valLoss: number | null;
  testAccuracy: number | null;
  testMae: number | null;
} {
  const last = record.epochs[record.epochs.length - 1];
  return {
    valAccuracy: last?.valAccuracy ?? null,
    valMae: last?.valMae ?? null,
    valLoss: last?.valLoss ?? null,
    testAccuracy: record.evaluation?.accuracy ?? null,
    testMae: record.evaluation?.mae ?? null,
  };
}
