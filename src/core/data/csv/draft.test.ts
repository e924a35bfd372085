import { describe, expect, it } from 'vitest';
import {
  confirmedChoice,
  confirmProblem,
  draftFromParsed,
  draftSpec,
  EMPTY_CSV_DRAFT,
  isSameCsvReupload,
  targetProblem,
  withTarget,
  withTestFile,
} from './draft';
import { byName, draft, names, NOT_A_TARGET, parsedFile, profile } from './draftFixture';
import type { DatasetChoice } from '../types';

describe('draftFromParsed', () => {
  it('takes the last column as the target, its task, and column specs from the profiles', () => {
    const d = draftFromParsed(parsedFile());
    expect(d.target).toBe('label');
    expect(d.task).toBe('binary');
    expect(targetProblem(d)).toBeNull();
    expect(names(d, (c) => !c.include)).toEqual(['id']);
    expect(byName(d, 'price')).toMatchObject({ type: 'numeric', scaling: 'standardize' });
    expect(byName(d, 'city')).toMatchObject({ type: 'categorical', scaling: 'none' });
    expect(d.testParsed).toBeNull();
  });

  it('falls back to multiclass and says why when the last column cannot be a target', () => {
    const info = parsedFile({
      headers: ['label', 'id'],
      profiles: [profile('label', 'categorical'), profile('id', 'identifier', 'ID-like')],
      targetTasks: [
        { ok: true, task: 'binary' },
        { ok: false, message: NOT_A_TARGET },
      ],
    });
    const d = draftFromParsed(info);
    expect(d.target).toBe('id');
    expect(d.task).toBe('multiclass');
    expect(targetProblem(d)).toBe(NOT_A_TARGET);
  });

  it('keeps the previous sampling choices, and has no target for a file without columns', () => {
    const d = draftFromParsed(parsedFile({ headers: [], profiles: [], targetTasks: [] }), {
      samplePercent: 20,
      standardizeTarget: true,
    });
    expect(d).toMatchObject({ target: '', samplePercent: 20, standardizeTarget: true });
    expect(targetProblem(d)).toBeNull();
    expect(draftFromParsed(parsedFile())).toMatchObject({ samplePercent: 100 });
  });
});

describe('isSameCsvReupload', () => {
  // The choice of houses.csv as confirmed earlier (see confirmedChoice below).
  const choice: DatasetChoice = confirmedChoice(draft())!;
  const info = { uploadId: '1200:abc', hasHeader: true };
  const loaded = { csv: { fileName: 'houses.csv' } };

  it('is the workspace CSV asked for again while it is not loaded', () => {
    expect(isSameCsvReupload(choice, null, info)).toBe(true);
    expect(isSameCsvReupload(choice, {}, info)).toBe(true);
  });

  it('is not another file, another header setting, a loaded dataset or another choice', () => {
    expect(isSameCsvReupload(choice, null, { ...info, uploadId: '9:zz' })).toBe(false);
    expect(isSameCsvReupload(choice, null, { ...info, hasHeader: false })).toBe(false);
    expect(isSameCsvReupload(choice, loaded, info)).toBe(false);
    const bundled: DatasetChoice = { kind: 'bundled', id: 'wine' };
    expect(isSameCsvReupload(bundled, null, info)).toBe(false);
  });
});

describe('withTarget', () => {
  it('takes the task of the new target and includes its column', () => {
    const d = withTarget(
      draft({ columns: draft().columns.map((c) => ({ ...c, include: false })) }),
      'price',
    );
    expect(d).toMatchObject({ target: 'price', task: 'regression' });
    expect(byName(d, 'price').include).toBe(true);
    expect(names(d, (c) => c.include)).toEqual(['price']);
  });

  it('keeps the task and says why when the column cannot be a target', () => {
    const d = withTarget(draft({ task: 'multiclass' }), 'id');
    expect(d).toMatchObject({ target: 'id', task: 'multiclass' });
    expect(targetProblem(d)).toBe(NOT_A_TARGET);
  });

  it('changes nothing before a file is parsed', () => {
    expect(withTarget(EMPTY_CSV_DRAFT, 'price')).toBe(EMPTY_CSV_DRAFT);
  });
});

