// Figures 3 (CSV ingest, app vs papaparse alone) and 4 (image-folder ingest), through the
// app's real upload inputs. Inputs are written at bench time into bench/.tmp/.
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { perSecond } from '../stats.mjs';
import { startMemorySampler } from './memory.mjs';
import {
  readFashionMnist,
  syntheticFashionData,
  writeFashionCsv,
  writePngFolder,
} from './fixtures.mjs';

const TMP = 'bench/.tmp';
/** Decimal megabytes, as file sizes and rates are usually given. */
const MB = 1e6;

/**
 * Records, in the page, when a file input changes (the upload), when a dialog appears (the
 * CSV preview), when "Use this dataset" is clicked and when the store holds the dataset
 * named `name` (or an error). Times are performance.now() in the page.
 */
const armTimers = (page, name) =>
  page.evaluate((expected) => {
    const t = { upload: null, preview: null, confirm: null, loaded: null, error: null };
    window.__ingest = t;
    document.addEventListener(
      'change',
      (e) => {
        if (e.target instanceof HTMLInputElement && e.target.type === 'file' && t.upload === null)
          t.upload = performance.now();
      },
      true,
    );
    document.addEventListener(
      'click',
      (e) => {
        if (e.target instanceof Element && /Use this dataset/.test(e.target.textContent ?? ''))
          t.confirm = performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      if (t.preview === null && document.querySelector('[role="dialog"]'))
        t.preview = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
    const store = window.trainSmarter.store;
    store.subscribe((s) => {
      if (t.upload === null || t.loaded !== null) return;
      if (!s.datasetLoading && s.dataset?.name === expected) t.loaded = performance.now();
      else if (s.datasetError) t.error = s.datasetError;
    });
  }, name);

const readTimers = (page) => page.evaluate(() => ({ ...window.__ingest }));

async function waitForLoaded(page, timeout) {
  await page.waitForFunction(() => window.__ingest.loaded !== null || window.__ingest.error, null, {
    timeout,
    polling: 100,
  });
  return readTimers(page);
}

/** One upload of `csvPath` through "Upload CSV" → preview → target "label" → "Use this dataset". */
async function appCsvOnce(openApp, browser, csvPath, timeout) {
  const name = basename(csvPath);
  const { page, context } = await openApp(browser);
  try {
    await armTimers(page, name);
    const memory = startMemorySampler();
    let mem;
    try {
      await page.getByLabel('Upload CSV').setInputFiles(csvPath);
      const dialog = page.getByRole('dialog', { name });
      const error = page.getByTestId('csv-error');
      await Promise.race([
        dialog.waitFor({ timeout }),
        error.waitFor({ timeout }).then(async () => {
          throw new Error(`preview: ${await error.textContent()}`);
        }),
      ]);
      await dialog.getByLabel('Target column').selectOption('label');
      const task = dialog.getByLabel('Task');
      if ((await task.inputValue()) !== 'multiclass') await task.selectOption('multiclass');
      await dialog.getByRole('button', { name: 'Use this dataset' }).click();
      const t = await waitForLoaded(page, timeout);
      if (t.error) throw new Error(`load: ${t.error}`);
      mem = memory.stop();
      const rows = await page.evaluate(() => window.trainSmarter.store.getState().dataset?.n);
      return {
        // Upload → preview shown, plus "Use this dataset" → loaded (the bench's own clicks between are left out).
        previewMs: t.preview - t.upload,
        loadMs: t.preview - t.upload + (t.loaded - t.confirm),
        rows,
        memory: mem,
      };
    } finally {
      if (!mem) memory.stop();
    }
  } finally {
    await context.close();
  }
}

/** papaparse alone, in a worker of the raw reference page, on the same file. */
async function papaCsvOnce(browser, origin, csvPath) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/bench/raw/index.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await page.getByLabel('CSV for papaparse').setInputFiles(csvPath);
    const memory = startMemorySampler();
    const r = await page
      .evaluate(() =>
        window.rawBench.papaparse().then(
          (x) => ({ ok: x }),
          (e) => ({ error: String(e.message ?? e) }),
        ),
      )
      .finally(() => {});
    const mem = memory.stop();
    if (r.error) throw new Error(r.error);
    return { ms: r.ok.ms, rows: r.ok.rows, memory: mem };
  } finally {
    await context.close();
  }
}

