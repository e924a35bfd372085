#!/usr/bin/env node
// `npm run bench [-- --smoke]`: builds the app (plus a plain TF.js reference page), serves it
// on 127.0.0.1, drives headless Chromium through the real UI and prints a markdown table.
// Raw figures go to bench/results/<date>-<commit>.json. See bench/README.md.
import { setSetting } from './figures/ui.mjs';
import { accuracySanity } from './figures/accuracy.mjs';
import { spawn, execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { summarize, formatSummary, percentile, validateResults } from './stats.mjs';
import { csvIngestFigure, imageIngestFigure } from './figures/ingest.mjs';

const smoke = process.argv.includes('--smoke');
const repeats = smoke ? 1 : 3;
const WARMUP = smoke ? 2 : 5;
const TIMED = smoke ? 4 : 50;
const port = Number(process.env.BENCH_PORT || 4391);
const origin = `http://127.0.0.1:${port}`;
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const log = (...a) => console.error('[bench]', ...a);

const sh = (cmd) => execSync(cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

async function waitForServer(url, ms = 60_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not start`);
}

async function openApp(browser, query = '?testHooks=1') {
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
}

const runState = (page) =>
  page.evaluate(() => {
    const run = window.trainSmarter.store.getState().run;
    return run
      ? {
          // The live run is the record being written (src/core/runs/live.ts).
          phase: run.record.status === 'running' && !run.backend ? 'starting' : run.record.status,
          error: run.record.error,
          backend: run.backend,
          n: run.record.batches.length,
          t: run.record.batches.map((b) => b.t ?? NaN),
        }
      : null;
  });

async function waitFor(page, predicate, timeoutMs) {
  const t0 = Date.now();
  for (;;) {
    const s = await runState(page);
    if (predicate(s)) return s;
    if (s && (s.phase === 'failed' || s.phase === 'completed' || s.phase === 'stopped')) return s;
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out');
    await page.waitForTimeout(100);
  }
}

async function trainUntilDone(page, { threshold } = {}) {
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

/** App throughput over TIMED batches after WARMUP, through the real UI path. */
async function appThroughput(browser, model, backend, batchSize) {
  const { page, context } = await openApp(browser);
  try {
    await page.getByLabel('Dataset').selectOption({ value: 'bundled:fashion-mnist' });
    await page
      .getByTestId('dataset-name')
      .filter({ hasText: /fashion/i })
      .waitFor();
    await page.getByLabel('Model template').selectOption({ value: model });
    await page.getByLabel('Backend').selectOption({ value: backend });
    await setSetting(page, 'Batch size', String(batchSize));
    await setSetting(page, 'Epochs', '100');
    await page.getByRole('button', { name: 'Train' }).click();
    const need = WARMUP + TIMED;
    const s = await waitFor(page, (st) => st && st.n >= need, 600_000);
    await page
      .getByRole('button', { name: 'Stop' })
      .click()
      .catch(() => {});
    if (!s || s.n < need)
      return { error: s?.error ?? `run ended (${s?.phase}) before ${need} batches` };
    if (s.backend?.name !== backend)
      return { error: `ran on ${s.backend?.name} instead (${s.backend?.reason})` };
    const dt = s.t[need - 1] - s.t[WARMUP - 1];
    return { samplesPerSec: (TIMED * batchSize * 1000) / dt, label: s.backend.label };
  } finally {
    await context.close();
  }
}

async function rawThroughput(browser, model, backend, batchSize) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/bench/raw/index.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const r = await page.evaluate(
      (req) =>
        window.rawBench.inWorker(req).then(
          (x) => ({ ok: x }),
          (e) => ({ error: String(e.message ?? e) }),
        ),
      { model, backend, batchSize, warmupBatches: WARMUP, timedBatches: TIMED },
    );
    if (r.error) return { error: r.error };
    if (r.ok.backend !== backend) return { error: `ran on ${r.ok.backend}` };
    return { samplesPerSec: r.ok.samplesPerSec };
  } finally {
    await context.close();
  }
}

/** Long tasks and frame intervals on the page's main thread for `ms`. */
const startResponsiveness = (page) =>
  page.evaluate(() => {
    window.__resp = { long: [], frames: [] };
    new PerformanceObserver((l) =>
      l.getEntries().forEach((e) => window.__resp.long.push(e.duration)),
    ).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const tick = (t) => {
      window.__resp.frames.push(t - last);
      last = t;
      if (!window.__resp.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
const stopResponsiveness = (page) =>
  page.evaluate(() => {
    window.__resp.stop = true;
    return { long: window.__resp.long, frames: window.__resp.frames.slice(1) };
  });

async function main() {
  let commit = 'unknown';
  try {
    commit = sh('git rev-parse --short HEAD') + (sh('git status --porcelain') ? '-dirty' : '');
  } catch {
    // not a git checkout
  }
  if (!process.argv.includes('--no-build')) {
    log('building…');
    execSync('npx vite build --config bench/vite.bench.config.ts', {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', '.bench-build', '--port', String(port), '--strictPort'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  const figures = [];
  const add = (name, unit, samples, digits = 1, extra = {}) => {
    const summary = summarize(samples);
    figures.push({
      name,
      unit,
      samples,
      summary,
      display: extra.na ?? formatSummary(summary, digits, unit ? ` ${unit}` : ''),
      ...extra,
    });
  };
  let environment;
  let serverExit = null;
  let stopping = false;
  server.on('exit', (code, signal) => {
    serverExit = code ?? signal;
    if (!stopping) log(`vite preview exited (${serverExit})`);
  });
  try {
    await waitForServer(origin);
    // Another server on the port answered (ours exits with --strictPort): not what we built.
    await new Promise((r) => setTimeout(r, 500));
    if (serverExit !== null)
      throw new Error(`vite preview exited (code ${serverExit}): is port ${port} in use?`);
    const browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });

    // Environment, from the worker's own report.
    {
      const { page, context } = await openApp(browser);
      environment = await page.evaluate(async () => {
        const s = window.trainSmarter.store.getState();
        return {
          userAgent: navigator.userAgent,
          crossOriginIsolated: self.crossOriginIsolated,
          hardwareConcurrency: navigator.hardwareConcurrency,
          webglRenderer: s.workerReady?.webglRenderer ?? null,
        };
      });
      await context.close();
    }

    // 5. Start-up.
    log('start-up');
    const startMs = [];
    const gz = [];
    for (let i = 0; i < repeats; i++) {
      const { page, context, jsBytes } = await openApp(browser, '');
      startMs.push(
        await page.evaluate(
          () => performance.getEntriesByName('editor-interactive')[0]?.startTime ?? NaN,
        ),
      );
      gz.push(jsBytes.gzip / 1024);
      await context.close();
    }
    add('5. Start-up: time until the editor is interactive', 'ms', startMs, 0);
    add(
      '5. Start-up: JavaScript loaded before first interaction (gzip; TF.js loads with the worker)',
      'KiB',
      gz,
      0,
    );

    // Default 2-D set: time to > 90% validation accuracy.
    log('default 2-D set');
    const to90 = [];
    let autoLabel = '';
    for (let i = 0; i < repeats; i++) {
      const { page, context } = await openApp(browser);
      if (smoke) await setSetting(page, 'Epochs', '3');
      const r = await trainUntilDone(page, { threshold: 0.9 });
      to90.push(r.reachedMs === null ? NaN : r.reachedMs / 1000);
      autoLabel = (await page.getByTestId('backend-in-use').textContent()) ?? '';
      // The auto backend's label names the WASM features in use: "WASM (SIMD, single-threaded)".
      environment.autoBackend = autoLabel;
      environment.wasmSimd = /SIMD/.test(autoLabel);
      environment.wasmThreads = Number(/(\d+) threads/.exec(autoLabel)?.[1] ?? 1);
      await context.close();
    }
    add(
      'Default 2-D set (circles, 400 points, default MLP): time from Train to > 90% validation accuracy',
      's',
      to90,
      2,
      { note: autoLabel },
    );

    // 1. Training throughput, app vs plain TF.js model.fit.
    const combos = [
      { model: 'mlp', batch: 128 },
      { model: 'cnn', batch: smoke ? 8 : 16 },
    ];
    for (const { model, batch } of combos) {
      for (const backend of ['webgl', 'wasm', 'cpu']) {
        if (smoke && backend !== 'wasm') continue;
        log(`throughput ${model} ${backend}`);
        const app = [];
        const raw = [];
        let na = null;
        for (let i = 0; i < repeats && !na; i++) {
          const a = await appThroughput(browser, model, backend, batch);
          const r = await rawThroughput(browser, model, backend, batch);
          if (a.error) na = `n/a: app: ${a.error}`;
          else if (r.error) na = `n/a: plain TF.js: ${r.error}`;
          else {
            app.push(a.samplesPerSec);
            raw.push(r.samplesPerSec);
          }
        }
        const name = `1. Throughput ${model.toUpperCase()} on ${backend}, batch ${batch}`;
        if (na) add(name, 'samples/s', [], 0, { na });
        else {
          const ratio = summarize(app).median / summarize(raw).median;
          add(`${name}: app`, 'samples/s', app, 0);
          add(`${name}: plain TF.js model.fit`, 'samples/s', raw, 0);
          add(`${name}: app / plain`, '', [ratio], 2);
        }
      }
    }

    // 2. Main-thread responsiveness while training.
    log('responsiveness');
    {
      const ms = smoke ? 2000 : 8000;
      const { page, context } = await openApp(browser);
      await page.getByLabel('Dataset').selectOption({ value: 'bundled:fashion-mnist' });
      await page
        .getByTestId('dataset-name')
        .filter({ hasText: /fashion/i })
        .waitFor();
      await page.getByLabel('Model template').selectOption({ value: 'mlp' });
      await setSetting(page, 'Epochs', '100');
      await page.getByRole('button', { name: 'Train' }).click();
      await waitFor(page, (s) => s && s.n > 5, 120_000);
      await startResponsiveness(page);
      await page.waitForTimeout(ms);
      const app = await stopResponsiveness(page);
      await context.close();

      const rawCtx = await browser.newContext();
      const rawPage = await rawCtx.newPage();
      await rawPage.goto(`${origin}/bench/raw/index.html`);
      await rawPage.waitForFunction(() => document.body.dataset.ready === 'true');
      await startResponsiveness(rawPage);
      await rawPage.evaluate(
        (t) =>
          window.rawBench.onMainThread({
            model: 'mlp',
            backend: 'wasm',
            batchSize: 32,
            warmupBatches: 5,
            timedBatches: t,
          }),
        smoke ? 10 : 60,
      );
      const raw = await stopResponsiveness(rawPage);
      await rawCtx.close();
      for (const [who, r] of [
        ['app (training in its worker)', app],
        ['plain TF.js loop on the main thread', raw],
      ]) {
        add(`2. Long tasks, ${who}`, 'count', [r.long.length], 0);
        add(`2. Longest task, ${who}`, 'ms', [r.long.length ? Math.max(...r.long) : 0], 0);
        add(`2. Frame interval p50, ${who}`, 'ms', [percentile(r.frames, 50)], 1);
        add(`2. Frame interval p95, ${who}`, 'ms', [percentile(r.frames, 95)], 1);
        add(
          `2. Frame interval max, ${who}`,
          'ms',
          [r.frames.length ? Math.max(...r.frames) : NaN],
          1,
        );
      }
    }

    // 6. Chart cost: render the live charts with 10,000 batch points.
    log('charts');
    {
      const samples = [];
      for (let i = 0; i < repeats; i++) {
        const { page, context } = await openApp(browser);
        await setSetting(page, 'Epochs', '1');
        await trainUntilDone(page);
        samples.push(
          await page.evaluate(
            () =>
              new Promise((resolve) => {
                const store = window.trainSmarter.store;
                const run = store.getState().run;
                const batches = Array.from({ length: 10_000 }, (_, s) => ({
                  step: s,
                  epoch: 1 + Math.floor(s / 100),
                  loss: 1 / (1 + s / 500),
                }));
                const t0 = performance.now();
                store.setState({ run: { ...run, record: { ...run.record, batches } } });
                requestAnimationFrame(() =>
                  requestAnimationFrame(() => resolve(performance.now() - t0)),
                );
              }),
          ),
        );
        await context.close();
      }
      add('6. Chart cost: render the live charts with 10,000 batch points', 'ms', samples, 0);
    }

    // 8. Leaks: tensors held by the worker after 1 and after N consecutive runs.
    log('leaks');
    {
      const { page, context } = await openApp(browser);
      await setSetting(page, 'Epochs', '1');
      const runs = smoke ? 3 : 20;
      const counts = [];
      for (let i = 0; i < runs; i++) {
        await trainUntilDone(page);
        await page.waitForFunction(
          (n) => window.trainSmarter.store.getState().workerMemory.length >= n,
          i + 1,
        );
        counts.push(
          await page.evaluate(
            () => window.trainSmarter.store.getState().workerMemory.at(-1).numTensors,
          ),
        );
      }
      add('8. Worker tensors after run 1 (2-D set, 1 epoch)', 'tensors', [counts[0]], 0);
      add(`8. Worker tensors after run ${runs}`, 'tensors', [counts[counts.length - 1]], 0);
      await context.close();
    }

    // 3. CSV ingest (app vs papaparse alone) and 4. image-folder ingest.
    log('csv ingest');
    await csvIngestFigure({ browser, origin, openApp, smoke, repeats, add, log });
    log('image ingest');
    await imageIngestFigure({ browser, openApp, smoke, repeats, add, log });

    // 7. Accuracy sanity: the quickstart MLP through the app on the full Fashion-MNIST CSV.
    log('accuracy sanity');
    try {
      const f = await accuracySanity({ browser, origin, smoke });
      add(`7. ${f.name}`, f.unit, f.samples, 4, { note: f.note });
    } catch (e) {
      add('7. Accuracy sanity: MLP on Fashion-MNIST t10k after 5 epochs', '', [], 0, {
        na: `n/a: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
      });
    }
    await browser.close();
  } finally {
    stopping = true;
    try {
      process.kill(-server.pid);
    } catch {
      // already gone
    }
  }

  const date = new Date().toISOString().slice(0, 10);
  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = sh(`${executablePath} --version`);
  } catch {
    // keep unknown
  }
  const results = {
    date,
    commit,
    smoke,
    environment: { ...environment, chromium: chromiumVersion, tfjs: '4.22.0' },
    figures,
  };
  const problems = validateResults(results);
  if (problems.length)
    throw new Error(`bench results do not match the schema: ${problems.join('; ')}`);
  console.log(`\n| figure | value | note |\n| --- | --- | --- |`);
  for (const f of figures) console.log(`| ${f.name} | ${f.display} | ${f.note ?? ''} |`);
  if (!smoke) {
    mkdirSync('bench/results', { recursive: true });
    const file = `bench/results/${date}-${commit}.json`;
    writeFileSync(file, JSON.stringify(results, null, 2));
    console.log(`\nWrote ${file}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
