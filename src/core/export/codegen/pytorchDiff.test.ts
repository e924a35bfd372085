/**
 * Differential test: for every layer type, the generated PyTorch module loaded with the
 * app's exported TF.js weights reproduces the TF.js outputs (CPU backend) within 1e-4.
 * Runs Debian's /usr/bin/python3 with python3-torch; fails (never skips) without it.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../graph/build';
import type { ModelGraph } from '../../graph/types';
import { LAYERS } from '../../layers/registry';
import { DEFAULT_TRAINING_CONFIG } from '../../train/types';
import { saveModelFiles } from '../modelFiles';
import { pytorchScript } from './pytorchScript';
import { CASES } from './testCases';
import { PYTHON, bareTabularPreprocessing, runTorchHelper, useTorchScratchDir } from './testTorch';

const pre = bareTabularPreprocessing('test');
const dir = useTorchScratchDir('torch-diff-');

/** Random weights everywhere (BatchNorm variance kept positive), so nothing passes by luck. */
function randomizeWeights(model: tf.LayersModel, seed: number): void {
  const values = model.weights.map((w, i) =>
    w.name.includes('moving_variance')
      ? tf.randomUniform(w.shape as number[], 0.5, 2, 'float32', seed + i)
      : tf.randomUniform(w.shape as number[], -1, 1, 'float32', seed + i),
  );
  model.setWeights(values);
  tf.dispose(values);
}

let caseNo = 0;
async function compare(graph: ModelGraph): Promise<number> {
  const n = caseNo++;
  const model = buildModel(tf, graph, 3);
  randomizeWeights(model, 100 * n);
  const inShape = [2, ...(model.inputs[0]!.shape.slice(1) as number[])];
  const x = tf.randomUniform(inShape, -2, 2, 'float32', 7 + n);
  const expected = model.predict(x) as tf.Tensor;
  const files = await saveModelFiles(tf, model);
  const caseDir = join(dir(), `case${n}`);
  execFileSync('mkdir', ['-p', caseDir]);
  for (const f of files) writeFileSync(join(caseDir, f.name), new Uint8Array(f.data));
  const script = pytorchScript({ graph, config: DEFAULT_TRAINING_CONFIG, preprocessing: pre });
  if (!script.ok) throw new Error(script.message);
  writeFileSync(join(caseDir, 'model_pytorch.py'), script.code);
  const job = {
    script: join(caseDir, 'model_pytorch.py'),
    modelJson: join(caseDir, 'model.json'),
    values: Array.from(x.dataSync()),
    shape: inShape,
  };
  writeFileSync(join(caseDir, 'job.json'), JSON.stringify(job));
  const got = runTorchHelper<{ values: number[]; shape: number[] }>('torch_forward.py', [
    join(caseDir, 'job.json'),
  ]);
  expect(got.shape).toEqual(expected.shape);
  const want = expected.dataSync();
  let maxErr = 0;
  got.values.forEach((v, i) => {
    maxErr = Math.max(maxErr, Math.abs(v - want[i]!) / Math.max(1, Math.abs(want[i]!)));
  });
  tf.dispose([x, expected]);
  model.dispose();
  return maxErr;
}

describe('PyTorch export reproduces TF.js outputs', () => {
  it('has python3-torch installed (apt-get install python3-torch)', () => {
    const out = execFileSync(PYTHON, ['-c', 'import torch, numpy; print(torch.__version__)'], {
      encoding: 'utf8',
    });
    expect(out.trim()).toMatch(/^\d+\.\d+/);
  });

  it('covers every registry layer type', () => {
    expect(Object.keys(CASES).sort()).toEqual(LAYERS.map((l) => l.type).sort());
    expect(LAYERS.filter((l) => !l.toPyTorch).map((l) => l.type)).toEqual([]);
  });

  for (const [type, graphs] of Object.entries(CASES)) {
    it(`${type}: outputs agree within 1e-4`, async () => {
      for (const graph of graphs) expect(await compare(graph)).toBeLessThan(1e-4);
    }, 60_000);
  }
});
