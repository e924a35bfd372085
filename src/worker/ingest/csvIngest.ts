/**
 * The worker side of CSV uploads: parse a posted file (progress, cancel, size limit),
 * keep the parsed table, build the dataset of a confirmed pipeline, and re-fit the
 * pipeline on each run's training split.
 */
import { cellText } from '../../core/data/csv/column';
import { parseCsvBytes } from '../../core/data/csv/parse';
import { inferTask, profileTable } from '../../core/data/csv/typing';
import type { ColumnProfile, CsvTable } from '../../core/data/csv/types';
import { describeFeatures, type FittedPipeline } from '../../core/data/pipeline/spec';
import {
  csvDatasetFittedOn,
  csvDatasetForSplit,
  prepareCsvSource,
  type CsvSource,
} from '../../core/data/pipeline/source';
import { summarizeDataset } from '../../core/data/summary';
import type { Dataset, DatasetChoice, DatasetSummary, SplitRatios } from '../../core/data/types';
import type { TrainingConfig } from '../../core/train/types';
import type { CsvRefit } from '../../core/train/run';
import type { CsvFromWorker, CsvSplitConfig, CsvToWorker } from './csvMessages';
import { loadStoredUpload, storedUploadLimitText, storeUpload } from '../uploadStore';
import { hashWhileParsing, rememberCsvFingerprint } from './csvFingerprint';
import { yieldToEventLoop } from '../yieldToEventLoop';
import { CancellableRequests } from '../cancellableRequests';

type CsvChoice = Extract<DatasetChoice, { kind: 'upload'; format: 'csv' }>;

const PREVIEW_ROWS = 1000;
const PROGRESS_INTERVAL_MS = 100;
const MB = 1024 * 1024;

/** Parsed tables by upload id; only the latest few are kept. */
const tables = new Map<string, CsvTable>();
const sources = new WeakMap<Dataset, CsvSource>();
/** The split each loaded dataset was fitted with, and its fitted pipeline (reused by runs). */
const loadedWith = new WeakMap<Dataset, { split: CsvSplitConfig; fitted: FittedPipeline }>();
/** Parses in progress; csvCancel aborts the one it names. */
const parsing = new CancellableRequests();

/** Handles csvIngest and csvCancel. */
export function handleCsvMessage(msg: CsvToWorker, post: (m: CsvFromWorker) => void): void {
  if (msg.type === 'csvCancel') {
    parsing.cancel(msg.requestId);
    return;
  }
  void ingest(msg, parsing.begin(msg.requestId), post);
}

async function fingerprint(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>),
  );
  const hex = Array.from(digest.subarray(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${bytes.length}-${hex}`;
}

const megabytes = (bytes: number) => `${(bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 2)} MB`;

/** Refuses a file above the limit before reading it all, with rows estimated from its first MB. */
async function sizeProblem(file: Blob, fileName: string, maxBytes: number): Promise<string | null> {
  if (file.size <= maxBytes) return null;
  const head = new Uint8Array(await file.slice(0, MB).arrayBuffer());
  let lines = 0;
  for (const b of head) if (b === 0x0a) lines++;
  const rows = head.length > 0 ? Math.round((lines * file.size) / head.length) : 0;
  return `${fileName} is ${megabytes(file.size)} (about ${rows.toLocaleString('en')} rows, estimated from its first MB), above the ${megabytes(maxBytes)} upload limit: upload a sample of the rows.`;
}

async function ingest(
  msg: Extract<CsvToWorker, { type: 'csvIngest' }>,
  signal: AbortSignal,
  post: (m: CsvFromWorker) => void,
): Promise<void> {
  const { requestId, file, fileName } = msg;
  const fail = (message: string, wasCancelled = false) =>
    post({ type: 'csvError', requestId, message, cancelled: wasCancelled });
  try {
    const tooLarge = await sizeProblem(file, fileName, msg.maxBytes);
    if (tooLarge) return fail(tooLarge);
    post({ type: 'csvProgress', requestId, bytes: 0, totalBytes: file.size, rows: 0 });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const hashing = hashWhileParsing(bytes);
    let lastPost = 0;
    const outcome = await parseCsvBytes(
      bytes,
      fileName,
      { hasHeader: msg.hasHeader },
      {
        onProgress: (fraction, rows) => {
          hashing.advance(fraction);
          const now = Date.now();
          if (now - lastPost < PROGRESS_INTERVAL_MS) return;
          lastPost = now;
          post({
            type: 'csvProgress',
            requestId,
            bytes: Math.round(fraction * file.size),
            totalBytes: file.size,
            rows,
          });
        },
        signal,
        pauseBetweenChunks: yieldToEventLoop,
      },
    );
    if (!outcome.ok) return fail(outcome.message, 'cancelled' in outcome);
    const table = outcome.table;
    const uploadId = await fingerprint(bytes);
    rememberCsvFingerprint(uploadId, fileName, file.size, hashing.finish());
    tables.delete(uploadId);
    tables.set(uploadId, table);
    // A training and a test file, and the upload before them.
    while (tables.size > 3) tables.delete(tables.keys().next().value!);
    const stored = await storeUpload('csv', uploadId, { fileName, blob: file });
    const previewRows: string[][] = [];
    for (let r = 0; r < Math.min(PREVIEW_ROWS, table.nRows); r++) {
      previewRows.push(table.columns.map((c) => cellText(c, r)));
    }
    const profiles = profileTable(table);
    const warnings = [...table.warnings, ...badNumberWarnings(profiles)];
    post({
      type: 'csvParsed',
      requestId,
      uploadId,
      fileName,
      size: file.size,
      nRows: table.nRows,
      delimiter: table.delimiter,
      encoding: table.encoding,
      hasHeader: table.hasHeader,
      headers: table.headers,
      profiles,
      targetTasks: profiles.map((p, j) => inferTask(p, table.columns[j]!)),
      previewRows,
      warnings,
      stored,
    });
  } catch (err) {
    fail(`${fileName} could not be read: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    parsing.end(requestId);
  }
}

