/**
 * Parsers for the datasets shipped in public/datasets (format: public/datasets/README.md).
 * Pure: the worker fetches the bytes from the app's own origin and hands them here.
 */
import { isAugmenting } from './images/augment';
import { sampleDataset } from './sample';
import type { BundledId, Dataset, DatasetChoice } from './types';

type BundledChoice = Extract<DatasetChoice, { kind: 'bundled' }>;

/** File of each bundled dataset, relative to the app's base URL. */
export const BUNDLED_FILES: Record<BundledId, string> = {
  wine: 'datasets/wine.csv',
  'fashion-mnist': 'datasets/fashion-mnist-3k.bin',
};

export const BUNDLED_NAMES: Record<BundledId, string> = {
  wine: 'Wine (UCI, 178 wines)',
  'fashion-mnist': 'Fashion-MNIST (3,000 images)',
};

export const FASHION_MNIST_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

/**
 * A parsed bundled dataset as a choice asks for it: its sample, and for an image set the
 * choice's augmentation on training batches (pixels stay plain [0, 1], no normalisation).
 */
export function bundledForChoice(ds: Dataset, choice: BundledChoice): Dataset {
  const sampled = sampleDataset(ds, choice.limit);
  const augmentation = choice.augmentation;
  if (ds.kind !== 'image' || !augmentation || !isAugmenting(augmentation)) return sampled;
  return { ...sampled, imagePipeline: { normalize: null, augmentation } };
}

/** What identifies a bundled choice's data: augmentation changes batches, not the rows. */
export function bundledIdentity(choice: BundledChoice): Omit<BundledChoice, 'augmentation'> {
  const { augmentation: _augmentation, ...identity } = choice;
  return identity;
}

/** Parses a bundled dataset from its fetched bytes. */
export function parseBundled(id: BundledId, bytes: ArrayBuffer): Dataset {
  switch (id) {
    case 'wine':
      return parseClassCsv(new TextDecoder().decode(bytes), BUNDLED_NAMES.wine);
    case 'fashion-mnist':
      return parseImageBin(
        new Uint8Array(bytes),
        BUNDLED_NAMES['fashion-mnist'],
        FASHION_MNIST_CLASSES,
      );
    default: {
      const never: never = id;
      throw new Error(`Unknown bundled dataset ${String(never)}`);
    }
  }
}

/**
 * A CSV of numeric features with a header row and a last column of class names (as
 * wine.csv). Classes are indexed in sorted name order. Features are left raw: see
 * standardize.ts for the train-split standardisation.
 */
export function parseClassCsv(text: string, name: string): Dataset {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0]?.split(',').map((h) => h.trim());
  if (!header || header.length < 2) throw new Error(`${name}: the file has no header row.`);
  const featureNames = header.slice(0, -1);
  const d = featureNames.length;
  const rows = lines.slice(1);
  const x = new Float32Array(rows.length * d);
  const labels: string[] = [];
  rows.forEach((line, r) => {
    const cells = line.split(',');
    if (cells.length !== d + 1) {
      throw new Error(`${name}: row ${r + 2} has ${cells.length} cells, expected ${d + 1}.`);
    }
    for (let j = 0; j < d; j++) {
      const v = Number(cells[j]);
      if (!Number.isFinite(v))
        throw new Error(`${name}: row ${r + 2} has a non-number "${cells[j]}".`);
      x[r * d + j] = v;
    }
    labels.push(cells[d]!.trim());
  });
  const classNames = [...new Set(labels)].sort();
  const index = new Map(classNames.map((c, i) => [c, i]));
  return {
    name,
    kind: 'tabular',
    task: classNames.length === 2 ? 'binary' : 'multiclass',
    featureShape: [d],
    x,
    xScale: 1,
    y: Float32Array.from(labels, (l) => index.get(l)!),
    n: rows.length,
    classNames,
    featureNames,
  };
}

const MAGIC = 'TSDS';
const HEADER_BYTES = 16;

/** The 'TSDS' image file: 16-byte header (magic, n, height, width), pixels, then labels. */
export function parseImageBin(bytes: Uint8Array, name: string, classNames: string[]): Dataset {
  if (bytes.length < HEADER_BYTES || String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC) {
    throw new Error(`${name}: not a dataset file (wrong header); try reloading the page.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(4, true);
  const height = view.getUint32(8, true);
  const width = view.getUint32(12, true);
  const pixels = height * width;
  if (bytes.length !== HEADER_BYTES + n * pixels + n) {
    throw new Error(
      `${name}: the file is truncated (${bytes.length} bytes); try reloading the page.`,
    );
  }
  // Copies, so the dataset owns compact arrays independent of the fetched buffer.
  const x = bytes.slice(HEADER_BYTES, HEADER_BYTES + n * pixels);
  const y = Float32Array.from(bytes.subarray(HEADER_BYTES + n * pixels));
  if (y.some((label) => label >= classNames.length)) {
    throw new Error(`${name}: a label is outside 0–${classNames.length - 1}.`);
  }
  return {
    name,
    kind: 'image',
    task: 'multiclass',
    featureShape: [height, width, 1],
    x,
    xScale: 1 / 255,
    y,
    n,
    classNames,
    featureNames: [],
  };
}
