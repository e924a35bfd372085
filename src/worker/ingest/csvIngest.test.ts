import { describe, expect, it, vi } from 'vitest';
import type { PipelineSpec } from '../../core/data/pipeline/spec';
import type { DatasetChoice } from '../../core/data/types';
import { csvDatasetForRun, handleCsvMessage, loadCsvDataset } from './csvIngest';
import type { CsvFromWorker } from './csvMessages';

const split = { ratios: { train: 0.6, validation: 0.2, test: 0.2 }, seed: 3 };

function csv(rows: number): string {
  const lines = ['id,x,colour,label'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${i},${(i * 7) % 10},${['red', 'green', 'blue'][i % 3]},${i % 4 === 0 ? 'b' : 'a'}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** Posts a csvIngest and collects the worker's answers until it is done. */
async function ingest(text: string, maxBytes = 1e9, cancelAfterStart = false) {
  const out: CsvFromWorker[] = [];
  const done = new Promise<void>((resolve) => {
    handleCsvMessage(
      { type: 'csvIngest', requestId: 1, file: new Blob([text]), fileName: 'd.csv', maxBytes },
      (m) => {
        out.push(m);
        if (m.type === 'csvParsed' || m.type === 'csvError') resolve();
        if (cancelAfterStart && m.type === 'csvProgress') {
          handleCsvMessage({ type: 'csvCancel', requestId: 1 }, () => {});
        }
      },
    );
  });
  await done;
  return out;
}

describe('CSV ingest in the worker', () => {
  // IndexedDB does not exist in Node: storing is skipped with a warning.
  vi.spyOn(console, 'warn').mockImplementation(() => {});

  it('parses a posted file into profiles, preview rows and per-column target tasks', async () => {
    const out = await ingest(csv(40));
    const parsed = out.find((m) => m.type === 'csvParsed');
    expect(parsed).toMatchObject({
      nRows: 40,
      headers: ['id', 'x', 'colour', 'label'],
      delimiter: ',',
      stored: false,
    });
    if (parsed?.type !== 'csvParsed') return;
    expect(parsed.uploadId).toMatch(/^\d+-[0-9a-f]{24}$/);
    expect(parsed.profiles.map((p) => p.inferredType)).toEqual([
      'identifier',
      'numeric',
      'categorical',
      'categorical',
    ]);
    expect(parsed.targetTasks[3]).toEqual({ ok: true, task: 'binary' });
    expect(parsed.previewRows[1]).toEqual(['1', '7', 'green', 'a']);
  });

  it('refuses a file over the limit before parsing, with rows estimated', async () => {
    const out = await ingest(csv(40), 100);
    expect(out).toEqual([
      {
        type: 'csvError',
        requestId: 1,
        cancelled: false,
        message: expect.stringMatching(
          /d\.csv is 0\.00 MB \(about 41 rows.*above the 0\.00 MB upload limit/,
        ),
      },
    ]);
  });

  it('stops when cancelled', async () => {
    const big = csv(1) + '1,2,red,a\n'.repeat(300_000);
    const out = await ingest(big, 1e9, true);
    expect(out.at(-1)).toMatchObject({ type: 'csvError', cancelled: true });
  });

  it('cancels only the parse a cancel names', async () => {
    // Three chunks of the parser, so a cancel is heard between them.
    const big = csv(1) + '1,2,red,a\n'.repeat(300_000);
    const outcomes = new Map<number, CsvFromWorker['type']>();
    const parse = (requestId: number) =>
      new Promise<void>((resolve) => {
        handleCsvMessage(
          { type: 'csvIngest', requestId, file: new Blob([big]), fileName: 'd.csv', maxBytes: 1e9 },
          (m) => {
            if (m.type === 'csvProgress') return;
            outcomes.set(requestId, m.type);
            resolve();
          },
        );
      });
    const first = parse(11);
    const second = parse(12);
    handleCsvMessage({ type: 'csvCancel', requestId: 11 }, () => {});
    // A cancel of a request that is not parsing (finished, or never sent) does nothing.
    handleCsvMessage({ type: 'csvCancel', requestId: 13 }, () => {});
    await Promise.all([first, second]);
    expect(outcomes.get(11)).toBe('csvError');
    expect(outcomes.get(12)).toBe('csvParsed');
  });

  it('loads a confirmed pipeline and re-fits it on each run split', async () => {
    const out = await ingest(csv(40));
    const parsed = out.find((m) => m.type === 'csvParsed');
    if (parsed?.type !== 'csvParsed') throw new Error('not parsed');
    const spec: PipelineSpec = {
      version: 1,
      target: 'label',
      task: 'binary',
      standardizeTarget: false,
      columns: parsed.profiles.map((p) => ({
        name: p.name,
        type: p.inferredType,
        include: p.excludeReason === null,
        missing: 'mean',
        constant: '0',
        scaling: 'standardize',
        highCardinality: 'top20',
      })),
    };
    const choice: DatasetChoice = {
      kind: 'upload',
      format: 'csv',
      uploadId: parsed.uploadId,
      name: 'd.csv',
      size: 1,
      hasHeader: true,
      spec,
    };
    const { dataset, summary } = await loadCsvDataset(choice, split);
    expect(summary.featureShape).toEqual([5]);
    expect(summary.classNames).toEqual(['a', 'b']);
    expect(summary.csv?.featureLine).toBe('one-hot of 1 categorical: 2 → 5 features');
    expect(summary.csv?.previewRows).toHaveLength(5);
    const run = csvDatasetForRun(dataset, { split: split.ratios, seed: 9 });
    expect(run?.ok && run.fitted.featureNames).toEqual([
      'x',
      'colour=blue',
      'colour=green',
      'colour=red',
      'colour=Other',
    ]);
    expect(run?.ok && run.dataset.preprocessed).toBe(true);
    // A fold's refit fits the pipeline on the rows it is given only.
    const foldRows = Int32Array.from([0, 1, 2]);
    expect(run?.ok && run.refit(foldRows).fitted.trainRows).toBe(3);
    expect(csvDatasetForRun({ ...dataset }, { split: split.ratios, seed: 9 })).toBeNull();
  });

  it('asks for a file again when it is not stored in this browser', async () => {
    await expect(
      loadCsvDataset(
        {
          kind: 'upload',
          format: 'csv',
          uploadId: 'nope',
          name: 'gone.csv',
          size: 1,
          hasHeader: true,
          spec: { version: 1, target: 'y', task: 'binary', standardizeTarget: false, columns: [] },
        },
        split,
      ),
    ).rejects.toThrow(/gone\.csv is not stored in this browser.*upload it again/);
  });
});
