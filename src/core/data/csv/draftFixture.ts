/** Test fixture of the draft tests: a parsed houses.csv and small readers of a draft. */
import { draftFromParsed, type CsvDraft } from './draft';
import type { ColumnProfile, ColumnType, CsvParsedFile } from './types';
import type { ColumnSpec } from '../pipeline/spec';

export const NOT_A_TARGET =
  'The column "id" has a different value in every row: it cannot be a target.';

export function profile(
  name: string,
  inferredType: ColumnType,
  excludeReason: string | null = null,
) {
  const p: ColumnProfile = {
    name,
    inferredType,
    missing: 0,
    distinct: 3,
    histogram: [],
    excludeReason,
    badNumbers: null,
  };
  return p;
}

/** Columns: id (identifier, excluded), price and Price2 (numeric), flag (boolean), city, label. */
export function parsedFile(over: Partial<CsvParsedFile> = {}): CsvParsedFile {
  return {
    uploadId: '1200:abc',
    fileName: 'houses.csv',
    size: 1200,
    nRows: 40,
    delimiter: ',',
    encoding: 'utf-8',
    hasHeader: true,
    headers: ['id', 'price', 'Price2', 'flag', 'city', 'label'],
    profiles: [
      profile('id', 'identifier', 'ID-like'),
      profile('price', 'numeric'),
      profile('Price2', 'numeric'),
      profile('flag', 'boolean'),
      profile('city', 'categorical'),
      profile('label', 'categorical'),
    ],
    previewRows: [],
    warnings: [],
    targetTasks: [
      { ok: false, message: NOT_A_TARGET },
      { ok: true, task: 'regression' },
      { ok: true, task: 'regression' },
      { ok: true, task: 'binary' },
      { ok: true, task: 'multiclass' },
      { ok: true, task: 'binary' },
    ],
    stored: true,
    ...over,
  };
}

export const draft = (over: Partial<CsvDraft> = {}): CsvDraft => ({
  ...draftFromParsed(parsedFile()),
  ...over,
});
export const byName = (d: CsvDraft, name: string) => d.columns.find((c) => c.name === name)!;
export const names = (d: CsvDraft, pick: (c: ColumnSpec) => boolean) =>
  d.columns.filter(pick).map((c) => c.name);
