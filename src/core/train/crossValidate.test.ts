import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chainOf } from '../graph/testGraphs';
import { tableOf } from '../data/pipeline/testing';
import { csvDatasetFittedOn, csvDatasetForSplit, prepareCsvSource } from '../data/pipeline/source';
import type { ColumnSpec, PipelineSpec } from '../data/pipeline/spec';
import { fitStandardization } from '../data/standardize';
import type { Dataset } from '../data/types';
import type { KFold } from '../data/kfold';
import type { FoldEvaluation } from '../runs/record';
import type { FoldFeatures } from './crossValidate';
import { makeRng } from './random';
import { executeRun, prepareRun, type RunOutcome } from './run';
import {
  DEFAULT_TRAINING_CONFIG,
  type EpochMetrics,
  type Progress,
  type TrainingConfig,
} from './types';
import type { TrainHooks } from './loop';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config: TrainingConfig = {
  ...DEFAULT_TRAINING_CONFIG,
  epochs: 2,
  batchSize: 16,
  learningRate: 0.05,
  crossValidate: true,
};

/** 3 classes, 4 features on very different scales (so each fold's statistics differ). */
function tabular(n: number): Dataset {
  const rng = makeRng(3);
  const x = new Float32Array(n * 4);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const cls = i % 3;
    y[i] = cls;
    x.set([cls * 2 + rng(), 100 + 50 * rng(), 1000 * rng(), cls - rng()], i * 4);
  }
  return {
    name: 'Scaled',
    kind: 'tabular',
    task: 'multiclass',
    featureShape: [4],
    x,
    xScale: 1,
    y,
    n,
    classNames: ['a', 'b', 'c'],
    featureNames: ['f0', 'f1', 'f2', 'f3'],
  };
}

const mlp = (inputs: number, classes: number) =>
  chainOf([
    ['input_1', 'Input', { shape: [inputs] }],
    ['dense_1', 'Dense', { units: 8, activation: 'relu' }],
    ['dense_2', 'Dense', { units: classes, activation: 'softmax' }],
  ]);

interface Recorded {
  outcome: RunOutcome;
  starts: { fold: number; of: number; rows: KFold; features: FoldFeatures }[];
  foldEpochs: Map<number, EpochMetrics[]>;
  results: [number, FoldEvaluation][];
  finalEpochs: EpochMetrics[];
  recoveries: [string, number, number | undefined][];
  selected: string[][];
}

async function crossValidate(
  ds: Dataset,
  graph = mlp(4, 3),
  opts: {
    hooks?: TrainHooks;
    refitCsv?: Parameters<typeof prepareRun>[4];
    cfg?: TrainingConfig;
  } = {},
): Promise<Recorded & { prepared: Extract<ReturnType<typeof prepareRun>, { ok: true }> }> {
  const cfg = opts.cfg ?? config;
  const prepared = prepareRun(ds, graph, cfg, null, opts.refitCsv ?? null);
  if (!prepared.ok) throw new Error(prepared.message);
  const rec: Recorded = {
    outcome: { status: 'failed', message: 'not run', epochsDone: 0 },
    starts: [],
    foldEpochs: new Map(),
    results: [],
    finalEpochs: [],
    recoveries: [],
    selected: [],
  };
  rec.outcome = await executeRun({
    tf,
    graph,
    dataset: prepared.dataset,
    split: prepared.split,
    config: cfg,
    crossValidation: prepared.crossValidation,
    hooks: {
      ...opts.hooks,
      onFoldStart: (f) => rec.starts.push(f),
      onFoldEpoch: (fold, m) => rec.foldEpochs.set(fold, [...(rec.foldEpochs.get(fold) ?? []), m]),
      onFoldEnd: (fold, e) => rec.results.push([fold, e]),
      onEpoch: (m) => rec.finalEpochs.push(m),
    },
    env: {
      selectBackend: async (exclude) => {
        rec.selected.push([...exclude]);
        return exclude.includes('webgl') ? 'cpu' : 'webgl';
      },
      onRecover: (backend, _message, fromEpoch, fold) =>
        rec.recoveries.push([backend, fromEpoch, fold]),
    },
  });
  return { ...rec, prepared };
}

