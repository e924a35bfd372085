/**
 * The CSV upload draft: what the user chooses between parsing a file and confirming it
 * (target, task, columns, an optional test file, sampling), and the rules over it. Plain
 * data in, plain data out, so any store can hold it.
 */
import type { TaskKind } from '../../graph/types';
import { columnMismatch } from '../pipeline/source';
import {
  defaultColumnSpec,
  type ColumnSpec,
  type PipelineSpec,
  type Scaling,
} from '../pipeline/spec';
import type { CsvDatasetChoice, DatasetChoice } from '../types';
import type { ColumnType, CsvDatasetReport, CsvParsedFile } from './types';
import { numberProblem, type NumberRule } from '../../input/numberRule';

/** The share of rows a CSV may be sampled to, for the field and the confirm check alike. */
export const SAMPLE_PERCENT_RULE: NumberRule = {
  label: 'Sample',
  integer: false,
  min: 0,
  minExclusive: true,
  max: 100,
  message: 'The sample must be more than 0% and at most 100% of the rows.',
};

/** What the draft keeps of a separate test file. */
export type CsvTestFile = Pick<
  CsvParsedFile,
  'uploadId' | 'fileName' | 'size' | 'nRows' | 'headers'
>;

/** The user's choices for a parsed CSV, before it is loaded as the workspace dataset. */
export interface CsvDraft {
  parsed: CsvParsedFile | null;
  target: string;
  task: TaskKind;
  columns: ColumnSpec[];
  /** The optional separate test file: what was read, or why it cannot be used. */
  testParsing: boolean;
  testParsed: CsvTestFile | null;
  testError: string | null;
  /** Use a random sample of this percentage of the rows (100: all of them). */
  samplePercent: number;
  /** Regression: train on the standardized target (metrics in original units). */
  standardizeTarget: boolean;
}

/** The sample's seed is fixed (not the run's): changing the run seed re-splits the same rows. */
export const CSV_SAMPLE_SEED = 1;

/** A draft with nothing parsed yet. */
export const EMPTY_CSV_DRAFT: CsvDraft = {
  parsed: null,
  target: '',
  task: 'binary',
  columns: [],
  testParsing: false,
  testParsed: null,
  testError: null,
  samplePercent: 100,
  standardizeTarget: false,
};

/**
 * The default draft of a parsed file: columns as profiled, the last one as the target.
 * The sampling choices carry over from the previous draft; the test file does not.
 */
export function draftFromParsed(
  info: CsvParsedFile,
  previous: Pick<CsvDraft, 'samplePercent' | 'standardizeTarget'> = EMPTY_CSV_DRAFT,
): CsvDraft {
  // The last column is the usual place of the target; targetProblem says why when it cannot be.
  const t = info.headers.length - 1;
  const guess = info.targetTasks[t];
  return {
    ...EMPTY_CSV_DRAFT,
    samplePercent: previous.samplePercent,
    standardizeTarget: previous.standardizeTarget,
    parsed: info,
    target: info.headers[t] ?? '',
    task: guess?.ok ? guess.task : 'multiclass',
    columns: info.profiles.map(defaultColumnSpec),
  };
}

/**
 * Whether a parsed file is the workspace's CSV asked for again (same fingerprint and
 * header setting, not loaded yet: it was over the storage limit), to load straight away.
 */
export function isSameCsvReupload(
  choice: DatasetChoice,
  dataset: { csv?: Pick<CsvDatasetReport, 'fileName'> } | null,
  info: Pick<CsvParsedFile, 'uploadId' | 'hasHeader'>,
): choice is CsvDatasetChoice {
  return (
    choice.kind === 'upload' &&
    choice.format === 'csv' &&
    choice.uploadId === info.uploadId &&
    choice.hasHeader === info.hasHeader &&
    dataset?.csv?.fileName !== choice.name
  );
}

/** Why the draft's target column cannot be a target, or null. */
export function targetProblem(draft: Pick<CsvDraft, 'parsed' | 'target'>): string | null {
  const guess = draft.parsed?.targetTasks[draft.parsed.headers.indexOf(draft.target)];
  return guess && !guess.ok ? guess.message : null;
}

