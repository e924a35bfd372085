#!/usr/bin/env node
// `npm run bench [-- --smoke]`: builds the app, serves it on 127.0.0.1, drives headless
// Chromium through the real UI and prints a markdown table of figures. Raw figures are
// written to bench/results/<date>-<commit>.json. See bench/README.md.
import { spawn, execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { summarize, formatSummary, validateResults } from './stats.mjs';

const smoke = process.argv.includes('--smoke');
const repeats = smoke ? 1 : 3;
const port = 4391;
const origin = `http://127.0.0.1:${port}`;
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function sh(cmd) {
  return execSync(cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

async function waitForServer(url, ms = 60_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not start`);
}

async function freshPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const jsBytes = { raw: 0, gzip: 0 };
  page.on('response', async (res) => {
    const url = res.url();
    if (!url.startsWith(origin) || !/\.m?js($|\?)/.test(url)) return;
    try {
      const body = await res.body();
      jsBytes.raw += body.length;
      jsBytes.gzip += gzipSync(body).length;
    } catch {
      // worker scripts may not expose bodies
    }
  });
  await page.goto(origin);
  await page.getByTestId('dataset-name').waitFor({ timeout: 60_000 });
  return { page, context, jsBytes };
}

async function setSetting(page, label, value) {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.blur();
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
    if (/^(Done|Stopped|Failed)/.test(status)) {
      return { status, totalMs: Date.now() - t0, reachedMs: reachedAt, valAccuracy: acc };
    }
    await page.waitForTimeout(50);
  }
}

async function main() {
  const commit = (() => {
    try {
      return sh('git rev-parse --short HEAD');
    } catch {
      return 'unknown';
    }
  })();
  if (!process.argv.includes('--no-build')) {
    console.error('Building…');
    execSync('npx vite build', { stdio: 'inherit' });
  }
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  const figures = [];
  let environment = {};
  try {
    await waitForServer(origin);
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
    const add = (name, unit, samples, digits = 1, extra = {}) => {
      const summary = summarize(samples);
      figures.push({
        name,
        unit,
        samples,
        summary,
        display: formatSummary(summary, digits, unit ? ` ${unit}` : ''),
        ...extra,
      });
    };

    // 5. Start-up: JS bytes before the first interaction and time to an interactive editor.
    const startMs = [];
    const gz = [];
    for (let i = 0; i < repeats; i++) {
      const { page, context, jsBytes } = await freshPage(browser);
      const mark = await page.evaluate(
        () => performance.getEntriesByName('editor-interactive')[0]?.startTime ?? NaN,
      );
      startMs.push(mark);
      gz.push(jsBytes.gzip / 1024);
      if (i === 0) {
        environment = await page.evaluate(() => ({
          userAgent: navigator.userAgent,
          crossOriginIsolated: self.crossOriginIsolated,
          hardwareConcurrency: navigator.hardwareConcurrency,
        }));
      }
      await context.close();
    }
    add('Start-up: time to interactive editor', 'ms', startMs, 0);
    add('Start-up: JavaScript loaded (gzip)', 'KiB', gz, 0);

    // Default 2-D dataset: time to > 90% validation accuracy with the default MLP.
    const to90 = [];
    const total = [];
    let backend = '';
    for (let i = 0; i < repeats; i++) {
      const { page, context } = await freshPage(browser);
      if (smoke) await setSetting(page, 'Epochs', '3');
      const r = await trainUntilDone(page, { threshold: 0.9 });
      to90.push(r.reachedMs === null ? NaN : r.reachedMs / 1000);
      total.push(r.totalMs / 1000);
      backend = (await page.getByTestId('backend-in-use').textContent()) ?? '';
      await context.close();
    }
    add('Default 2-D set (circles, 400 points): time to > 90% validation accuracy', 's', to90, 2, {
      backend,
    });
    add('Default 2-D set: whole run (30 epochs) wall time', 's', total, 2);

    // 8. Leaks: tensors held by the worker after 1 and after N consecutive runs.
    {
      const { page, context } = await freshPage(browser);
      await setSetting(page, 'Epochs', '1');
      const runs = smoke ? 3 : 20;
      const counts = [];
      for (let i = 0; i < runs; i++) {
        await trainUntilDone(page);
        await page.waitForFunction(
          (n) => document.querySelector('[data-testid="worker-tensors"]') !== null && n >= 0,
          i,
        );
        counts.push(Number(await page.getByTestId('worker-tensors').textContent()));
      }
      add(`Worker tensors after run 1`, 'tensors', [counts[0]], 0);
      add(`Worker tensors after run ${runs}`, 'tensors', [counts[counts.length - 1]], 0);
      await context.close();
    }
    await browser.close();
  } finally {
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
  console.log(`\n| figure | value |\n| --- | --- |`);
  for (const f of figures)
    console.log(`| ${f.name} | ${f.display}${f.backend ? ` (${f.backend})` : ''} |`);
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