/** One warning per numeric column with cells that are not finite numbers (text, NaN, Infinity). */
function badNumberWarnings(profiles: ColumnProfile[]): string[] {
  return profiles.flatMap((p) => {
    const bad = p.badNumbers;
    if (!bad) return [];
    const rows = bad.rows.join(', ');
    return [
      `Column "${p.name}": ${bad.count} cell${bad.count === 1 ? ' is' : 's are'} not a finite number (row${bad.rows.length === 1 ? '' : 's'} ${rows}${bad.count > bad.rows.length ? ', …' : ''}: "${bad.example}"); treated as missing.`,
    ];
  });
}

/** The table of an upload: in memory, or parsed again from IndexedDB after a reload. */
async function tableFor(
  choice: { uploadId: string; name: string; hasHeader: boolean },
  input = 'Upload CSV',
): Promise<CsvTable> {
  const cached = tables.get(choice.uploadId);
  if (cached && cached.hasHeader === choice.hasHeader) return cached;
  const stored = await loadStoredUpload('csv', choice.uploadId);
  if (!stored) {
    throw new Error(
      `${choice.name} is not stored in this browser (files over ${storedUploadLimitText()} are not kept): upload it again with "${input}".`,
    );
  }
  const outcome = await parseCsvBytes(
    new Uint8Array(await stored.blob.arrayBuffer()),
    choice.name,
    {
      hasHeader: choice.hasHeader,
    },
  );
  if (!outcome.ok) throw new Error(outcome.message);
  tables.set(choice.uploadId, outcome.table);
  return outcome.table;
}

const round = (v: number) => Math.round(v * 1e4) / 1e4;

/** Builds the dataset of a confirmed CSV pipeline; throws an Error with a human message. */
export async function loadCsvDataset(
  choice: CsvChoice,
  split: CsvSplitConfig,
): Promise<{ dataset: Dataset; summary: DatasetSummary }> {
  const table = await tableFor(choice);
  const testTable = choice.test
    ? await tableFor({ ...choice.test, hasHeader: choice.hasHeader }, 'Upload test CSV')
    : undefined;
  const prepared = prepareCsvSource(table, choice.spec, testTable);
  if (!prepared.ok) throw new Error(prepared.message);
  const { dataset, fitted } = csvDatasetForSplit(prepared.source, split.ratios, split.seed);
  sources.set(dataset, prepared.source);
  loadedWith.set(dataset, { split, fitted });
  const d = fitted.featureNames.length;
  const previewRows: number[][] = [];
  for (let i = 0; i < Math.min(5, dataset.n); i++) {
    previewRows.push(Array.from(dataset.x.subarray(i * d, (i + 1) * d), round));
  }
  const excluded = fitted.columns.flatMap((c) =>
    c.kind === 'excluded' ? [`Column "${c.name}" left out: ${c.reason}.`] : [],
  );
  const summary: DatasetSummary = {
    ...summarizeDataset(dataset),
    csv: {
      fileName: choice.name,
      featureLine: describeFeatures(choice.spec, fitted),
      report: [...table.warnings, ...prepared.source.report, ...excluded],
      previewRows,
      featureNames: fitted.featureNames,
    },
  };
  return { dataset, summary };
}

/** The rows and table behind a loaded CSV dataset (its original values); undefined for others. */
export function csvSourceOf(ds: Dataset): CsvSource | undefined {
  return sources.get(ds);
}

/**
 * For a CSV dataset, the features of this run: the pipeline fitted again on the run's
 * own training split; `refit` fits it on other rows (a fold's). Null for other datasets.
 */
export function csvDatasetForRun(
  ds: Dataset,
  config: Pick<TrainingConfig, 'split' | 'seed'>,
):
  | { ok: true; dataset: Dataset; fitted: FittedPipeline; refit: CsvRefit }
  | { ok: false; message: string }
  | null {
  const source = sources.get(ds);
  if (!source) return null;
  const refit: CsvRefit = (trainRows) => csvDatasetFittedOn(source, trainRows);
  // Same split as at load time: the loaded features are this run's (no second copy of a
  // large file's features in memory).
  const loaded = loadedWith.get(ds);
  if (
    loaded &&
    loaded.split.seed === config.seed &&
    sameRatios(loaded.split.ratios, config.split)
  ) {
    return { ok: true, dataset: ds, fitted: loaded.fitted, refit };
  }
  const run = csvDatasetForSplit(source, config.split, config.seed);
  if (run.dataset.featureShape[0] !== ds.featureShape[0]) {
    return {
      ok: false,
      message: `With this seed and split the training rows have other categories: ${run.dataset.featureShape[0]} features instead of ${ds.featureShape[0]}. Load the CSV again ("Use this dataset") to fit the model to them.`,
    };
  }
  return { ok: true, dataset: run.dataset, fitted: run.fitted, refit };
}

function sameRatios(a: SplitRatios, b: SplitRatios): boolean {
  return a.train === b.train && a.validation === b.validation && a.test === b.test;
}
