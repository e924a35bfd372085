// Accuracy sanity check: the Keras quickstart MLP (Flatten → Dense 128 relu → Dropout 0.2 →
// Dense 10) trained through the app's own UI on Fashion-MNIST uploaded as CSV files
// (train.csv + the t10k test.csv), Adam lr 1e-3, batch 32, 5 epochs, backend auto; the
// figure is the test accuracy on the 10,000 t10k rows. Keras reaches about 0.88 here.
// Smoke mode uses a tiny generated CSV instead. Files live in bench/.tmp (never committed).
import { setSetting, uploadCsvWithTest } from './ui.mjs';
import { templateFigures } from './templates.mjs';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FASHION_CSV_DIR, makeFashionCsv } from '../make-fashion-csv.mjs';

const MB = 1024 * 1024;

/** A tiny 10-class "image" CSV (8×8 pixels in 0..255): class k lights pixel block k. */
export function writeSmokeCsv() {
  mkdirSync(FASHION_CSV_DIR, { recursive: true });
  let state = 7;
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const rows = (n) =>
    Array.from({ length: n }, (_, i) => {
      const label = i % 10;
      const pixels = Array.from({ length: 64 }, (_, p) => {
        const lit = Math.floor(p / 6) === label;
        return Math.round(lit ? 180 + rand() * 75 : rand() * 60);
      });
      return [label, ...pixels].join(',');
    });
  const header = ['label', ...Array.from({ length: 64 }, (_, p) => `pixel${p + 1}`)].join(',');
  const train = join(FASHION_CSV_DIR, 'smoke-train.csv');
  const test = join(FASHION_CSV_DIR, 'smoke-test.csv');
  writeFileSync(train, [header, ...rows(400)].join('\n') + '\n');
  writeFileSync(test, [header, ...rows(100)].join('\n') + '\n');
  return { train, test };
}

export async function fashionFiles() {
  const train = join(FASHION_CSV_DIR, 'train.csv');
  const test = join(FASHION_CSV_DIR, 'test.csv');
  // A full train.csv is ~127 MB; a smaller one is a leftover of a capped run.
  if (!existsSync(train) || !existsSync(test) || statSync(train).size < 100 * MB) {
    await makeFashionCsv();
  }
  return { train, test };
}

/** Trains through the UI and returns the test accuracy as a bench figure. */
export async function accuracySanity({ browser, origin, smoke }) {
  const files = smoke ? writeSmokeCsv() : await fashionFiles();
  const trainName = files.train.split('/').pop();
  const testName = files.test.split('/').pop();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/?testHooks=1`);
    await page.getByTestId('dataset-name').waitFor({ timeout: 60_000 });

    // Ingest: from picking the file to the preview (parse, typing, statistics).
    const ingestSec = await uploadCsvWithTest(page, {
      ...files,
      target: 'label',
      task: 'multiclass',
      pixels: true,
    });
    const ingestMBs = statSync(files.train).size / MB / ingestSec;

    await page.getByLabel('Model template').selectOption('mlp');
    await page.getByLabel('Optimizer').selectOption('adam');
    await setSetting(page, 'Learning rate', '0.001');
    await setSetting(page, 'Batch size', '32');
    await setSetting(page, 'Epochs', '5');
    await page.getByLabel('Backend').selectOption({ value: 'auto' });
    const trainStart = Date.now();
    await page.getByRole('button', { name: 'Train' }).click();
    const status = page.getByTestId('training-status');
    await status
      .filter({ hasText: /Done|Failed/ })
      .waitFor({ timeout: smoke ? 120_000 : 1_800_000 });
    const statusText = (await status.textContent()) ?? '';
    if (!statusText.includes('Done')) throw new Error(`Training did not finish: ${statusText}`);
    const accuracy = Number(await page.getByTestId('test-accuracy').textContent());
    const run = await page.evaluate(() => {
      const r = window.trainSmarter.store.getState().run;
      return { rows: r?.record.rows ?? null, backend: r?.backend?.label ?? null };
    });
    const trainMin = ((Date.now() - trainStart) / 60_000).toFixed(1);
    return {
      name: smoke
        ? 'Accuracy sanity (smoke): quickstart MLP on a tiny generated 10-class CSV, test accuracy'
        : 'Accuracy sanity: Keras quickstart MLP on Fashion-MNIST CSV (t10k test file), 5 epochs, test accuracy',
      unit: '',
      samples: [accuracy],
      note:
        `${trainName} ingested in ${ingestSec.toFixed(1)} s (${ingestMBs.toFixed(1)} MB/s, upload to preview); ` +
        `rows train/validation/test ${run.rows ? `${run.rows.train}/${run.rows.validation}/${run.rows.test}` : '?'} ` +
        `(${testName} is the test split; the split ratios divide ${trainName}); ` +
        `backend ${run.backend ?? '?'}; trained in ${trainMin} min.`,
    };
  } finally {
    await context.close();
  }
}

/** Figure 7: the accuracy sanity check (the quickstart, as before), then the templates' figures. */
export async function accuracyFigure(ctx) {
  const { browser, origin, smoke, add } = ctx;
  try {
    const f = await accuracySanity({ browser, origin, smoke });
    add(`7. ${f.name}`, f.unit, f.samples, 4, { note: f.note });
  } catch (e) {
    add('7. Accuracy sanity: MLP on Fashion-MNIST t10k after 5 epochs', '', [], 0, {
      na: `n/a: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    });
  }
  await templateFigures(ctx);
}
