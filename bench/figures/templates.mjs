// Figure 7, the templates (issue 13): each loaded from the app's gallery, so the bench
// trains exactly the committed definitions (src/core/templates/templates.ts, one table for
// the app, the tests and this bench).
//  - the image CNN (keras.io's mnist_convnet) on the built-in 3,000 Fashion-MNIST images,
//    and on the full Fashion-MNIST CSV (t10k as the test file): test accuracy and time;
//  - the tabular template on scikit-learn's digits, wine and breast-cancer tables, written
//    by bench/sklearn_tables.py (Debian's python3-sklearn) with K stratified 75/25 splits,
//    next to scikit-learn's MLPClassifier (defaults, behind StandardScaler) on the same
//    splits. Target: within 2 points of scikit-learn on every table.
// Smoke mode: CI-scale templates (?templateScale=tiny), one epoch, a tiny pixel CSV and one
// wine split. Epochs: BENCH_CONVNET_EPOCHS (default: the template's 15) on the built-in
// images, BENCH_CONVNET_CSV_EPOCHS (default 5, the quickstart's) on the 60,000-row CSV;
// BENCH_TABLE_SPLITS (5).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fashionFiles, writeSmokeCsv } from './accuracy.mjs';
import {
  selectFashionMnist,
  setSetting,
  trainForTestAccuracy,
  uploadCsvWithTest,
  useTemplate,
} from './ui.mjs';

const PYTHON = '/usr/bin/python3';
const TABLES_DIR = 'bench/.tmp/tables';
const TABLES = ['digits', 'wine', 'breast-cancer'];
const HOUR = 3_600_000;

const errorText = (e) => (e instanceof Error ? e.message.split('\n')[0] : String(e));
const rowsText = (rows) => (rows ? `${rows.train}/${rows.validation}/${rows.test}` : '?');
const epochsText = (n) => `${n ?? '?'} epoch${n === 1 ? '' : 's'}`;
const timeText = (minutes) =>
  minutes < 2 ? `${(minutes * 60).toFixed(0)} s` : `${minutes.toFixed(1)} min`;

