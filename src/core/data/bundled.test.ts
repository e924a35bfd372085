import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_FILES,
  bundledForChoice,
  bundledIdentity,
  FASHION_MNIST_CLASSES,
  parseBundled,
  parseClassCsv,
  parseImageBin,
} from './bundled';
import { classCounts } from './summary';
import { NO_AUGMENTATION } from './images/types';

function publicFile(path: string): ArrayBuffer {
  const buf = readFileSync(new URL(`../../../public/${path}`, import.meta.url));
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
}

describe('bundled datasets', () => {
  it('parses wine.csv: 178 rows, 13 named features, 3 classes 59/71/48', () => {
    const ds = parseBundled('wine', publicFile(BUNDLED_FILES.wine));
    expect(ds.n).toBe(178);
    expect(ds.featureShape).toEqual([13]);
    expect(ds.featureNames[0]).toBe('Alcohol');
    expect(ds.featureNames[12]).toBe('Proline');
    expect(ds.classNames).toEqual(['class_0', 'class_1', 'class_2']);
    expect(ds.task).toBe('multiclass');
    expect(classCounts(ds)).toEqual([59, 71, 48]);
    expect(ds.x[0]).toBeCloseTo(14.23);
    expect(ds.x[12]).toBe(1065);
  });

  it('parses fashion-mnist-3k.bin: 3,000 images of 28×28, 300 per class', () => {
    const ds = parseBundled('fashion-mnist', publicFile(BUNDLED_FILES['fashion-mnist']));
    expect(ds.n).toBe(3000);
    expect(ds.featureShape).toEqual([28, 28, 1]);
    expect(ds.x).toBeInstanceOf(Uint8Array);
    expect(ds.x.length).toBe(3000 * 784);
    expect(ds.xScale).toBeCloseTo(1 / 255);
    expect(ds.classNames).toEqual(FASHION_MNIST_CLASSES);
    expect(classCounts(ds)).toEqual(new Array(10).fill(300));
    // Real images: some ink in every one of the first ten.
    for (let i = 0; i < 10; i++) {
      const img = ds.x.subarray(i * 784, (i + 1) * 784);
      expect(Math.max(...img)).toBeGreaterThan(100);
    }
  });

  it('rejects a wrong header or a truncated image file', () => {
    expect(() => parseImageBin(new Uint8Array(20), 'x', ['a'])).toThrow(/wrong header/);
    const header = new Uint8Array(16 + 4 + 1);
    header.set([84, 83, 68, 83]);
    new DataView(header.buffer).setUint32(4, 2, true);
    new DataView(header.buffer).setUint32(8, 2, true);
    new DataView(header.buffer).setUint32(12, 1, true);
    expect(() => parseImageBin(header, 'x', ['a'])).toThrow(/truncated/);
  });

  it('rejects CSV rows with a wrong cell count or a non-number', () => {
    expect(() => parseClassCsv('a,b,class\n1,2,x\n1,x\n', 'T')).toThrow(/row 3 has 2 cells/);
    expect(() => parseClassCsv('a,class\nfoo,x\n', 'T')).toThrow(/non-number "foo"/);
    const ds = parseClassCsv('a,class\r\n1,no\r\n2,yes\r\n', 'T');
    expect(ds.task).toBe('binary');
    expect([...ds.y]).toEqual([0, 1]);
  });

  it('augments the built-in images as the choice asks, and never the table', () => {
    const augmentation = { ...NO_AUGMENTATION, rotation: 10, shift: 0.1 };
    const images = parseBundled('fashion-mnist', publicFile(BUNDLED_FILES['fashion-mnist']));
    const choice = { kind: 'bundled', id: 'fashion-mnist', limit: 100, augmentation } as const;
    const ds = bundledForChoice(images, choice);
    expect(ds.n).toBe(100);
    expect(ds.imagePipeline).toEqual({ normalize: null, augmentation });
    expect(
      bundledForChoice(images, { ...choice, augmentation: NO_AUGMENTATION }).imagePipeline,
    ).toBeUndefined();
    const wine = parseBundled('wine', publicFile(BUNDLED_FILES.wine));
    expect(
      bundledForChoice(wine, { kind: 'bundled', id: 'wine', augmentation }).imagePipeline,
    ).toBeUndefined();
    // Augmentation changes batches, not rows: the data's identity leaves it out.
    expect(bundledIdentity(choice)).toEqual({ kind: 'bundled', id: 'fashion-mnist', limit: 100 });
  });
});
