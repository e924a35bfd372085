/**
 * The generated PyTorch script trains end to end: it reads an image folder with PIL, uses
 * the exported split and starts from the app's weights, with or without the remedies
 * (penalties, clipping, schedules, early stopping). Needs python3-torch (fails without).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildModel } from '../../graph/build';
import { chainOf } from '../../graph/testGraphs';
import { DEFAULT_TRAINING_CONFIG, type TrainingConfig } from '../../train/types';
import { saveModelFiles, splitFile, type PreprocessingInfo } from '../modelFiles';
import { pytorchScript } from './pytorchScript';

let dir = '';
beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = mkdtempSync(join(tmpdir(), 'torch-train-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(writeFixture);

/** A small 24-bit BMP (PIL reads it without any encoder on our side). */
function bmp(size: number, value: number): Buffer {
  const row = Math.ceil((size * 3) / 4) * 4;
  const buf = Buffer.alloc(54 + row * size);
  buf.write('BM', 0);
  buf.writeUInt32LE(buf.length, 2);
  buf.writeUInt32LE(54, 10);
  buf.writeUInt32LE(40, 14);
  buf.writeInt32LE(size, 18);
  buf.writeInt32LE(size, 22);
  buf.writeUInt16LE(1, 26);
  buf.writeUInt16LE(24, 28);
  buf.writeUInt32LE(row * size, 34);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++)
      buf.fill((value + x * 7 + y * 3) % 256, 54 + y * row + x * 3, 54 + y * row + x * 3 + 3);
  }
  return buf;
}

const graph = (l2 = 0) =>
  chainOf([
    ['input_1', 'Input', { shape: [6, 6, 1] }],
    ['conv_1', 'Conv2D', { filters: 2, strides: [2, 2], padding: 'same' }],
    ['flatten_1', 'Flatten'],
    ['dense_1', 'Dense', { units: 2, activation: 'softmax', l2 }],
  ]);
const names = ['dark', 'light'];

/** Twelve images in two class folders, the app's weights and a split, written once. */
async function writeFixture(): Promise<void> {
  names.forEach((name, label) => {
    mkdirSync(join(dir, 'images', name), { recursive: true });
    for (let i = 0; i < 6; i++)
      writeFileSync(join(dir, 'images', name, `${i}.bmp`), bmp(6, label * 150 + i * 10));
  });
  const model = buildModel(tf, graph(), 1);
  for (const f of [
    ...(await saveModelFiles(tf, model)),
    splitFile({ train: [0, 1, 2, 6, 7, 8], validation: [3, 9], test: [4, 5, 10, 11] }),
  ]) {
    writeFileSync(join(dir, f.name), new Uint8Array(f.data));
  }
  model.dispose();
}

/** Writes the script for the config and trains it on the fixture; returns its output. */
function train(config: TrainingConfig, l2 = 0, epochs = 2): string {
  const preprocessing: PreprocessingInfo = {
    format: 'train-smarter-preprocessing',
    version: 1,
    datasetName: 'tiny images',
    kind: 'image',
    task: 'multiclass',
    featureShape: [6, 6, 1],
    featureNames: [],
    classNames: names,
    inputScale: 1 / 255,
    standardization: null,
  };
  const script = pytorchScript({ graph: graph(l2), config, preprocessing });
  if (!script.ok) throw new Error(script.message);
  writeFileSync(join(dir, 'model_pytorch.py'), script.code);
  return execFileSync(
    '/usr/bin/python3',
    [
      'model_pytorch.py',
      '--images',
      'images',
      '--split',
      'split.json',
      '--weights',
      'model.json',
      '--epochs',
      String(epochs),
    ],
    { cwd: dir, encoding: 'utf8' },
  );
}

it('trains on an image folder with the exported split and weights', () => {
  const out = train({ ...DEFAULT_TRAINING_CONFIG, batchSize: 4 });
  expect(out).toMatch(/^epoch 1\/2 loss [\d.]+ val_loss [\d.]+ val_accuracy [\d.]+$/m);
  expect(out).toMatch(/^epoch 2\/2 /m);
  expect(out).toMatch(/^test loss [\d.]+ accuracy (0|0\.25|0\.5|0\.75|1)\.?\d*$/m);
}, 60_000);

it('trains with L2, clipping and a warm-up cosine schedule, and stops early keeping the best epoch', () => {
  const config: TrainingConfig = {
    ...DEFAULT_TRAINING_CONFIG,
    batchSize: 4,
    clipNorm: 0.5,
    lrSchedule: 'cosine',
    lrWarmupEpochs: 1,
    lrDecayEpochs: 2,
    earlyStopping: true,
    // Nothing improves by a million: epoch 1 is the best, epoch 2 ends the patience of 1.
    earlyStoppingMinDelta: 1e6,
    earlyStoppingPatience: 1,
  };
  const out = train(config, 0.01, 5);
  expect(out).toMatch(/^epoch 1\/5 loss [\d.]+ val_loss [\d.]+ val_accuracy [\d.]+ lr [\d.e-]+$/m);
  expect(out).toMatch(/^stopped early at epoch 2\/5, kept epoch 1$/m);
  expect(out).not.toMatch(/^epoch 3\/5/m);
}, 60_000);