/** The draft with another target: its task when it implies one, and the column included. */
export function withTarget(draft: CsvDraft, name: string): CsvDraft {
  if (!draft.parsed) return draft;
  const guess = draft.parsed.targetTasks[draft.parsed.headers.indexOf(name)];
  return {
    ...draft,
    target: name,
    task: guess?.ok ? guess.task : draft.task,
    columns: draft.columns.map((c) => (c.name === name ? { ...c, include: true } : c)),
  };
}

/** The draft with a separate test file read, and why its columns do not fit, if they do not. */
export function withTestFile(draft: CsvDraft, info: CsvParsedFile): CsvDraft {
  const testParsed: CsvTestFile = {
    uploadId: info.uploadId,
    fileName: info.fileName,
    size: info.size,
    nRows: info.nRows,
    headers: info.headers,
  };
  // The worker checks the columns again when the dataset loads.
  const testError = draft.parsed ? columnMismatch(draft.parsed, testParsed) : null;
  return { ...draft, testParsing: false, testParsed, testError };
}

/** A bulk edit's result: the new draft and how many columns the edit was applied to. */
export interface BulkEdit {
  draft: CsvDraft;
  changed: number;
}

/**
 * Applies a change to every column (but the target) whose name matches the pattern
 * (a case-insensitive regex, or literal text when it is not a valid regex; empty: all)
 * and whose type is `type` (or any), and for which `applies` holds.
 */
export function bulkUpdate(
  draft: CsvDraft,
  pattern: string,
  type: ColumnType | 'any',
  change: Partial<ColumnSpec>,
  applies: (c: ColumnSpec) => boolean = () => true,
): BulkEdit {
  const re = namePattern(pattern);
  let changed = 0;
  const columns = draft.columns.map((c) => {
    if (c.name === draft.target || !re.test(c.name) || (type !== 'any' && c.type !== type)) {
      return c;
    }
    if (!applies(c)) return c;
    changed++;
    return { ...c, ...change };
  });
  return { draft: { ...draft, columns }, changed };
}

function namePattern(pattern: string): RegExp {
  try {
    return new RegExp(pattern === '' ? '.*' : pattern, 'i');
  } catch {
    // Half-typed patterns such as "price(" are common: match them as text.
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }
}

/** Includes or excludes every column whose name matches the pattern and/or has the type. */
export function bulkInclude(
  draft: CsvDraft,
  pattern: string,
  type: ColumnType | 'any',
  include: boolean,
): BulkEdit {
  return bulkUpdate(draft, pattern, type, { include });
}

/** Sets the scaling of every numeric or boolean column matching the pattern and/or type. */
export function bulkScaling(
  draft: CsvDraft,
  pattern: string,
  type: ColumnType | 'any',
  scaling: Scaling,
): BulkEdit {
  return bulkUpdate(
    draft,
    pattern,
    type,
    { scaling },
    (c) => c.type === 'numeric' || c.type === 'boolean',
  );
}

/** The pipeline spec of the draft. */
export function draftSpec(draft: CsvDraft): PipelineSpec {
  return {
    version: 1,
    target: draft.target,
    task: draft.task,
    standardizeTarget: draft.task === 'regression' && draft.standardizeTarget,
    ...(draft.samplePercent < 100
      ? { sample: { percent: draft.samplePercent, seed: CSV_SAMPLE_SEED } }
      : {}),
    columns: draft.columns,
  };
}

/** Why the draft cannot be loaded yet, in the user's words, or null when it can. */
export function confirmProblem(draft: CsvDraft): string | null {
  const target = targetProblem(draft);
  if (target !== null) return target;
  if (draft.testError || draft.testParsing) {
    return draft.testError ?? 'The test file is still being read: wait for it, or remove it.';
  }
  return numberProblem(draft.samplePercent, SAMPLE_PERCENT_RULE);
}

/** The dataset choice that loads the draft, or null when nothing is parsed. */
export function confirmedChoice(draft: CsvDraft): CsvDatasetChoice | null {
  const { parsed, testParsed } = draft;
  if (!parsed) return null;
  return {
    kind: 'upload',
    format: 'csv',
    uploadId: parsed.uploadId,
    name: parsed.fileName,
    size: parsed.size,
    hasHeader: parsed.hasHeader,
    spec: draftSpec(draft),
    ...(testParsed
      ? {
          test: { uploadId: testParsed.uploadId, name: testParsed.fileName, size: testParsed.size },
        }
      : {}),
  };
}