/** Figure 3: CSV ingest of Fashion-MNIST as CSV, app vs papaparse alone. */
export async function csvIngestFigure({ browser, origin, openApp, smoke, repeats, add, log }) {
  const title = smoke
    ? '3. CSV ingest (smoke: 300 synthetic rows × 785)'
    : '3. CSV ingest of Fashion-MNIST train as CSV (60,000 × 785)';
  let data;
  if (smoke) data = syntheticFashionData(300);
  else {
    data = readFashionMnist('train');
    if (data.error) {
      add(title, '', [], 0, { na: `n/a: ${data.error}` });
      return;
    }
  }
  // The same train.csv the accuracy figure uploads (bench/make-fashion-csv.mjs).
  const csvPath = join(TMP, smoke ? 'fashion-smoke.csv' : 'train.csv');
  log(`writing ${csvPath}`);
  const bytes = await writeFashionCsv(csvPath, data);
  const sizeMB = statSync(csvPath).size / MB;
  const timeout = smoke ? 60_000 : 600_000;
  const app = { load: [], preview: [], peak: [], base: [] };
  const papa = { rate: [], peak: [], base: [] };
  let na = null;
  for (let i = 0; i < repeats && !na; i++) {
    log(`csv ingest run ${i + 1}: app`);
    try {
      const a = await appCsvOnce(openApp, browser, csvPath, timeout);
      if (a.rows === undefined || a.rows < data.n * 0.5)
        throw new Error(`dataset has ${a.rows} rows, expected about ${data.n}`);
      app.load.push(perSecond(sizeMB, a.loadMs));
      app.preview.push(a.previewMs / 1000);
      app.peak.push(a.memory.peak);
      app.base.push(a.memory.baseline);
    } catch (e) {
      na = `n/a: app: ${e.message}`;
      break;
    }
    log(`csv ingest run ${i + 1}: papaparse`);
    try {
      const p = await papaCsvOnce(browser, origin, csvPath);
      if (p.rows !== data.n) throw new Error(`parsed ${p.rows} rows, expected ${data.n}`);
      papa.rate.push(perSecond(sizeMB, p.ms));
      papa.peak.push(p.memory.peak);
      papa.base.push(p.memory.baseline);
    } catch (e) {
      na = `n/a: papaparse: ${e.message}`;
    }
  }
  if (na) {
    add(title, '', [], 0, { na });
    return;
  }
  const size = `${(bytes / MB).toFixed(1)} MB file`;
  const base = (v) => `renderer + GPU RSS before: ${Math.round(Math.min(...v))} MiB`;
  add(`${title}: app, upload → dataset loaded`, 'MB/s', app.load, 1, { note: size });
  add(`${title}: app, upload → preview shown`, 's', app.preview, 2);
  add(`${title}: app, peak memory`, 'MiB', app.peak, 0, { note: base(app.base) });
  add(`${title}: papaparse alone in a worker`, 'MB/s', papa.rate, 1, {
    note: 'typed, kept as Float64 columns',
  });
  add(`${title}: papaparse alone, peak memory`, 'MiB', papa.peak, 0, { note: base(papa.base) });
}

/** Figure 4: images/s through "Upload image folder", 28×28 and 256×256. */
export async function imageIngestFigure({ browser, openApp, smoke, repeats, add, log }) {
  const count = smoke ? 20 : 1000;
  for (const size of [28, 256]) {
    const dir = join(TMP, `png-${size}`);
    log(`writing ${count} PNGs of ${size}×${size}`);
    writePngFolder(dir, count, size);
    const name = `4. Image-folder ingest: ${count} PNGs at ${size}×${size}`;
    const rates = [];
    let decoded = '';
    let na = null;
    for (let i = 0; i < repeats && !na; i++) {
      log(`image ingest ${size}×${size} run ${i + 1}`);
      const { page, context } = await openApp(browser);
      try {
        await armTimers(page, basename(dir));
        await page.getByLabel('Upload image folder').setInputFiles(dir);
        const t = await waitForLoaded(page, smoke ? 60_000 : 300_000);
        if (t.error) throw new Error(t.error);
        const n = await page.evaluate(() => window.trainSmarter.store.getState().dataset?.n);
        if (n !== count) throw new Error(`dataset has ${n} images, expected ${count}`);
        rates.push(perSecond(count, t.loaded - t.upload));
        decoded = (await page.getByTestId('image-size-note').textContent()) ?? '';
      } catch (e) {
        na = `n/a: ${e.message}`;
      } finally {
        await context.close();
      }
    }
    if (na) add(name, '', [], 0, { na });
    else add(name, 'images/s', rates, 0, { note: `upload → dataset loaded; ${decoded}` });
  }
}
