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
          t: run.record.batches.map((b) => b.t ?? NaN),
        }
      : null;
  });

/** Polls the run in the store until `predicate` holds or the run ends. */
export async function waitForRun(page, predicate, timeoutMs) {
  const t0 = Date.now();
  for (;;) {
    const s = await runState(page);
    if (predicate(s)) return s;
    if (s && (s.phase === 'failed' || s.phase === 'completed' || s.phase === 'stopped')) return s;
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out');
    await page.waitForTimeout(100);
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
