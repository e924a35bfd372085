import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../data/csv/parse';
import { csvDatasetForSplit, prepareCsvSource } from '../data/pipeline/source';
import type { ColumnSpec, FittedPipeline, PipelineSpec } from '../data/pipeline/spec';
import { summarizeDataset } from '../data/summary';
import type { Dataset } from '../data/types';
import { defaultGraph, presetGraph } from '../graph/presets';
import type { ModelGraph } from '../graph/types';
import { prepareRun } from '../train/run';
import { DEFAULT_TRAINING_CONFIG } from '../train/types';
import { preprocessingFile, type PreprocessingInfo } from './modelFiles';
import { filesWithDecision, preprocessingFromSummary } from './preprocessing';

const config = { ...DEFAULT_TRAINING_CONFIG, seed: 7 };

/** Two features of very different magnitude (wine-like), a binary label. */
function tabular(n: number): Dataset {
  const x = new Float32Array(n * 2);
  for (let i = 0; i < n; i++) {
    x[2 * i] = (i * 37) % 11;
    x[2 * i + 1] = 1000 + ((i * 53) % 17) * 40;
  }
  return {
    name: 'tab',
    kind: 'tabular',
    task: 'binary',
    featureShape: [2],
    x,
    xScale: 1,
    y: Float32Array.from({ length: n }, (_, i) => i % 2),
    n,
    classNames: ['a', 'b'],
    featureNames: ['small', 'large'],
  };
}

function prepared(ds: Dataset, graph: ModelGraph, fitted: FittedPipeline | null = null) {
  const run = prepareRun(ds, graph, config, fitted);
  if (!run.ok) throw new Error(run.message);
  return run;
}

describe('the preprocessing of a prepared run', () => {
  it('holds the statistics the prepared features were standardised with', () => {
    const raw = tabular(80);
    const run = prepared(raw, defaultGraph());
    const s = run.preprocessing.standardization;
    if (!s) throw new Error('no standardisation');
    // Independent reference: the population mean and std of the training rows.
    for (let j = 0; j < 2; j++) {
      const values = Array.from(run.split.train, (r) => raw.x[r * 2 + j]!);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const std = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
      expect(s.mean[j]).toBeCloseTo(mean, 3);
      expect(s.std[j]).toBeCloseTo(std, 3);
    }
    // A training row and a held-out row are (raw − mean) / std with those statistics.
    for (const r of [run.split.train[0]!, run.split.test[0]!]) {
      for (let j = 0; j < 2; j++) {
        const expected = (raw.x[r * 2 + j]! - s.mean[j]!) / s.std[j]!;
        expect(run.dataset.x[r * 2 + j]).toBeCloseTo(expected, 5);
      }
    }
    expect(run.preprocessing).toMatchObject({
      datasetName: 'tab',
      kind: 'tabular',
      featureNames: ['small', 'large'],
      inputScale: 1,
      fittedPipeline: null,
    });
  });

  it('gives a CSV-pipeline dataset its fitted pipeline and no second standardisation', async () => {
    const lines = [
      'a,b,label',
      ...Array.from({ length: 60 }, (_, i) => `${i},${(i * 3) % 7},${i % 2 ? 'y' : 'n'}`),
    ];
    const parsed = await parseCsvText(lines.join('\n'), 'up.csv', 'utf-8');
    if (!parsed.ok) throw new Error(parsed.message);
    const column = (name: string, type: ColumnSpec['type']): ColumnSpec => ({
      name,
      type,
      include: true,
      missing: 'mean',
      constant: '0',
      scaling: type === 'numeric' ? 'standardize' : 'none',
      highCardinality: 'top20',
    });
    const spec: PipelineSpec = {
      version: 1,
      target: 'label',
      task: 'binary',
      standardizeTarget: false,
      columns: [column('a', 'numeric'), column('b', 'numeric'), column('label', 'categorical')],
    };
    const source = prepareCsvSource(parsed.table, spec);
    if (!source.ok) throw new Error(source.message);
    const { dataset, fitted } = csvDatasetForSplit(source.source, config.split, config.seed);
    const run = prepared(dataset, defaultGraph(), fitted);
    expect(run.preprocessing.standardization).toBeNull();
    expect(run.preprocessing.fittedPipeline).toBe(fitted);
    // The features the model sees are the pipeline's, untouched.
    expect(run.dataset.x).toBe(dataset.x);
  });

  it("uses an image dataset's own xScale", () => {
    const n = 20;
    const image: Dataset = {
      name: 'img',
      kind: 'image',
      task: 'multiclass',
      featureShape: [28, 28, 1],
      x: new Uint8Array(n * 28 * 28).fill(200),
      // Not 1/255: the export must report the loader's scale, not a guess from the kind.
      xScale: 1 / 127.5,
      y: Float32Array.from({ length: n }, (_, i) => i % 10),
      n,
      classNames: Array.from({ length: 10 }, (_, k) => `c${k}`),
      featureNames: [],
    };
    const run = prepared(image, presetGraph('mlp'));
    expect(run.preprocessing.inputScale).toBe(1 / 127.5);
    expect(run.preprocessing.standardization).toBeNull();
    expect(preprocessingFromSummary(summarizeDataset(image)).inputScale).toBe(1 / 127.5);
  });
});

describe('the preprocessing of a loaded, untrained dataset', () => {
  it('is the run preprocessing without fitted statistics', () => {
    const raw = tabular(40);
    const run = prepared(raw, defaultGraph());
    const fromSummary = preprocessingFromSummary(summarizeDataset(raw));
    expect(fromSummary.standardization).toBeNull();
    expect(fromSummary).toEqual({
      ...run.preprocessing,
      standardization: null,
      fittedPipeline: undefined,
    });
  });
});

describe('the decision in preprocessing.json', () => {
  it('is written into the model files, the other files untouched', () => {
    const run = prepared(tabular(40), defaultGraph());
    const weights = { name: 'weights.bin', data: new Uint8Array([1, 2, 3]).buffer };
    const files = filesWithDecision([preprocessingFile(run.preprocessing), weights], {
      positive: 0,
      threshold: 0.25,
    });
    expect(files[1]).toBe(weights);
    const written = JSON.parse(new TextDecoder().decode(files[0]!.data)) as PreprocessingInfo;
    expect(written.decision).toEqual({ positive: 0, positiveClass: 'a', threshold: 0.25 });
    expect({ ...written, decision: undefined }).toEqual(
      JSON.parse(JSON.stringify({ ...run.preprocessing, decision: undefined })),
    );
    // No decision chosen: the files as they were.
    expect(filesWithDecision(files, undefined)).toEqual(files);
  });
});
