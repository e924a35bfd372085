import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText } from '../csv/column';
import type { CsvTable } from '../csv/types';
import { applyPipeline, fitPipeline } from './fit';
import { featuresFromRaw, sourceRawRows } from './raw';
import { csvDatasetForSplit, prepareCsvSource } from './source';
import type { ColumnSpec, PipelineSpec } from './spec';
import { col, tableOf } from './testing';

/** The cells of table row r as a form would hold them: the file's text, by column name. */
function rawValues(table: CsvTable, r: number): Record<string, string> {
  return Object.fromEntries(table.headers.map((h, j) => [h, cellText(table.columns[j]!, r)]));
}

const HEADERS = ['size', 'colour', 'member', 'joined', 'note', 'y'];
const ROWS = [
  ['1.5', 'red', 'yes', '2024-03-01', 'a', 'A'],
  ['', 'blue', 'no', '2023-12-24', 'b', 'B'],
  ['3', 'NA', 'yes', '', 'c', 'A'],
  ['7.25', 'green', '', '01/02/2022', 'd', 'B'],
  ['-2', 'red', 'yes', '2021-07-14', 'e', 'A'],
  // Row 5 is held out of the fit: its colour is unseen in training ("Other").
  ['4', 'violet', 'yes', '2020-01-31', 'f', 'B'],
];
const SPEC: PipelineSpec = {
  version: 1,
  target: 'y',
  task: 'binary',
  standardizeTarget: false,
  columns: [
    col('size', 'numeric', { scaling: 'standardize' }),
    col('colour', 'categorical'),
    col('member', 'boolean', { scaling: 'minmax' }),
    col('joined', 'date', { scaling: 'standardize' }),
    col('note', 'text', { include: false }),
    col('y', 'categorical'),
  ],
};

describe('featuresFromRaw', () => {
  const table = tableOf(HEADERS, ROWS);
  const fitted = fitPipeline(table, SPEC, [0, 1, 2, 3, 4], ['A', 'B']);

  it("equals the pipeline's own transform of the same row, missing and unseen values included", () => {
    for (let r = 0; r < table.nRows; r++) {
      expect(Array.from(featuresFromRaw(fitted, rawValues(table, r)))).toEqual(
        Array.from(applyPipeline(table, fitted, [r])),
      );
    }
  });

  it('maps an unseen category to Other and a left-out field to its fill value', () => {
    const features = featuresFromRaw(fitted, { size: '3', colour: 'violet' });
    const name = (i: number) => fitted.featureNames[i];
    const on = Array.from(features.keys()).filter(
      (i) => name(i)!.startsWith('colour=') && features[i] === 1,
    );
    expect(on.map(name)).toEqual(['colour=Other']);
    // No "member" value: its most frequent training value (yes → 1, min-max scaled to 1).
    expect(features[fitted.featureNames.indexOf('member')]).toBe(1);
  });

  it('agrees with applyPipeline on random numeric and categorical tables', () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'NA', 'x', 'y', 'z'),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(String),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, fc.constantFrom('p', 'q', 'r', ''), fc.constantFrom('A', 'B')), {
          minLength: 2,
          maxLength: 30,
        }),
        fc.constantFrom<ColumnSpec['scaling']>('none', 'minmax', 'standardize'),
        fc.constantFrom<ColumnSpec['missing']>('mean', 'median', 'mostFrequent', 'constant'),
        (rows, scaling, missing) => {
          const t = tableOf(
            ['n', 'c', 'y'],
            rows.map((r) => [...r]),
          );
          const spec: PipelineSpec = {
            ...SPEC,
            columns: [
              col('n', 'numeric', { scaling, missing, constant: '2.5' }),
              col('c', 'categorical'),
              col('y', 'categorical'),
            ],
          };
          const train = rows.map((_, i) => i).filter((i) => i % 3 !== 2);
          const f = fitPipeline(t, spec, train, ['A', 'B']);
          for (let r = 0; r < t.nRows; r++) {
            expect(Array.from(featuresFromRaw(f, rawValues(t, r)))).toEqual(
              Array.from(applyPipeline(t, f, [r])),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('sourceRawRows', () => {
  it("gives a dataset row's original cells, from the test file after the training file's rows", () => {
    const trainRows = [
      ['1', 'red', 'A'],
      ['', 'blue', 'B'],
      ['3', 'red', ''],
      ['4', 'blue', 'B'],
      ['5', 'red', 'A'],
    ];
    const train = tableOf(['x', 'c', 'y'], trainRows, 'train.csv');
    // The test file has the same columns in another order.
    const test = tableOf(
      ['y', 'c', 'x'],
      [
        ['B', 'green', '9.5'],
        ['A', 'red', 'oops'],
      ],
      'test.csv',
    );
    const spec: PipelineSpec = {
      ...SPEC,
      columns: [
        col('x', 'numeric', { scaling: 'standardize' }),
        col('c', 'categorical'),
        col('y', 'categorical'),
      ],
    };
    const prepared = prepareCsvSource(train, spec, test);
    if (!prepared.ok) throw new Error(prepared.message);
    const { source } = prepared;
    const { dataset } = csvDatasetForSplit(source, { train: 0.75, validation: 0.25, test: 0 }, 1);
    // The row with no target was dropped: dataset rows 0–3 are file rows 0, 1, 3, 4.
    expect(dataset.n).toBe(6);
    expect(sourceRawRows(source, [1, 2, 4, 5])).toEqual({
      columns: ['x', 'c', 'y'],
      rows: [
        [null, 'blue', 'B'],
        [4, 'blue', 'B'],
        [9.5, 'green', 'B'],
        ['oops', 'red', 'A'],
      ],
      rowLabels: ['train.csv line 3', 'train.csv line 5', 'test.csv line 2', 'test.csv line 3'],
    });
    expect(() => sourceRawRows(source, [6])).toThrow(RangeError);
  });
});
