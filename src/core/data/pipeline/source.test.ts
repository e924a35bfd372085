import { describe, expect, it } from 'vitest';
import type { CsvTable } from '../csv/types';
import { csvDatasetForSplit, columnMismatch, prepareCsvSource } from './source';
import type { PipelineSpec } from './spec';
import { col, tableOf } from './testing';

const ratios = { train: 0.7, validation: 0.15, test: 0.15 };

/** x in 0..n-1 (train) and a class label alternating a/b. */
function trainTable(n: number): CsvTable {
  return tableOf(
    ['x', 'label'],
    Array.from({ length: n }, (_, i) => [String(i), i % 2 ? 'b' : 'a']),
    'train.csv',
  );
}

const classification: PipelineSpec = {
  version: 1,
  target: 'label',
  task: 'binary',
  standardizeTarget: false,
  columns: [col('x', 'numeric', { scaling: 'standardize' }), col('label', 'categorical')],
};

function prepared(table: CsvTable, spec: PipelineSpec, test?: CsvTable) {
  const out = prepareCsvSource(table, spec, test);
  if (!out.ok) throw new Error(out.message);
  return out.source;
}

describe('a separate test file', () => {
  it('becomes the test split; the ratios divide the training file; fitting sees training rows only', () => {
    // Test rows hold 1e6 values: fitted on them, the mean would move far from the training mean.
    const test = tableOf(
      ['label', 'x'], // another column order is fine
      Array.from({ length: 10 }, (_, i) => [i % 2 ? 'b' : 'a', '1000000']),
      'test.csv',
    );
    const source = prepared(trainTable(40), classification, test);
    for (const seed of [1, 2, 3]) {
      const { dataset, fitted } = csvDatasetForSplit(source, ratios, seed);
      expect(dataset.n).toBe(50);
      expect(Array.from(dataset.predefinedTest!.subarray(40))).toEqual(new Array(10).fill(1));
      expect(dataset.predefinedTest!.subarray(0, 40).every((v) => v === 0)).toBe(true);
      expect(fitted.trainRows).toBeGreaterThan(30);
      expect(fitted.trainRows).toBeLessThan(40);
      const x = fitted.columns[0]!;
      if (x.kind !== 'numeric') throw new Error('x should be numeric');
      expect(x.center).toBeGreaterThan(10);
      expect(x.center).toBeLessThan(30);
      // The test rows get the fitted transform; labels use the training classes.
      expect(dataset.x[40]).toBeCloseTo((1e6 - x.center) / x.scale, 0);
      expect(Array.from(dataset.y.subarray(40, 44))).toEqual([0, 1, 0, 1]);
    }
    expect(source.report.join(' ')).toContain('Test split: 10 rows from test.csv');
  });

  it('names the missing and extra columns when the files differ', () => {
    const test = tableOf(['x2', 'label', 'note'], [['1', 'a', 'n']], 'test.csv');
    const message = columnMismatch(trainTable(4), test);
    expect(message).toBe(
      'The test file test.csv does not have the columns of train.csv: missing "x"; extra "x2", "note". Upload a test file with the same header row.',
    );
    const out = prepareCsvSource(trainTable(4), classification, test);
    expect(out).toEqual({ ok: false, message });
    expect(columnMismatch(trainTable(4), trainTable(2))).toBeNull();
  });

  it('drops and reports test rows whose class is not in the training file', () => {
    const test = tableOf(
      ['x', 'label'],
      [
        ['1', 'a'],
        ['2', 'c'],
        ['3', 'b'],
        ['4', ''],
      ],
      'test.csv',
    );
    const source = prepared(trainTable(10), classification, test);
    expect(Array.from(source.test!.y)).toEqual([0, 1]);
    expect(source.report).toContain(
      'test.csv: Dropped 1 row whose class ("c") is not in train.csv.',
    );
    expect(source.report).toContain('test.csv: Dropped 1 row with a missing target (row 5).');
  });
});

describe('a random sample of the rows', () => {
  it('keeps N% of the rows, stratified, the same rows for any run seed', () => {
    // 3 : 1 class balance over 200 rows.
    const table = tableOf(
      ['x', 'label'],
      Array.from({ length: 200 }, (_, i) => [String(i), i % 4 === 0 ? 'rare' : 'common']),
      'big.csv',
    );
    const spec = { ...classification, task: 'binary' as const, sample: { percent: 10, seed: 1 } };
    const a = prepared(table, spec);
    const b = prepared(table, spec);
    expect(a.rows.length).toBe(20);
    expect(Array.from(a.rows)).toEqual(Array.from(b.rows));
    const rare = Array.from(a.y).filter((v) => v === 1).length; // classes sorted: common, rare
    expect(rare).toBe(5);
    expect(a.report).toContain(
      'Using a random 10% sample: 20 rows of 200, stratified by class (sample seed 1).',
    );
    const other = prepared(table, { ...spec, sample: { percent: 10, seed: 2 } });
    expect(Array.from(other.rows)).not.toEqual(Array.from(a.rows));
    const ds1 = csvDatasetForSplit(a, ratios, 1).dataset;
    const ds2 = csvDatasetForSplit(a, ratios, 2).dataset;
    // Another run seed re-splits the same 20 rows.
    expect(ds1.n).toBe(20);
    expect(ds2.n).toBe(20);
    expect(Array.from(ds1.y).sort()).toEqual(Array.from(ds2.y).sort());
  });

  it('leaves the test file whole', () => {
    const test = tableOf(
      ['x', 'label'],
      Array.from({ length: 30 }, (_, i) => [String(i), i % 2 ? 'b' : 'a']),
      'test.csv',
    );
    const source = prepared(
      trainTable(100),
      { ...classification, sample: { percent: 50, seed: 1 } },
      test,
    );
    expect(source.rows.length).toBe(50);
    expect(source.test!.rows.length).toBe(30);
  });
});

describe('target standardization', () => {
  it('trains on (y - mean) / std of the training rows and carries the scale on the dataset', () => {
    const table = tableOf(
      ['x', 'price'],
      Array.from({ length: 50 }, (_, i) => [String(i), String(1000 + 10 * i)]),
      'price.csv',
    );
    const spec: PipelineSpec = {
      version: 1,
      target: 'price',
      task: 'regression',
      standardizeTarget: true,
      columns: [col('x', 'numeric'), col('price', 'numeric')],
    };
    const source = prepared(table, spec);
    const { dataset, fitted } = csvDatasetForSplit(source, ratios, 3);
    expect(fitted.target).not.toBeNull();
    expect(dataset.targetScale).toEqual(fitted.target);
    const { mean, std } = dataset.targetScale!;
    expect(mean).toBeGreaterThan(1100);
    expect(mean).toBeLessThan(1400);
    for (let i = 0; i < dataset.n; i++) {
      expect(dataset.y[i]! * std + mean).toBeCloseTo(source.y[i]!, 2);
    }
    const off = csvDatasetForSplit(
      prepared(table, { ...spec, standardizeTarget: false }),
      ratios,
      3,
    );
    expect(off.dataset.targetScale).toBeUndefined();
    expect(off.dataset.y[5]).toBe(1050);
  });
});
