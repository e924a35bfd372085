// Bench inputs written at bench time into bench/.tmp/ (gitignored): Fashion-MNIST as CSV
// from Debian's dataset-fashion-mnist, a tiny synthetic CSV for smoke runs, PNG folders.
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync, gunzipSync } from 'node:zlib';

export const FASHION_DIR = '/usr/share/datasets/fashion-mnist';

/** Reads an IDX file (optionally gzipped) from the Debian package; null when missing. */
function readIdx(base) {
  for (const [file, gz] of [
    [`${base}.gz`, true],
    [base, false],
  ]) {
    const path = join(FASHION_DIR, file);
    if (existsSync(path)) return gz ? gunzipSync(readFileSync(path)) : readFileSync(path);
  }
  return null;
}

/**
 * The Fashion-MNIST training (or t10k) set as its IDX images and labels, or a reason why not.
 * Returns { images: Uint8Array (n × 784), labels: Uint8Array (n), n } | { error }.
 */
export function readFashionMnist(split = 'train') {
  const prefix = split === 'train' ? 'train' : 't10k';
  const img = readIdx(`${prefix}-images-idx3-ubyte`);
  const lab = readIdx(`${prefix}-labels-idx1-ubyte`);
  if (!img || !lab)
    return {
      error: `Fashion-MNIST not found under ${FASHION_DIR} (apt-get install dataset-fashion-mnist)`,
    };
  if (img.readUInt32BE(0) !== 2051 || lab.readUInt32BE(0) !== 2049)
    return { error: `Fashion-MNIST IDX files under ${FASHION_DIR} have unexpected magic numbers` };
  const n = img.readUInt32BE(4);
  return { images: img.subarray(16), labels: lab.subarray(8), n };
}

/**
 * Writes `label,pixel1..pixel784` rows (Kaggle's layout) for the first `rows` images;
 * resolves to the file's size in bytes.
 */
export async function writeFashionCsv(path, data, rows = data.n) {
  mkdirSync(join(path, '..'), { recursive: true });
  const out = createWriteStream(path);
  const header = ['label', ...Array.from({ length: 784 }, (_, i) => `pixel${i + 1}`)].join(',');
  let bytes = 0;
  const write = (s) =>
    new Promise((resolve) => {
      bytes += Buffer.byteLength(s);
      if (out.write(s)) resolve();
      else out.once('drain', resolve);
    });
  await write(`${header}\n`);
  let block = '';
  for (let r = 0; r < rows; r++) {
    const px = data.images.subarray(r * 784, (r + 1) * 784);
    block += `${data.labels[r]},${px.join(',')}\n`;
    if (block.length > 1 << 20) {
      await write(block);
      block = '';
    }
  }
  await write(block);
  await new Promise((resolve, reject) => out.end((e) => (e ? reject(e) : resolve())));
  return bytes;
}

/** A tiny Fashion-MNIST-shaped CSV (label + 784 pixels) from a seeded generator, for smoke runs. */
export function syntheticFashionData(n = 300) {
  let s = 12345;
  const rand = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const images = new Uint8Array(n * 784);
  const labels = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    labels[r] = r % 10;
    for (let p = 0; p < 784; p++) images[r * 784 + p] = Math.floor(rand() * 256);
  }
  return { images, labels, n };
}

function pngChunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** An RGB PNG of size×size (port of e2e/fixtures/images/png.ts, with node's crc32). */
export function png(size, pixel) {
  const stride = size * 3 + 1;
  const raw = Buffer.alloc(size * stride);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b] = pixel(x, y);
      const at = y * stride + 1 + x * 3;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Writes `count` PNGs of size×size into `dir`/class-k/ (10 class folders, as the upload
 * expects one sub-folder per class). Each image is a class-coloured gradient with seeded noise.
 */
export function writePngFolder(dir, count, size, classes = 10) {
  rmSync(dir, { recursive: true, force: true });
  let s = size * 7919;
  const noise = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) % 32) - 16;
  const clamp = (v) => Math.max(0, Math.min(255, v));
  for (let i = 0; i < count; i++) {
    const k = i % classes;
    const sub = join(dir, `class-${k}`);
    mkdirSync(sub, { recursive: true });
    const image = png(size, (x, y) => {
      const g = Math.floor((255 * (x + y)) / (2 * size));
      return [clamp(g + noise()), clamp(k * 25 + noise()), clamp(255 - g + noise())];
    });
    writeFileSync(join(sub, `img-${String(i).padStart(4, '0')}.png`), image);
  }
  return dir;
}
