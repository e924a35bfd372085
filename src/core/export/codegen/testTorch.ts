/**
 * Test helpers for the tests that run an exported PyTorch script under Debian's python3
 * (with python3-torch) and compare it with TF.js on its CPU backend. Not imported by app code.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll } from 'vitest';
import type { PreprocessingInfo } from '../modelFiles';

/** The system interpreter, the one python3-torch installs into. */
export const PYTHON = '/usr/bin/python3';

/**
 * Registers hooks: before this file's tests, the TF.js CPU backend and a fresh scratch
 * folder named from `prefix`; after them, the folder is removed. Returns the folder's path
 * (call it inside a test: it is empty until the hook has run).
 */
export function useTorchScratchDir(prefix: string): () => string {
  let dir = '';
  beforeAll(async () => {
    await tf.setBackend('cpu');
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

/** Preprocessing of a tabular multiclass dataset with no columns or classes listed. */
export function bareTabularPreprocessing(datasetName: string): PreprocessingInfo {
  return {
    format: 'train-smarter-preprocessing',
    version: 1,
    datasetName,
    kind: 'tabular',
    task: 'multiclass',
    featureShape: [],
    featureNames: [],
    classNames: [],
    inputScale: 1,
    standardization: null,
  };
}

/** Runs tests/python/`script` with `args` and parses the JSON it prints. */
export function runTorchHelper<T>(script: string, args: string[]): T {
  const helper = resolve(__dirname, '../../../../tests/python', script);
  return JSON.parse(execFileSync(PYTHON, [helper, ...args], { encoding: 'utf8' })) as T;
}