/** A fresh page on the app; CI-scale templates in smoke mode. */
async function openPage({ browser, origin, smoke }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${origin}/?testHooks=1${smoke ? '&templateScale=tiny' : ''}`);
  await page.getByTestId('dataset-name').waitFor({ timeout: 60_000 });
  return { page, context };
}

/** Loads a template, sets the epochs (when given) and the auto backend, trains, scores. */
async function trainTemplate(page, id, epochs, timeoutMs) {
  await useTemplate(page, id);
  if (epochs) await setSetting(page, 'Epochs', String(epochs));
  await page.getByLabel('Backend').selectOption({ value: 'auto' });
  return trainForTestAccuracy(page, timeoutMs);
}

/** Runs one figure; a failure is recorded as `n/a: reason`, never ends the bench. */
async function figure(add, name, run) {
  try {
    const { samples, note } = await run();
    add(name, '', samples, 4, { note });
  } catch (e) {
    add(name, '', [], 0, { na: `n/a: ${errorText(e)}` });
  }
}

async function convnetBuiltin(ctx) {
  const epochs = ctx.smoke ? 1 : Number(process.env.BENCH_CONVNET_EPOCHS) || undefined;
  const { page, context } = await openPage(ctx);
  try {
    await selectFashionMnist(page);
    const r = await trainTemplate(page, 'image', epochs, ctx.smoke ? 120_000 : 4 * HOUR);
    return {
      samples: [r.accuracy],
      note: `${epochsText(r.epochs)}, rows train/validation/test ${rowsText(r.rows)}, augmentation on, backend ${r.backend ?? '?'}, trained in ${timeText(r.minutes)}.`,
    };
  } finally {
    await context.close();
  }
}

async function convnetCsv(ctx) {
  const epochs = ctx.smoke ? 1 : Number(process.env.BENCH_CONVNET_CSV_EPOCHS) || 5;
  const files = ctx.smoke ? writeSmokeCsv() : await fashionFiles();
  const { page, context } = await openPage(ctx);
  try {
    await uploadCsvWithTest(page, { ...files, target: 'label', task: 'multiclass', pixels: true });
    // The CSV's pixel columns are reshaped to their square image (28×28; 8×8 in smoke).
    const r = await trainTemplate(page, 'image', epochs, ctx.smoke ? 120_000 : 8 * HOUR);
    return {
      samples: [r.accuracy],
      note: `${epochsText(r.epochs)}, rows train/validation/test ${rowsText(r.rows)} (the t10k file is the test split), no augmentation (a table), backend ${r.backend ?? '?'}, trained in ${timeText(r.minutes)}.`,
    };
  } finally {
    await context.close();
  }
}

/** Writes the tables and scikit-learn's reference accuracies (bench/sklearn_tables.py). */
function writeTables(smoke) {
  const splits = smoke ? 1 : Number(process.env.BENCH_TABLE_SPLITS) || 5;
  const datasets = smoke ? ['wine'] : TABLES;
  execFileSync(
    PYTHON,
    [
      'bench/sklearn_tables.py',
      '--out',
      TABLES_DIR,
      '--splits',
      String(splits),
      '--datasets',
      datasets.join(','),
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return JSON.parse(readFileSync(join(TABLES_DIR, 'sklearn-mlp.json'), 'utf8'));
}

async function tabular(ctx, name, reference) {
  const accuracies = [];
  const epochsRun = [];
  let backend = '?';
  for (const split of reference.splits) {
    const { page, context } = await openPage(ctx);
    try {
      await uploadCsvWithTest(page, { train: split.train, test: split.test, target: 'target' });
      const r = await trainTemplate(page, 'tabular', undefined, ctx.smoke ? 120_000 : HOUR);
      accuracies.push(r.accuracy);
      epochsRun.push(r.epochs);
      backend = r.backend ?? '?';
    } finally {
      await context.close();
    }
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const app = mean(accuracies);
  const sk = mean(reference.splits.map((s) => s.accuracy));
  const points = (app - sk) * 100;
  return {
    samples: accuracies,
    note:
      `mean ${app.toFixed(4)} over ${accuracies.length} split(s) (seeds 0–${accuracies.length - 1}) vs scikit-learn MLPClassifier ${sk.toFixed(4)} on the same splits: ` +
      `${points >= 0 ? '+' : ''}${points.toFixed(2)} points (${points >= -2 ? 'within' : 'NOT within'} 2 points); ` +
      `epochs trained ${epochsRun.join('/')}; backend ${backend}.`,
  };
}

/** Figure 7's template lines. */
export async function templateFigures(ctx) {
  const { add, log, smoke } = ctx;
  log('accuracy: convnet template, built-in images');
  await figure(
    add,
    smoke
      ? '7. Image CNN template (smoke, CI scale) on built-in Fashion-MNIST, 1 epoch, test accuracy'
      : '7. Image CNN template (mnist_convnet) on built-in Fashion-MNIST (3,000 images), test accuracy',
    () => convnetBuiltin(ctx),
  );
  log('accuracy: convnet template, Fashion-MNIST CSV');
  await figure(
    add,
    smoke
      ? '7. Image CNN template (smoke) on a tiny generated pixel CSV, test accuracy'
      : '7. Image CNN template (mnist_convnet) on Fashion-MNIST CSV (t10k test file), test accuracy',
    () => convnetCsv(ctx),
  );
  let reference;
  try {
    reference = writeTables(smoke);
  } catch (e) {
    for (const t of smoke ? ['wine'] : TABLES) {
      add(`7. Tabular template on ${t}: test accuracy`, '', [], 0, {
        na: `n/a: ${PYTHON} bench/sklearn_tables.py failed (python3-sklearn?): ${errorText(e)}`,
      });
    }
    return;
  }
  for (const [name, ref] of Object.entries(reference.datasets)) {
    log(`accuracy: tabular template, ${name}`);
    await figure(
      add,
      `7. Tabular template on scikit-learn's ${name} (${ref.rows} rows, ${ref.features} features), test accuracy`,
      () => tabular(ctx, name, ref),
    );
  }
}