describe('executeRun with cross-validation', () => {
  it('trains five folds on the non-test rows, refitting the standardisation on each, then the final model', async () => {
    const ds = tabular(150);
    const startTensors = tf.memory().numTensors;
    const run = await crossValidate(ds);
    const { split } = run.prepared;
    expect(run.outcome.status).toBe('completed');
    expect(run.starts.map((s) => [s.fold, s.of])).toEqual([1, 2, 3, 4, 5].map((f) => [f, 5]));
    expect([...run.foldEpochs.values()].map((es) => es.map((e) => e.epoch))).toEqual(
      Array(5).fill([1, 2]),
    );

    // The test split is no fold's: the folds' rows are exactly training + validation.
    const test = new Set(split.test);
    const nonTest = [...split.train, ...split.validation].sort((a, b) => a - b);
    const heldOut = run.starts.flatMap((s) => [...s.rows.heldOut]).sort((a, b) => a - b);
    expect(heldOut).toEqual(nonTest);
    for (const { rows } of run.starts) {
      expect([...rows.train, ...rows.heldOut].filter((r) => test.has(r))).toEqual([]);
    }

    // Each fold's statistics are those of its own training rows, and differ between folds.
    const means = run.starts.map(({ rows, features }) => {
      const own = fitStandardization(ds, rows.train);
      const fitted = features.preprocessing.standardization!;
      fitted.mean.forEach((m, j) => expect(m).toBeCloseTo(own.mean[j]!, 3));
      fitted.std.forEach((s, j) => expect(s).toBeCloseTo(own.std[j]!, 3));
      return fitted.mean[2]!;
    });
    expect(new Set(means).size).toBe(5);
    expect(means).not.toContain(run.prepared.preprocessing.standardization!.mean[2]);

    // A fold's result is its last epoch's held-out metrics.
    expect(run.results.map(([fold]) => fold)).toEqual([1, 2, 3, 4, 5]);
    for (const [fold, evaluation] of run.results) {
      const last = run.foldEpochs.get(fold)!.at(-1)!;
      expect(evaluation).toEqual({ valLoss: last.valLoss, valAccuracy: last.valAccuracy });
      expect(evaluation.valAccuracy).toBeGreaterThanOrEqual(0);
      expect(evaluation.valAccuracy).toBeLessThanOrEqual(1);
    }

    // The final model is the single-split run's: its epochs, its test evaluation.
    expect(run.finalEpochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(run.outcome.status === 'completed' && run.outcome.evaluation?.confusion).toHaveLength(3);
    expect(run.selected).toEqual([[]]);
    expect(tf.memory().numTensors).toBe(startTensors);
  });

  it('gives the same folds and fold results for the same seed', async () => {
    const a = await crossValidate(tabular(90));
    const b = await crossValidate(tabular(90));
    expect(b.starts.map((s) => s.rows)).toEqual(a.starts.map((s) => s.rows));
    expect(b.results).toEqual(a.results);
  });

  it('stops during a fold without training the final model', async () => {
    let batches = 0;
    const run = await crossValidate(tabular(150), undefined, {
      hooks: { onProgress: () => (batches += 1), shouldStop: () => batches >= 14 },
    });
    expect(run.outcome).toEqual({
      status: 'stopped',
      evaluation: null,
      outputs: null,
      epochsDone: 0,
      kept: null,
    });
    expect(run.results.length).toBeLessThan(5);
    expect(run.finalEpochs).toEqual([]);
  });

  it('continues a fold from its checkpoint on another backend when one is lost', async () => {
    let at: Progress | null = null;
    let lost = false;
    const run = await crossValidate(tabular(150), undefined, {
      hooks: {
        onProgress: (p) => (at = p),
        // Lost in fold 3's second epoch, after its first batch.
        interruption: () => {
          if (lost || at?.fold?.fold !== 3 || at.epoch !== 2) return null;
          lost = true;
          return 'Lost.';
        },
      },
    });
    expect(run.outcome.status).toBe('completed');
    expect(run.selected).toEqual([[], ['webgl']]);
    expect(run.recoveries).toEqual([['webgl', 1, 3]]);
    expect(run.foldEpochs.get(3)!.map((e) => e.epoch)).toEqual([1, 2]);
    expect(run.results).toHaveLength(5);
  });

  it('is refused with the reason above the row limit or without enough rows', () => {
    const graph = mlp(4, 3);
    expect(prepareRun(tabular(5001), graph, config)).toEqual({
      ok: false,
      message:
        'Cross-validation is for datasets of at most 5,000 rows; this one has 5,001. Turn off "Cross-validate (5 folds)".',
    });
    const fewRows = { ...config, split: { train: 0.5, validation: 0, test: 0.5 } };
    expect(prepareRun(tabular(6), graph, fewRows)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/at least 5 training and validation rows/),
    });
    // A CSV's features without the means to refit its pipeline would leak: a bug, not a run.
    expect(() => prepareRun({ ...tabular(30), preprocessed: true }, graph, config)).toThrow(
      /needs its refit/,
    );
    const off = prepareRun(tabular(5001), graph, { ...config, crossValidate: false });
    expect(off.ok && off.crossValidation).toBeNull();
  });
});