describe('withTestFile', () => {
  it('keeps a test file with the same columns in any order', () => {
    const info = parsedFile({ fileName: 'test.csv', uploadId: '9:t', size: 9, nRows: 3 });
    const d = withTestFile(draft({ testParsing: true }), {
      ...info,
      headers: [...info.headers].reverse(),
    });
    expect(d.testParsing).toBe(false);
    expect(d.testError).toBeNull();
    expect(d.testParsed).toMatchObject({
      uploadId: '9:t',
      fileName: 'test.csv',
      size: 9,
      nRows: 3,
    });
  });

  it('names the columns a test file lacks and has in addition', () => {
    const info = parsedFile({
      fileName: 'test.csv',
      headers: ['id', 'price', 'Price2', 'flag', 'town', 'label'],
    });
    expect(withTestFile(draft(), info).testError).toBe(
      'The test file test.csv does not have the columns of houses.csv: missing "city"; extra "town". Upload a test file with the same header row.',
    );
  });
});

describe('draftSpec', () => {
  it('is the target, task and columns, without a sample when all rows are used', () => {
    const d = draft();
    expect(draftSpec(d)).toEqual({
      version: 1,
      target: 'label',
      task: 'binary',
      standardizeTarget: false,
      columns: d.columns,
    });
  });

  it('samples with the fixed seed below 100%', () => {
    expect(draftSpec(draft({ samplePercent: 25 })).sample).toEqual({ percent: 25, seed: 1 });
  });

  it('standardizes the target only for regression', () => {
    expect(draftSpec(draft({ standardizeTarget: true })).standardizeTarget).toBe(false);
    const regression = withTarget(draft({ standardizeTarget: true }), 'price');
    expect(draftSpec(regression)).toMatchObject({ task: 'regression', standardizeTarget: true });
  });
});

describe('confirmProblem and confirmedChoice', () => {
  const STILL_READING = 'The test file is still being read: wait for it, or remove it.';
  const BAD_SAMPLE = 'The sample must be more than 0% and at most 100% of the rows.';

  it('accepts a draft with a usable target, no pending test file and a valid sample', () => {
    expect(confirmProblem(draft())).toBeNull();
    expect(confirmProblem(draft({ samplePercent: 0.5 }))).toBeNull();
  });

  it('says why the draft cannot be loaded, the target first', () => {
    expect(confirmProblem(withTarget(draft({ testParsing: true }), 'id'))).toBe(NOT_A_TARGET);
    expect(confirmProblem(draft({ testParsing: true }))).toBe(STILL_READING);
    expect(confirmProblem(draft({ testError: 'bad columns', samplePercent: 0 }))).toBe(
      'bad columns',
    );
    for (const samplePercent of [0, -5, 100.5, Number.NaN]) {
      expect(confirmProblem(draft({ samplePercent }))).toBe(BAD_SAMPLE);
    }
  });

  it('builds the CSV choice, with the test file when there is one', () => {
    const d = draft({ samplePercent: 50 });
    expect(confirmedChoice(d)).toEqual({
      kind: 'upload',
      format: 'csv',
      uploadId: '1200:abc',
      name: 'houses.csv',
      size: 1200,
      hasHeader: true,
      spec: draftSpec(d),
    });
    const test = withTestFile(d, parsedFile({ uploadId: '9:t', fileName: 't.csv', size: 9 }));
    expect(confirmedChoice(test)?.test).toEqual({ uploadId: '9:t', name: 't.csv', size: 9 });
    expect(confirmedChoice(EMPTY_CSV_DRAFT)).toBeNull();
  });
});
