#!/usr/bin/env node
/**
 * Builds the bundled datasets in public/datasets/ from Debian packages:
 *   python3-sklearn          → wine.csv            (178 rows × 13 features + class)
 *   dataset-fashion-mnist    → fashion-mnist-3k.bin (3,000 images, 300 per class)
 * Run: node scripts/make-datasets.mjs   (deterministic: same inputs, same bytes out)
 * The binary format is described in public/datasets/README.md and parsed by
 * src/core/data/bundled.ts.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'datasets');
const SKLEARN = process.env.SKLEARN_DATA ?? '/usr/lib/python3/dist-packages/sklearn/datasets';
const FASHION = process.env.FASHION_MNIST ?? '/usr/share/datasets/fashion-mnist';
const PER_CLASS = 300;
const SEED = 42;

mkdirSync(OUT, { recursive: true });
makeWine();
makeFashionMnist();

function makeWine() {
  const rst = readFileSync(join(SKLEARN, 'descr', 'wine_data.rst'), 'utf8');
  const names = attributeNames(rst);
  const lines = readFileSync(join(SKLEARN, 'data', 'wine_data.csv'), 'utf8')
    .trim()
    .split('\n');
  // sklearn's first line is "n_samples,n_features,class names..."
  const [nRows, nFeatures, ...classNames] = lines[0].split(',');
  if (Number(nFeatures) !== names.length) {
    throw new Error(`wine: ${names.length} names in the description, ${nFeatures} features`);
  }
  const rows = lines.slice(1).map((line) => {
    const cells = line.split(',');
    const label = classNames[Number(cells[cells.length - 1])];
    if (label === undefined) throw new Error(`wine: bad class in "${line}"`);
    return [...cells.slice(0, -1), label].join(',');
  });
  if (rows.length !== Number(nRows)) throw new Error(`wine: expected ${nRows} rows`);
  const csv = [[...names, 'class'].join(','), ...rows].join('\n') + '\n';
  writeFileSync(join(OUT, 'wine.csv'), csv);
  console.log(`wine.csv: ${rows.length} rows, ${names.length} features, classes ${classNames}`);
}

/** The feature names listed under ":Attribute Information:" in sklearn's description. */
function attributeNames(rst) {
  const start = rst.indexOf(':Attribute Information:');
  const end = rst.indexOf('- class:', start);
  if (start < 0 || end < 0) throw new Error('wine: attribute list not found in wine_data.rst');
  return rst
    .slice(start, end)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('- '))
    .map((l) => l.slice(2).trim());
}

function makeFashionMnist() {
  const images = readIdx(join(FASHION, 'train-images-idx3-ubyte.gz'), 0x803);
  const labels = readIdx(join(FASHION, 'train-labels-idx1-ubyte.gz'), 0x801);
  const [n, height, width] = images.dims;
  if (labels.dims[0] !== n) throw new Error('fashion-mnist: image and label counts differ');
  const pixels = height * width;

  const byClass = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < n; i++) byClass[labels.data[i]].push(i);
  const rng = mulberry32(SEED);
  const chosen = byClass
    .flatMap((rows) => shuffle(rows, rng).slice(0, PER_CLASS))
    // Original order interleaves the classes, as the source file does.
    .sort((a, b) => a - b);

  const count = chosen.length;
  const header = Buffer.alloc(16);
  header.write('TSDS', 0, 'ascii');
  header.writeUInt32LE(count, 4);
  header.writeUInt32LE(height, 8);
  header.writeUInt32LE(width, 12);
  const body = Buffer.alloc(count * pixels + count);
  chosen.forEach((row, i) => {
    body.set(images.data.subarray(row * pixels, (row + 1) * pixels), i * pixels);
    body[count * pixels + i] = labels.data[row];
  });
  writeFileSync(join(OUT, 'fashion-mnist-3k.bin'), Buffer.concat([header, body]));
  console.log(`fashion-mnist-3k.bin: ${count} images of ${height}×${width}`);
}

/** Reads a (gzipped) IDX file: big-endian magic, dimension sizes, then uint8 data. */
function readIdx(path, magic) {
  const raw = readFileSync(path);
  const buf = path.endsWith('.gz') ? gunzipSync(raw) : raw;
  const found = buf.readUInt32BE(0);
  if (found !== magic) throw new Error(`${path}: magic ${found.toString(16)}, expected ${magic}`);
  const rank = magic & 0xff;
  const dims = Array.from({ length: rank }, (_, i) => buf.readUInt32BE(4 + 4 * i));
  return { dims, data: buf.subarray(4 + 4 * rank) };
}

function mulberry32(seed) {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(arr, rng) {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [arr[i], arr[j]] = [arr[j], arr[i]];
  }
  return arr;
}
