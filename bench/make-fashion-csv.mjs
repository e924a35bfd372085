#!/usr/bin/env node
// Writes Fashion-MNIST as CSV (label,pixel1..pixel784; the Kaggle layout) from Debian's
// dataset-fashion-mnist IDX files: bench/.tmp/train.csv (60,000 rows, ~133 MB) and
// bench/.tmp/test.csv (the t10k set, 10,000 rows). Generated at bench time, never committed.
// `node bench/make-fashion-csv.mjs [--rows N]` (N limits the training rows, for smoke runs).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFashionMnist, writeFashionCsv } from './figures/fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const FASHION_CSV_DIR = join(here, '.tmp');

async function writeSplit(split, file, limit) {
  const data = readFashionMnist(split);
  if ('error' in data) throw new Error(data.error);
  const rows = Math.min(limit, data.n);
  const path = join(FASHION_CSV_DIR, file);
  return { path, rows, bytes: await writeFashionCsv(path, data, rows) };
}

/** Writes train.csv and test.csv; `trainRows`/`testRows` cap the rows (smoke runs). */
export async function makeFashionCsv({ trainRows = Infinity, testRows = Infinity } = {}) {
  const train = await writeSplit('train', 'train.csv', trainRows);
  const test = await writeSplit('t10k', 'test.csv', testRows);
  return { train, test };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--rows');
  const rows = i > 0 ? Number(process.argv[i + 1]) : Infinity;
  const t0 = Date.now();
  const { train, test } = await makeFashionCsv({ trainRows: rows });
  for (const f of [train, test]) {
    console.log(`${f.path}: ${f.rows} rows, ${(f.bytes / 1048576).toFixed(1)} MB`);
  }
  console.log(`in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
