/**
 * The worker side of the examples dialog: the rows of the loaded dataset, by index, as
 * the user knows them (image bytes, a CSV's original cells, a built-in table's raw
 * features), only when the loaded dataset is the run's.
 */
import type { Dataset } from '../../core/data/types';
import { sourceRawRows } from '../../core/data/pipeline/raw';
import type { CsvSource } from '../../core/data/pipeline/source';
import { sameData, type DataFingerprint } from '../../core/runs/fingerprint';
import type { EvaluationFromWorker, ExampleData } from './messages';

type ExamplesAnswer = Extract<
  EvaluationFromWorker,
  { type: 'examplesResult' | 'evaluationFailed' }
>;

export interface LoadedDataset {
  current: Dataset | null;
  fingerprint: DataFingerprint | null;
}

// Float32 features shown with the digits a float32 holds, not 13.199999809265137.
const shown = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(7)) : null);

/** The examples of `rows`; `csvSource` is the loaded CSV's table (undefined for other data). */
export function examplesOf(
  ds: Dataset,
  rows: Int32Array,
  csvSource: CsvSource | undefined,
): ExampleData {
  if (ds.kind === 'image') {
    const [height = 1, width = 1, channels = 1] = ds.featureShape;
    const size = height * width * channels;
    if (!(ds.x instanceof Uint8Array)) throw new Error(`${ds.name} does not hold image bytes.`);
    const x = ds.x;
    return {
      kind: 'images',
      width,
      height,
      channels,
      pixels: Array.from(rows, (r) => x.slice(r * size, (r + 1) * size)),
    };
  }
  if (csvSource) return { kind: 'table', table: sourceRawRows(csvSource, rows) };
  const d = ds.x.length / ds.n;
  const columns = Array.from({ length: d }, (_, j) => ds.featureNames[j] ?? `x${j + 1}`);
  return {
    kind: 'table',
    table: {
      columns,
      rows: Array.from(rows, (r) => Array.from(ds.x.subarray(r * d, (r + 1) * d), shown)),
    },
  };
}

/** Answers one examples request from the loaded dataset; never throws. */
export function answerExamples(
  loaded: LoadedDataset,
  msg: { requestId: number; rows: Int32Array; fingerprint: DataFingerprint | null },
  csvSourceOf: (ds: Dataset) => CsvSource | undefined,
): ExamplesAnswer {
  const { requestId, rows, fingerprint } = msg;
  const ds = loaded.current;
  const notLoaded = (message: string): ExamplesAnswer => ({
    type: 'evaluationFailed',
    requestId,
    reason: 'datasetNotLoaded',
    message,
  });
  if (!ds) return notLoaded('No dataset is loaded.');
  // A run without a fingerprint (recorded before they were kept) was matched by the page.
  if (fingerprint && !(loaded.fingerprint && sameData(fingerprint, loaded.fingerprint))) {
    return notLoaded(`The loaded dataset (${ds.name}) is not the one this run used.`);
  }
  const bad = rows.find((r) => !(r >= 0 && r < ds.n));
  if (bad !== undefined) {
    return {
      type: 'evaluationFailed',
      requestId,
      reason: 'datasetNotLoaded',
      message: `Row ${bad} is not in ${ds.name} (${ds.n} rows): the loaded dataset is not the run's.`,
    };
  }
  try {
    return { type: 'examplesResult', requestId, examples: examplesOf(ds, rows, csvSourceOf(ds)) };
  } catch (err) {
    return {
      type: 'evaluationFailed',
      requestId,
      reason: 'error',
      message: err instanceof Error ? err.message : String(err),
    };
  }
}

/** The buffers of an answer to transfer rather than copy. */
export function examplesTransfer(answer: ExamplesAnswer): ArrayBuffer[] {
  if (answer.type !== 'examplesResult' || answer.examples.kind !== 'images') return [];
  return answer.examples.pixels.map((p) => p.buffer as ArrayBuffer);
}
