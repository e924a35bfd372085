/**
 * Differential test of the L1/L2 kernel penalties: one training step of the app
 * (trainStep on the TF.js CPU backend, SGD with rate 1, so the weight change is the
 * gradient) against the exported PyTorch script's training_loss and its backward pass on
 * the same weights and batch. Loss and gradients agree within 1e-5 relative.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../data/types';
import { buildModel } from '../../graph/build';
import { chainOf } from '../../graph/testGraphs';
import type { ModelGraph } from '../../graph/types';
import { trainStep } from '../../train/trainStep';
import { DEFAULT_TRAINING_CONFIG } from '../../train/types';
import { saveModelFiles, type PreprocessingInfo } from '../modelFiles';
import { pytorchScript } from './pytorchScript';

const HELPER = resolve(__dirname, '../../../../tests/python/torch_step.py');
const ROWS = 5;
const CLASSES = 3;

interface TorchStep {
  loss: number;
  grads: Record<string, { kernel: number[]; bias?: number[] }>;
}

let dir = '';
beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = mkdtempSync(join(tmpdir(), 'torch-penalty-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const dense = (l1: number, l2: number): ModelGraph =>
  chainOf([
    ['in', 'Input', { shape: [4] }],
    ['d1', 'Dense', { units: 3, activation: 'tanh', l1, l2 }],
    ['d2', 'Dense', { units: CLASSES, activation: 'softmax', l1, l2 }],
  ]);

/** Max |a − b| over max |b|: the error relative to the gradient's scale. */
function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let err = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    err = Math.max(err, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return err / scale;
}

let caseNo = 0;
async function compareStep(graph: ModelGraph, featureShape: number[]): Promise<void> {
  const caseDir = join(dir, `case${caseNo++}`);
  mkdirSync(caseDir);
  const model = buildModel(tf, graph, 5);
  // Random weights everywhere (biases too), so no term vanishes by luck.
  const values = model.weights.map((w, i) =>
    tf.randomUniform(w.shape as number[], -1, 1, 'float32', 11 + i),
  );
  model.setWeights(values);
  tf.dispose(values);
  for (const f of await saveModelFiles(tf, model))
    writeFileSync(join(caseDir, f.name), new Uint8Array(f.data));
  const size = featureShape.reduce((a, b) => a * b, 1);
  const x = Float32Array.from({ length: ROWS * size }, (_, i) => Math.sin(i * 1.7) * 2);
  const y = Float32Array.from({ length: ROWS }, (_, i) => i % CLASSES);

  const preprocessing: PreprocessingInfo = {
    format: 'train-smarter-preprocessing',
    version: 1,
    datasetName: 'penalty',
    kind: 'tabular',
    task: 'multiclass',
    featureShape,
    featureNames: [],
    classNames: [],
    inputScale: 1,
    standardization: null,
  };
  const script = pytorchScript({ graph, config: DEFAULT_TRAINING_CONFIG, preprocessing });
  if (!script.ok) throw new Error(script.message);
  writeFileSync(join(caseDir, 'model_pytorch.py'), script.code);
  const job = {
    script: join(caseDir, 'model_pytorch.py'),
    modelJson: join(caseDir, 'model.json'),
    x: Array.from(x),
    shape: [ROWS, ...featureShape],
    y: Array.from(y),
  };
  writeFileSync(join(caseDir, 'job.json'), JSON.stringify(job));
  const torchOut = execFileSync('/usr/bin/python3', [HELPER, join(caseDir, 'job.json')], {
    encoding: 'utf8',
  });
  const torchStep = JSON.parse(torchOut) as TorchStep;

  const ds: Dataset = {
    name: 'penalty',
    kind: 'tabular',
    task: 'multiclass',
    featureShape,
    x,
    xScale: 1,
    y,
    n: ROWS,
    classNames: ['a', 'b', 'c'],
    featureNames: [],
  };
  const spec = {
    task: 'multiclass' as const,
    loss: 'categoricalCrossentropy' as const,
    numClasses: CLASSES,
    batchSize: ROWS,
  };
  const before = model.trainableWeights.map((w) => w.read().dataSync().slice());
  const optimizer = tf.train.sgd(1);
  const varList = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const [loss] = await trainStep(
    tf,
    model,
    optimizer,
    varList,
    { x, y, size: ROWS },
    {
      ds,
      spec,
      units: CLASSES,
      classWeights: null,
      clipNorm: 0,
    },
  );
  optimizer.dispose();

  expect(Math.abs(loss - torchStep.loss) / Math.abs(torchStep.loss)).toBeLessThan(1e-5);
  const layers = graph.nodes.filter((n) => n.type !== 'Input' && n.type !== 'Flatten');
  expect(Object.keys(torchStep.grads).sort()).toEqual(layers.map((n) => n.id).sort());
  model.trainableWeights.forEach((w, i) => {
    const after = w.read().dataSync();
    const grad = before[i]!.map((v, j) => v - after[j]!);
    const [layer, kind] = w.originalName.split('/') as [string, 'kernel' | 'bias'];
    const want = torchStep.grads[layer]![kind]!;
    expect(grad.length, w.originalName).toBe(want.length);
    expect(relativeError(grad, want), w.originalName).toBeLessThan(1e-5);
  });
  model.dispose();
}

describe('PyTorch export: kernel penalties match TF.js over one step', () => {
  it('L2 on two Dense layers', async () => {
    await compareStep(dense(0, 0.05), [4]);
  }, 60_000);

  it('L1 on two Dense layers', async () => {
    await compareStep(dense(0.02, 0), [4]);
  }, 60_000);

  it('L1 + L2 on a Conv2D, L2 on the Dense after it', async () => {
    const graph = chainOf([
      ['in', 'Input', { shape: [4, 4, 2] }],
      ['c', 'Conv2D', { filters: 2, kernelSize: [3, 3], padding: 'same', l1: 0.01, l2: 0.03 }],
      ['f', 'Flatten'],
      ['d', 'Dense', { units: CLASSES, activation: 'softmax', l2: 0.02 }],
    ]);
    await compareStep(graph, [4, 4, 2]);
  }, 60_000);
});
