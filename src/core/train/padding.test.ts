import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../data/types';
import { makeSynthetic } from '../data/synthetic';
import { gatherBatch } from './batches';
import { padsBatches, PADDING_BACKENDS } from './dataPath/deviceBatch';
import { cpuSource, type DataSource } from './dataPath/source';
import { predictRows, type EvalSpec } from './evaluate';
import { makeOptimizer } from './optimizers';
import { testMlp } from './testModels';
import { disposeOptimizer } from './tfjsWorkarounds';
import { trainStep, type StepContext } from './trainStep';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Three classes over two float features, 11 rows. */
function threeClasses(): Dataset {
  const base = makeSynthetic('spiral', 11, 0.1, 5);
  return {
    ...base,
    task: 'multiclass',
    y: Float32Array.from(base.y, (_, i) => i % 3),
    classNames: ['a', 'b', 'c'],
  };
}

/** A regression set over two float features, 11 rows. */
function regressionSet(): Dataset {
  const base = makeSynthetic('circles', 11, 0.1, 6);
  const y = Float32Array.from(
    { length: base.n },
    (_, i) => base.x[2 * i]! * 2 - base.x[2 * i + 1]!,
  );
  return { ...base, task: 'regression', y, classNames: [] };
}

const cases: {
  name: string;
  ds: () => Dataset;
  spec: EvalSpec;
  units: number;
  weights: boolean;
}[] = [
  {
    name: 'multiclass with class weights',
    ds: threeClasses,
    spec: { task: 'multiclass', loss: 'categoricalCrossentropy', numClasses: 3, batchSize: 16 },
    units: 3,
    weights: true,
  },
  {
    name: 'regression',
    ds: regressionSet,
    spec: { task: 'regression', loss: 'meanSquaredError', numClasses: 0, batchSize: 16 },
    units: 1,
    weights: false,
  },
];

describe('padded batches', () => {
  const rows = Int32Array.from([7, 2, 9, 0, 4, 10, 1]);

  it('pad with zero rows and keep the real rows first', () => {
    const ds = threeClasses();
    const batch = gatherBatch(ds, rows, undefined, 16);
    expect(batch.size).toBe(7);
    expect(batch.padded).toBe(16);
    expect(batch.x).toHaveLength(32);
    expect(Array.from(batch.x.subarray(0, 14))).toEqual(Array.from(gatherBatch(ds, rows).x));
    expect(batch.x.subarray(14).every((v) => v === 0)).toBe(true);
    expect(Array.from(batch.rows)).toEqual(Array.from(rows));
  });

  for (const c of cases) {
    it(`give the same step loss, metric and update as unpadded ones (${c.name})`, async () => {
      const ds = c.ds();
      const start = tf.memory().numTensors;
      const classWeights = c.weights ? tf.tensor1d([0.5, 2, 1]) : null;
      const ctx: StepContext = { ds, spec: c.spec, units: c.units, classWeights, clipNorm: 0 };
      const stepWith = async (padTo: number) => {
        const model = testMlp(tf, 2, [6], c.units, 8);
        const optimizer = makeOptimizer(tf, 'sgd', 0.1);
        const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
        const result = await trainStep(
          tf,
          model,
          optimizer,
          vars,
          gatherBatch(ds, rows, undefined, padTo),
          ctx,
        );
        const weights = vars.map((v) => Array.from(v.dataSync()));
        disposeOptimizer(optimizer);
        model.dispose();
        return { result, weights };
      };
      const plain = await stepWith(rows.length);
      const padded = await stepWith(16);
      expect(padded.result[0]).toBeCloseTo(plain.result[0], 6);
      expect(padded.result[1]).toBeCloseTo(plain.result[1], 5);
      padded.weights.flat().forEach((w, i) => expect(w).toBeCloseTo(plain.weights.flat()[i]!, 6));
      classWeights?.dispose();
      expect(tf.memory().numTensors).toBe(start);
    });

    it(`give the same evaluation loss and outputs as unpadded ones (${c.name})`, async () => {
      const ds = c.ds();
      const model = testMlp(tf, 2, [6], c.units, 9);
      const start = tf.memory().numTensors;
      // 7 rows: one batch of 7 against batches of 3, 3 and 1, the last padded to 3 or not.
      const whole = await predictRows(tf, model, ds, rows, { ...c.spec, batchSize: 7 });
      for (const pad of [true, false]) {
        const split = await predictRows(tf, model, ds, rows, { ...c.spec, batchSize: 3 }, { pad });
        expect(split.loss).toBeCloseTo(whole.loss, 6);
        expect(split.outputs).toHaveLength(7 * c.units);
        split.outputs.forEach((v, i) => expect(v).toBeCloseTo(whole.outputs[i]!, 6));
        expect(Array.from(split.labels)).toEqual(Array.from(whole.labels));
      }
      expect(tf.memory().numTensors).toBe(start);
      model.dispose();
    });
  }

  it('are made only on backends that compile per shape (none on the CPU backend)', async () => {
    const ds = threeClasses();
    const model = testMlp(tf, 2, [6], 3, 9);
    const spec: EvalSpec = { ...cases[0]!.spec, batchSize: 3 };
    const cpu = cpuSource(tf, ds, spec);
    const asked: boolean[] = [];
    const shapes: number[] = [];
    const source: DataSource = {
      ...cpu,
      *batches(order, opts) {
        asked.push(opts.pad);
        for (const b of cpu.batches(order, opts)) {
          shapes.push(b.x.shape[0]);
          yield b;
        }
      },
    };
    expect(tf.getBackend()).toBe('cpu');
    expect(padsBatches(tf)).toBe(false);
    await predictRows(tf, model, ds, rows, spec, { source });
    expect(asked).toEqual([false]);
    expect(shapes).toEqual([3, 3, 1]);
    expect(PADDING_BACKENDS).toEqual(['webgl', 'webgpu']);
    model.dispose();
  });
});
