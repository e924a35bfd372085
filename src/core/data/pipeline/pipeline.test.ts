import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stratifiedSplit } from '../split';
import { applyPipeline, fitPipeline } from './fit';
import { csvDatasetForSplit, prepareCsvSource } from './source';
import type { ColumnSpec, PipelineSpec } from './spec';
import { col, tableOf } from './testing';

function spec(
  columns: ColumnSpec[],
  target = 'y',
  task: PipelineSpec['task'] = 'binary',
): PipelineSpec {
  return { version: 1, target, task, standardizeTarget: false, columns };
}

const all = (n: number) => Array.from({ length: n }, (_, i) => i);

/** One numeric column x (with missing cells) and its features under a column spec. */
function numericFeature(values: string[], change: Partial<ColumnSpec>): number[] {
  const t = tableOf(
    ['x', 'y'],
    values.map((v, i) => [v, String(i % 2)]),
  );
  const s = spec([col('x', 'numeric', change), col('y', 'categorical')]);
  const fitted = fitPipeline(t, s, all(values.length), ['0', '1']);
  return Array.from(applyPipeline(t, fitted, all(values.length)));
}

describe('preprocessing pipeline', () => {
  it('imputes missing values by mean, median, most frequent or a constant', () => {
    const values = ['1', '2', '2', '7', ''];
    expect(numericFeature(values, { missing: 'mean' })[4]).toBe(3);
    expect(numericFeature(values, { missing: 'median' })[4]).toBe(2);
    expect(numericFeature(values, { missing: 'mostFrequent' })[4]).toBe(2);
    expect(numericFeature(values, { missing: 'constant', constant: '-5' })[4]).toBe(-5);
  });

  it('drops rows missing a "drop rows" column, and rows with a missing target, and counts them', () => {
    const t = tableOf(
      ['x', 'y'],
      [
        ['1', 'a'],
        ['', 'b'],
        ['3', ''],
        ['4', 'a'],
        ['5', 'b'],
      ],
    );
    const out = prepareCsvSource(
      t,
      spec([col('x', 'numeric', { missing: 'drop' }), col('y', 'categorical')]),
    );
    expect(out.ok && Array.from(out.source.rows)).toEqual([0, 3, 4]);
    expect(out.ok && out.source.report).toEqual([
      'Dropped 1 row with a missing target (row 4).',
      'Dropped 1 row with missing values in columns set to "drop rows".',
    ]);
  });

  it('scales by min-max or standardisation; zero variance never divides by zero', () => {
    expect(numericFeature(['2', '4', '6'], { scaling: 'minmax' })).toEqual([0, 0.5, 1]);
    const z = numericFeature(['2', '4', '6'], { scaling: 'standardize' });
    expect(z[1]).toBeCloseTo(0, 6);
    expect(z[2]! - z[0]!).toBeCloseTo(4 / Math.sqrt(8 / 3), 5);
    expect(numericFeature(['3', '3', '3'], { scaling: 'standardize' })).toEqual([0, 0, 0]);
    expect(numericFeature(['3', '3', '3'], { scaling: 'minmax' })).toEqual([0, 0, 0]);
    expect(numericFeature(['2', '4', '6'], { scaling: 'none' })).toEqual([2, 4, 6]);
  });

  it('one-hot encodes with an Other column for unseen categories', () => {
    const t = tableOf(
      ['c', 'y'],
      [
        ['red', '0'],
        ['blue', '1'],
        ['red', '0'],
        ['green', '1'],
      ],
    );
    const s = spec([col('c', 'categorical'), col('y', 'categorical')]);
    const fitted = fitPipeline(t, s, [0, 1, 2], ['0', '1']);
    expect(fitted.featureNames).toEqual(['c=blue', 'c=red', 'c=Other']);
    expect(Array.from(applyPipeline(t, fitted, [0, 1, 3]))).toEqual([0, 1, 0, 1, 0, 0, 0, 0, 1]);
  });

  it('guards cardinality: over 50 categories are excluded, or the top 20 kept with Other', () => {
    const rows = all(120).map((i) => [i < 40 ? `c${i % 5}` : `rare${i}`, String(i % 2)]);
    const t = tableOf(['c', 'y'], rows);
    const top = fitPipeline(t, spec([col('c', 'categorical'), col('y', 'categorical')]), all(120), [
      '0',
      '1',
    ]);
    expect(top.featureNames).toHaveLength(21);
    expect(top.featureNames).toContain('c=c0');
    const excluded = fitPipeline(
      t,
      spec([col('c', 'categorical', { highCardinality: 'exclude' }), col('y', 'categorical')]),
      all(120),
      ['0', '1'],
    );
    expect(excluded.featureNames).toEqual([]);
    expect(excluded.columns[0]).toMatchObject({
      kind: 'excluded',
      reason: expect.stringMatching(/more than 50/),
    });
  });

  it('no leak: validation and test rows full of 1e6, NaN and unseen categories change nothing fitted', () => {
    const row = fc.tuple(
      fc.oneof(fc.integer({ min: -50, max: 50 }).map(String), fc.constant('')),
      fc.constantFrom('a', 'b', 'c', ''),
      fc.constantFrom('0', '1'),
    );
    const strategy = fc.record({
      missing: fc.constantFrom('mean', 'median', 'mostFrequent', 'constant') as fc.Arbitrary<
        ColumnSpec['missing']
      >,
      scaling: fc.constantFrom('none', 'minmax', 'standardize') as fc.Arbitrary<
        ColumnSpec['scaling']
      >,
    });
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 30 }),
        fc.array(fc.constantFrom('1e6', 'NaN', '-1e6', 'Infinity', ''), {
          minLength: 1,
          maxLength: 20,
        }),
        strategy,
        (train, garbage, how) => {
          const s = spec([
            col('x', 'numeric', how),
            col('c', 'categorical', {
              missing: how.missing === 'constant' ? 'constant' : 'mostFrequent',
              constant: 'none',
            }),
            col('y', 'categorical'),
          ]);
          const held = garbage.map((g, i) => [g, `unseen${i}`, String(i % 2)]);
          const mixed = tableOf(['x', 'c', 'y'], [...held.slice(0, 3), ...train, ...held.slice(3)]);
          const trainRows = train.map((_, i) => i + Math.min(3, held.length));
          const alone = tableOf(['x', 'c', 'y'], train);
          const fitted = fitPipeline(mixed, s, trainRows, ['0', '1']);
          expect(fitted).toEqual(fitPipeline(alone, s, all(train.length), ['0', '1']));
          // The held-out garbage still becomes finite features (unseen → Other).
          const x = applyPipeline(mixed, fitted, all(mixed.nRows));
          expect(x.every(Number.isFinite)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('builds a run dataset from a stratified, seeded split, fitted on its training rows', () => {
    const rows = all(60).map((i) => [
      String(i % 7),
      ['p', 'q'][i % 2]!,
      i % 4 === 0 ? 'rare' : 'common',
    ]);
    const t = tableOf(['x', 'c', 'y'], rows);
    const s = spec([
      col('x', 'numeric', { scaling: 'standardize' }),
      col('c', 'categorical'),
      col('y', 'categorical'),
    ]);
    const src = prepareCsvSource(t, s);
    if (!src.ok) throw new Error(src.message);
    expect(src.source.classNames).toEqual(['common', 'rare']);
    const { dataset, fitted } = csvDatasetForSplit(
      src.source,
      { train: 0.6, validation: 0.2, test: 0.2 },
      7,
    );
    expect(dataset.featureShape).toEqual([4]);
    expect(dataset.preprocessed).toBe(true);
    expect(fitted.trainRows).toBe(36);
    // Stratified: each class within one row of its share in every split.
    const split = stratifiedSplit(
      dataset.y,
      'binary',
      { train: 0.6, validation: 0.2, test: 0.2 },
      7,
    );
    for (const [rows, share] of [
      [split.train, 0.6],
      [split.validation, 0.2],
      [split.test, 0.2],
    ] as const) {
      const rare = Array.from(rows).filter((r) => dataset.y[r] === 1).length;
      expect(Math.abs(rare - 15 * share)).toBeLessThanOrEqual(1);
      expect(Math.abs(rows.length - rare - 45 * share)).toBeLessThanOrEqual(1);
    }
    // Same seed, same fit; the standardised column has mean 0 over the training rows only.
    expect(
      csvDatasetForSplit(src.source, { train: 0.6, validation: 0.2, test: 0.2 }, 7).fitted,
    ).toEqual(fitted);
  });

  it('expands an included date into year, month and weekday fitted on the training rows', () => {
    const t = tableOf(
      ['when', 'y'],
      [
        ['2024-03-01', 'a'],
        ['02/01/2020', 'b'],
        ['not a date', 'a'],
        ['2030-12-31', 'b'],
      ],
    );
    const s = spec([col('when', 'date', { missing: 'median' }), col('y', 'categorical')]);
    const fitted = fitPipeline(t, s, [0, 1, 2], ['a', 'b']);
    expect(fitted.featureNames).toEqual(['when:year', 'when:month', 'when:weekday']);
    // 2024-03-01 is a Friday (5); 2 January 2020 (day/month/year) a Thursday (4).
    const x = Array.from(applyPipeline(t, fitted, [0, 1, 2, 3]));
    expect(x.slice(0, 6)).toEqual([2024, 3, 5, 2020, 1, 4]);
    // Not a date: the training medians.
    expect(x.slice(6, 9)).toEqual([2022, 2, 4.5]);
    expect(x.slice(9)).toEqual([2030, 12, 2]);
  });

  it('standardises a regression target on the training rows when asked', () => {
    const rows = all(20).map((i) => [String(i), String(i * 10)]);
    const t = tableOf(['x', 'y'], rows);
    const s: PipelineSpec = {
      ...spec([col('x', 'numeric'), col('y', 'numeric')], 'y', 'regression'),
      standardizeTarget: true,
    };
    const fitted = fitPipeline(t, s, [0, 1, 2, 3], []);
    expect(fitted.target?.mean).toBe(15);
    expect(fitted.target?.std).toBeCloseTo(Math.sqrt(125), 6);
  });
});
