#!/usr/bin/env node
// `npm run bench [-- --smoke]`: builds the app (plus a plain TF.js reference page), serves it
// on 127.0.0.1, drives headless Chromium through the real UI and prints a markdown table.
// Raw figures go to bench/results/<date>-<commit>.json. See bench/README.md. Each figure
// is one module under bench/figures/; this file only builds, serves and orchestrates.
import { spawn, execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { summarize, formatSummary, validateResults } from './stats.mjs';
import { appOpener } from './figures/ui.mjs';
import { startupFigure } from './figures/startup.mjs';
import { convergenceFigure } from './figures/convergence.mjs';
import { throughputFigure } from './figures/throughput.mjs';
import { responsivenessFigure } from './figures/responsiveness.mjs';
import { chartsFigure } from './figures/charts.mjs';
import { leaksFigure } from './figures/leaks.mjs';
import { csvIngestFigure, imageIngestFigure } from './figures/ingest.mjs';
import { accuracyFigure } from './figures/accuracy.mjs';

const smoke = process.argv.includes('--smoke');
// `--only=throughput,accuracy`: just those figures (a partial result file says which).
const FIGURE_NAMES = [
  'startup',
  'convergence',
  'throughput',
  'responsiveness',
  'charts',
  'leaks',
  'csv',
  'images',
  'accuracy',
];
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg ? onlyArg.slice('--only='.length).split(',') : null;
const unknownFigures = (only ?? []).filter((n) => !FIGURE_NAMES.includes(n));
if (unknownFigures.length) {
  console.error(`Unknown figure ${unknownFigures.join(', ')}; known: ${FIGURE_NAMES.join(', ')}`);
  process.exit(2);
}
const wanted = (name) => only === null || only.includes(name);
// BENCH_REPEATS overrides the 3 repeats while investigating.
const repeats = smoke ? 1 : Number(process.env.BENCH_REPEATS ?? 3);
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

/** Builds (unless --no-build) and serves the bench build; resolves once it answers. */
async function startServer() {
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
  let serverExit = null;
  let stopping = false;
  server.on('exit', (code, signal) => {
    serverExit = code ?? signal;
    if (!stopping) log(`vite preview exited (${serverExit})`);
  });
  const stop = () => {
    stopping = true;
    try {
      process.kill(-server.pid);
    } catch {
      // already gone
    }
  };
  try {
    await waitForServer(origin);
    // Another server on the port answered (ours exits with --strictPort): not what we built.
    await new Promise((r) => setTimeout(r, 500));
    if (serverExit !== null)
      throw new Error(`vite preview exited (code ${serverExit}): is port ${port} in use?`);
  } catch (e) {
    stop();
    throw e;
  }
  return { stop };
}

/** The machine as the app's worker reports it. */
async function readEnvironment(browser, openApp) {
  const { page, context } = await openApp(browser);
  const environment = await page.evaluate(async () => {
    const s = window.trainSmarter.store.getState();
    return {
      userAgent: navigator.userAgent,
      crossOriginIsolated: self.crossOriginIsolated,
      hardwareConcurrency: navigator.hardwareConcurrency,
      webglRenderer: s.workerReady?.webglRenderer ?? null,
    };
  });
  await context.close();
  return environment;
}

/** Checks the results against the schema, prints the table and (unless smoke) writes the file. */
function report(results) {
  const problems = validateResults(results);
  if (problems.length)
    throw new Error(`bench results do not match the schema: ${problems.join('; ')}`);
  console.log(`\n| figure | value | note |\n| --- | --- | --- |`);
  for (const f of results.figures) console.log(`| ${f.name} | ${f.display} | ${f.note ?? ''} |`);
  if (!smoke) {
    mkdirSync('bench/results', { recursive: true });
    // A run that paired the app's loop alone (BENCH_APP_SIDE=loop) says so in its name.
    const side = process.env.BENCH_APP_SIDE === 'loop' ? '-loop-side' : '';
    const part = `${only ? `-only-${only.join('-')}` : ''}${side}`;
    const file = `bench/results/${results.date}-${results.commit}${part}.json`;
    writeFileSync(file, JSON.stringify(results, null, 2));
    console.log(`\nWrote ${file}`);
  }
}

async function main() {
  let commit = 'unknown';
  try {
    commit = sh('git rev-parse --short HEAD') + (sh('git status --porcelain') ? '-dirty' : '');
  } catch {
    // not a git checkout
  }
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
  const server = await startServer();
  try {
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
    const openApp = appOpener(origin);
    // What every figure module gets: the browser, the app and the run's sizes.
    const ctx = {
      browser,
      origin,
      openApp,
      smoke,
      repeats,
      warmup: smoke ? 2 : 5,
      timed: smoke ? 4 : 50,
      add,
      log,
    };
    environment = await readEnvironment(browser, openApp);
    if (wanted('startup')) {
      log('start-up');
      await startupFigure(ctx);
    }
    if (wanted('convergence')) {
      log('default 2-D set');
      Object.assign(environment, await convergenceFigure(ctx));
    }
    if (wanted('throughput')) await throughputFigure(ctx);
    if (wanted('responsiveness')) {
      log('responsiveness');
      await responsivenessFigure(ctx);
    }
    if (wanted('charts')) {
      log('charts');
      await chartsFigure(ctx);
    }
    if (wanted('leaks')) {
      log('leaks');
      await leaksFigure(ctx);
    }
    if (wanted('csv')) {
      log('csv ingest');
      await csvIngestFigure(ctx);
    }
    if (wanted('images')) {
      log('image ingest');
      await imageIngestFigure(ctx);
    }
    if (wanted('accuracy')) {
      log('accuracy sanity');
      await accuracyFigure(ctx);
    }
    await browser.close();
  } finally {
    server.stop();
  }

  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = sh(`${executablePath} --version`);
  } catch {
    // keep unknown
  }
  report({
    date: new Date().toISOString().slice(0, 10),
    commit,
    smoke,
    ...(only ? { only } : {}),
    environment: { ...environment, chromium: chromiumVersion, tfjs: '4.22.0' },
    figures,
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
