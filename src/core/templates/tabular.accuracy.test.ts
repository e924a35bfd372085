/**
 * The tabular template on scikit-learn's digits, as a user would get it: the CSV written
 * by bench/sklearn_tables.py (Debian's /usr/bin/python3 with python3-sklearn), uploaded
 * with its test file, the pipeline's defaults, the template's graph and settings, the
 * real training loop on TF.js's CPU backend. It must come within 2 points of
 * scikit-learn's MLPClassifier (defaults) on the same split, the target. Fails,
 * never skips, when Python or scikit-learn is missing. The bench measures all three
 * tables over five splits (bench/figures/templates.mjs).
 */
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { trainTabularTemplate } from './tabularTrial';

const PYTHON = '/usr/bin/python3';
const SCRIPT = new URL('../../../bench/sklearn_tables.py', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'sklearn-tables-'));

beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// TEMPLATE_TABLES=all: all three tables over five splits (the README's figures, a few minutes).
const ALL = process.env.TEMPLATE_TABLES === 'all';
const TABLES = ALL ? ['digits', 'wine', 'breast-cancer'] : ['digits'];
const SPLITS = ALL ? 5 : 1;

interface Reference {
  datasets: Record<string, { splits: { train: string; test: string; accuracy: number }[] }>;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

it(`trains on ${TABLES.join(', ')} to within 2 points of scikit-learn’s MLPClassifier on the same splits`, async () => {
  const args = ['--out', dir, '--splits', String(SPLITS), '--datasets', TABLES.join(',')];
  const run = spawnSync(PYTHON, [SCRIPT, ...args], { encoding: 'utf8' });
  expect(
    run.status,
    `${PYTHON} ${SCRIPT} failed (${run.error?.message ?? run.stderr.trim()}): run scripts/test-all.sh, which installs python3-sklearn`,
  ).toBe(0);
  const reference = JSON.parse(readFileSync(join(dir, 'sklearn-mlp.json'), 'utf8')) as Reference;
  const before = tf.memory().numTensors;
  for (const name of TABLES) {
    const splits = reference.datasets[name]!.splits;
    const accuracies: number[] = [];
    for (const split of splits) {
      const trial = await trainTabularTemplate(
        tf,
        readFileSync(split.train, 'utf8'),
        readFileSync(split.test, 'utf8'),
      );
      // Early stopping ended the run and kept an earlier epoch's weights.
      expect(trial.keptEpoch).toBeLessThan(trial.epochs);
      accuracies.push(trial.accuracy);
    }
    const app = mean(accuracies);
    const sklearn = mean(splits.map((s) => s.accuracy));
    if (ALL) console.log(`${name}: template ${app.toFixed(4)}, scikit-learn ${sklearn.toFixed(4)}`);
    expect(app, name).toBeGreaterThanOrEqual(sklearn - 0.02);
  }
  expect(tf.memory().numTensors).toBe(before);
}, 1_800_000);