const column = (name: string, type: ColumnSpec['type']): ColumnSpec => ({
  name,
  type,
  include: true,
  missing: type === 'numeric' ? 'mean' : 'mostFrequent',
  constant: '0',
  scaling: type === 'numeric' ? 'standardize' : 'none',
  highCardinality: 'top20',
});

describe('executeRun with cross-validation of a CSV', () => {
  it('refits the whole pipeline on each fold; a fold without a rare category has its own input width', async () => {
    // x numeric, region categorical with one row of "rare" (in the run's training split,
    // which depends on the labels only), label in 3 classes.
    const spec: PipelineSpec = {
      version: 1,
      target: 'label',
      task: 'multiclass',
      standardizeTarget: false,
      columns: [
        column('x', 'numeric'),
        column('region', 'categorical'),
        column('label', 'categorical'),
      ],
    };
    const sourceWithRare = (rare: number) => {
      const rows = Array.from({ length: 90 }, (_, i) => [
        String((i * 37) % 101),
        i === rare ? 'rare' : i % 2 ? 'north' : 'south',
        `c${i % 3}`,
      ]);
      const out = prepareCsvSource(tableOf(['x', 'region', 'label'], rows, 'mixed.csv'), spec);
      if (!out.ok) throw new Error(out.message);
      return { rows, source: out.source };
    };
    const trainRows = prepareRun(
      csvDatasetForSplit(sourceWithRare(-1).source, config.split, config.seed).dataset,
      mlp(3, 3),
      { ...config, crossValidate: false },
    );
    if (!trainRows.ok) throw new Error(trainRows.message);
    const rare = trainRows.split.train[0]!;
    const { rows, source } = sourceWithRare(rare);
    const { dataset } = csvDatasetForSplit(source, config.split, config.seed);
    const width = dataset.featureShape[0]!;
    const run = await crossValidate(dataset, mlp(width, 3), {
      refitCsv: (trainRows) => csvDatasetFittedOn(source, trainRows),
    });
    expect(run.outcome.status).toBe('completed');
    expect(run.results).toHaveLength(5);
    for (const { rows: fold, features } of run.starts) {
      const fitted = features.preprocessing.fittedPipeline!;
      expect(fitted.trainRows).toBe(fold.train.length);
      const x = fitted.columns.find((c) => c.name === 'x');
      const values = [...fold.train].map((r) => Number(rows[source.rows[r]!]![0]));
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      expect(x?.kind === 'numeric' && x.center).toBeCloseTo(mean, 4);
      const hasRare = [...fold.train].some((r) => source.rows[r] === rare);
      expect(features.dataset.featureShape).toEqual([hasRare ? width : width - 1]);
    }
    expect(run.starts.filter((s) => s.features.dataset.featureShape[0] === width - 1)).toHaveLength(
      1,
    );
  });
});
