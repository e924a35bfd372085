// Small helpers the bench figures share to drive the app's UI.
import { gzipSync } from 'node:zlib';

/** Types a training setting by its label and leaves the field, as a user would. */
export async function setSetting(page, label, value) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.blur();
}

/**
 * `openApp(browser, query)` for the app served at `origin`: a fresh 1280×800 context on the
 * workspace, counting the gzip bytes of the page's JavaScript and of the training worker's.
 */
export function appOpener(origin) {
  return async function openApp(browser, query = '?testHooks=1') {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const jsBytes = { gzip: 0, workerGzip: 0 };
    page.on('response', async (res) => {
      if (!res.url().startsWith(origin) || !/\.m?js($|\?)/.test(res.url())) return;
      try {
        const n = gzipSync(await res.body()).length;
        if (/trainingWorker/.test(res.url())) jsBytes.workerGzip += n;
        else jsBytes.gzip += n;
      } catch {
        // bodies of some requests are not available
      }
    });
    await page.goto(`${origin}/${query}`);
    await page.getByTestId('dataset-name').waitFor({ timeout: 60_000 });
    return { page, context, jsBytes };
  };
}

/** The live run as the bench reads it (the store's LiveRun: its record and backend). */
const runState = (page) =>
  page.evaluate(() => {
    const run = window.trainSmarter.store.getState().run;
    return run
      ? {
          phase: run.record.status,
          error: run.record.error,
          backend: run.backend,
          n: run.record.batches.length,
          trainRows: run.record.rows?.train ?? null,
          t: run.record.batches.map((b) => b.t ?? NaN),
        }
      : null;
  });

/**
 * Polls the run in the store every `pollMs` until `predicate` holds or the run ends. Each
 * poll costs the page's main thread and this process a copy of every batch's time stamp:
 * a throughput figure polls seldom, so the poll does not slow the run it times.
 */
export async function waitForRun(page, predicate, timeoutMs, pollMs = 100) {
  const t0 = Date.now();
  for (;;) {
    const s = await runState(page);
    if (predicate(s)) return s;
    if (s && (s.phase === 'failed' || s.phase === 'completed' || s.phase === 'stopped')) return s;
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out');
    await page.waitForTimeout(pollMs);
  }
}

/** Presses Train and waits for the end; `reachedMs` is when validation accuracy passed `threshold`. */
export async function trainUntilDone(page, { threshold } = {}) {
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Train' }).click();
  let reachedAt = null;
  for (;;) {
    const status = (await page.getByTestId('training-status').textContent()) ?? '';
    const acc = Number((await page.getByTestId('metric-val-accuracy').textContent()) || NaN);
    if (threshold !== undefined && reachedAt === null && acc > threshold)
      reachedAt = Date.now() - t0;
    if (/^(Done|Stopped|Failed)/.test(status))
      return { status, totalMs: Date.now() - t0, reachedMs: reachedAt };
    await page.waitForTimeout(50);
  }
}

/** Selects the bundled Fashion-MNIST images and waits until they are the dataset. */
export async function selectFashionMnist(page) {
  await page.getByLabel('Dataset').selectOption({ value: 'bundled:fashion-mnist' });
  await page
    .getByTestId('dataset-name')
    .filter({ hasText: /fashion/i })
    .waitFor();
}

/**
 * Uploads a training CSV with its separate test CSV through the preview dialog: target
 * `target`, task `task` and, with `pixels`, columns matching ^pixel min-max scaled to [0, 1].
 * Returns the seconds from picking the file to the preview.
 */
export async function uploadCsvWithTest(page, { train, test, target, task, pixels = false }) {
  const trainName = train.split('/').pop();
  const t0 = Date.now();
  await page.getByLabel('Upload CSV').setInputFiles(train);
  const preview = page.getByRole('dialog', { name: trainName });
  await preview.waitFor({ timeout: 300_000 });
  const previewSec = (Date.now() - t0) / 1000;
  await preview.getByLabel('Upload test CSV').setInputFiles(test);
  await preview.getByTestId('csv-test-file').waitFor({ timeout: 120_000 });
  await preview.getByLabel('Target column').selectOption(target);
  if (task) await preview.getByLabel('Task').selectOption(task);
  if (pixels) {
    // Pixels 0..255 scaled to [0, 1]: min-max over the training rows (a few edge pixels
    // never reach 255 and are stretched a little more than /255 would).
    await preview.getByLabel('Name pattern').fill('^pixel');
    await preview.getByLabel('Scaling of matching').selectOption('minmax');
    await preview.getByRole('button', { name: 'Set scaling' }).click();
  }
  await preview.getByRole('button', { name: 'Use this dataset' }).click();
  await preview.waitFor({ state: 'hidden', timeout: 300_000 });
  const alert = await page.getByRole('alert').allTextContents();
  if (alert.some((a) => a.includes(trainName))) throw new Error(alert.join(' '));
  await page.getByTestId('dataset-name').filter({ hasText: trainName }).waitFor();
  return previewSec;
}

/** Loads a template from the gallery (Templates → its card) and waits for its graph. */
export async function useTemplate(page, id) {
  await page.getByRole('button', { name: 'Templates' }).click();
  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  await gallery.locator(`[data-testid="template"][data-template="${id}"]`).click();
  await gallery.waitFor({ state: 'hidden' });
  await page
    .locator('.notice')
    .filter({ hasText: 'Loaded the template' })
    .last()
    .waitFor({ timeout: 300_000 });
}

/** Presses Train, waits for the end and returns the test accuracy, minutes and backend. */
export async function trainForTestAccuracy(page, timeoutMs) {
  const start = Date.now();
  await page.getByRole('button', { name: 'Train' }).click();
  const status = page.getByTestId('training-status');
  await status.filter({ hasText: /Done|Failed/ }).waitFor({ timeout: timeoutMs });
  const statusText = (await status.textContent()) ?? '';
  if (!statusText.includes('Done')) throw new Error(`Training did not finish: ${statusText}`);
  const accuracy = Number(await page.getByTestId('test-accuracy').textContent());
  const run = await page.evaluate(() => {
    const r = window.trainSmarter.store.getState().run;
    return {
      rows: r?.record.rows ?? null,
      backend: r?.backend?.label ?? null,
      epochs: r?.record.epochs.length ?? null,
    };
  });
  return { accuracy, minutes: (Date.now() - start) / 60_000, ...run };
}
