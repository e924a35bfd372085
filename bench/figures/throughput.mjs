// Figure 1: training throughput of the app against plain TF.js model.fit of the same
// model, backend, batch size and data, timed over `timed` batches after `warmup`.
import { epochWindow } from '../stats.mjs';
import { selectFashionMnist, setSetting, useTemplate, waitForRun } from './ui.mjs';

/**
 * App throughput through the real UI path, over whole epochs after epoch 2 when
 * `minWindowMs` is set (stats.mjs `epochWindow`), else over `timed` batches after `warmup`;
 * with `layerStats: true` the "Layer statistics" setting (off by default) is switched on first.
 */
async function appThroughput(
  { browser, openApp, warmup, timed, minWindowMs },
  model,
  backend,
  batchSize,
  { layerStats = false } = {},
) {
  const { page, context } = await openApp(browser);
  try {
    await selectFashionMnist(page);
    if (model === 'convnet') {
      // The gallery's committed mnist_convnet, its augmentation off: plain fit has none.
      await useTemplate(page, 'image');
      const augmentation = page.locator('details.augmentation');
      await augmentation.getByText('Augmentation (training batches only)').click();
      for (const field of [/^Rotation/, /^Shift/, /^Zoom/])
        await augmentation.getByLabel(field).fill('0');
    } else {
      await page.getByLabel('Model template').selectOption({ value: model });
    }
    await page.getByLabel('Backend').selectOption({ value: backend });
    await setSetting(page, 'Batch size', String(batchSize));
    await setSetting(page, 'Epochs', '100');
    if (layerStats) await page.getByLabel('Layer statistics', { exact: true }).check();
    await page.getByRole('button', { name: 'Train' }).click();
    const need = warmup + timed;
    const window = (st) =>
      st?.trainRows ? epochWindow(st.t, st.trainRows, batchSize, minWindowMs) : null;
    const done = (st) => st && (minWindowMs === undefined ? st.n >= need : window(st) !== null);
    const s = await waitForRun(page, done, 900_000, 1_000);
    await page
      .getByRole('button', { name: 'Stop' })
      .click()
      .catch(() => {});
    if (!done(s)) return { error: s?.error ?? `run ended (${s?.phase}) before its timed batches` };
    if (s.backend?.name !== backend)
      return { error: `ran on ${s.backend?.name} instead (${s.backend?.reason})` };
    if (process.env.BENCH_BATCH_TIMES) {
      const gaps = s.t.slice(1).map((t, i) => Math.round(t - s.t[i]));
      console.log(`[bench] app ${model} ${backend} batch gaps (ms): ${gaps.join(' ')}`);
      if (minWindowMs !== undefined)
        console.log(`[bench] app window: ${JSON.stringify(window(s))}`);
    }
    const samplesPerSec =
      minWindowMs === undefined
        ? (timed * batchSize * 1000) / (s.t[need - 1] - s.t[warmup - 1])
        : window(s).samplesPerSec;
    return { samplesPerSec, label: s.backend.label };
  } finally {
    await context.close();
  }
}

/**
 * The app's loop alone in a worker of the reference page (bench/raw/loopTrain.ts), with
 * the per-layer statistics on: its speed, and on WebGL the programs compiled by batch 5
 * and after epoch 1 (from the first batch of epoch 2, whose figure includes epoch 1's
 * validation and statistics, to the last; on WebGL the run goes on into epoch 2 for it).
 */
async function loopAlone(ctx, model, backend, batchSize, layerStats = true) {
  const res = await inReferencePage(ctx, 'loopInWorker', model, backend, batchSize, {
    throughEpoch2: backend === 'webgl',
    layerStats,
  });
  if (res.error) return res;
  const r = res.ok;
  if (process.env.BENCH_BATCH_TIMES) {
    const t = r.batchEndTimes;
    const gaps = t.slice(1).map((x, i) => Math.round(x - t[i]));
    console.log(`[bench] loop alone ${model} ${backend}: ${Math.round(r.samplesPerSec)} samples/s`);
    console.log(`[bench]   gaps (ms): ${gaps.join(' ')}`);
    console.log(`[bench]   programs: ${r.programs.join(' ')}`);
  }
  const epoch2 = r.epochs.indexOf(2);
  const programs =
    r.programs[0] === null
      ? null
      : {
          byBatch5: r.programs[4],
          afterEpoch1: epoch2 < 0 ? null : r.programs.at(-1) - r.programs[epoch2],
        };
  return { samplesPerSec: r.samplesPerSec, programs };
}

/** Plain model.fit in a worker of the reference page (bench/raw/). */
async function rawThroughput(ctx, model, backend, batchSize) {
  const r = await inReferencePage(ctx, 'inWorker', model, backend, batchSize);
  if (r.error) return { error: r.error };
  if (r.ok.backend !== backend) return { error: `ran on ${r.ok.backend}` };
  if (process.env.BENCH_BATCH_TIMES) {
    const t = r.ok.batchEndTimes;
    const gaps = t.slice(1).map((x, i) => Math.round(x - t[i]));
    console.log(`[bench] plain ${model} ${backend} batch gaps (ms): ${gaps.join(' ')}`);
    if (r.ok.window) console.log(`[bench] plain window: ${JSON.stringify(r.ok.window)}`);
  }
  return { samplesPerSec: r.ok.samplesPerSec };
}

/**
 * Runs `rawBench[fn]` on the figure's model, backend, batch size and timed window (plus
 * `extra`) in a fresh context of the reference page (bench/raw/): `{ ok: result }` or
 * `{ error: message }`.
 */
async function inReferencePage(
  { browser, origin, warmup, timed, minWindowMs },
  fn,
  model,
  backend,
  batchSize,
  extra = {},
) {
  const req = {
    model,
    backend,
    batchSize,
    warmupBatches: warmup,
    timedBatches: timed,
    minWindowMs,
    ...extra,
  };
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/bench/raw/index.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    return await page.evaluate(
      ([name, request]) =>
        window.rawBench[name](request).then(
          (x) => ({ ok: x }),
          (e) => ({ error: String(e.message ?? e) }),
        ),
      [fn, req],
    );
  } finally {
    await context.close();
  }
}

/** A comma-separated list from the environment, or every value when unset. */
function listFromEnv(name, all) {
  const v = process.env[name];
  return v ? all.filter((x) => v.split(',').includes(x)) : all;
}

/**
 * The MLP and the small CNN on every backend (smoke: WASM only), app then plain, `repeats`
 * times. BENCH_MODELS (mlp,cnn) and BENCH_BACKENDS (webgl,wasm,cpu) narrow it while
 * investigating; BENCH_BATCH_TIMES=1 logs the app's gaps between batch ends;
 * BENCH_APP_SIDE=loop pairs the app's loop alone (no UI, layer statistics off) with plain
 * instead of the app, to tell the loop's cost from the page's.
 */
export async function throughputFigure(ctx) {
  const appSide = process.env.BENCH_APP_SIDE === 'loop' ? 'loop' : 'app';
  const { smoke, repeats, add, log } = ctx;
  const combos = [
    { model: 'mlp', batch: 128 },
    { model: 'cnn', batch: smoke ? 8 : 16 },
    // keras.io's mnist_convnet costs ~15 MFLOP a sample. An epoch takes about 3 s on WASM
    // but a minute on WebGL and over 3 on CPU: there it is timed over 8 batches after 2
    // (each batch takes seconds, so the window is long), 3 pairs like every figure (one
    // pair, which took 5 minutes less, was inside this machine's noise).
    {
      model: 'convnet',
      batch: smoke ? 8 : 128,
      warmup: 2,
      timed: smoke ? 2 : 8,
      epochWindowOn: smoke ? [] : ['wasm'],
    },
  ].filter((c) => listFromEnv('BENCH_MODELS', ['mlp', 'cnn', 'convnet']).includes(c.model));
  for (const combo of combos) {
    const { model, batch } = combo;
    for (const backend of listFromEnv('BENCH_BACKENDS', ['webgl', 'wasm', 'cpu'])) {
      const byEpochs = (combo.epochWindowOn ?? [backend]).includes(backend);
      const runCtx = {
        ...ctx,
        warmup: smoke ? ctx.warmup : (combo.warmup ?? ctx.warmup),
        timed: combo.timed ?? ctx.timed,
        // Whole epochs after epoch 2, at least 5 s of them (smoke: one epoch).
        minWindowMs: byEpochs ? (smoke ? 0 : 5_000) : undefined,
      };
      if (smoke && backend !== 'wasm') continue;
      const runs = repeats;
      log(`throughput ${model} ${backend}`);
      const app = [];
      const raw = [];
      // Issue 14's cost of the per-layer statistics: the MLP again with them off.
      const statsCost = model === 'mlp' && backend !== 'cpu' ? [] : null;
      let na = null;
      const ratios = [];
      for (let i = 0; i < runs && !na; i++) {
        // App and plain back to back, in turns first, so a drift of the machine's speed
        // over the figure (seen here: +20% over a minute) falls on both sides alike.
        const appRun = () =>
          appSide === 'loop'
            ? loopAlone(runCtx, model, backend, batch, false)
            : appThroughput(runCtx, model, backend, batch);
        const rawRun = () => rawThroughput(runCtx, model, backend, batch);
        let a;
        let r;
        if (i % 2 === 0) {
          a = await appRun();
          r = await rawRun();
        } else {
          r = await rawRun();
          a = await appRun();
        }
        if (statsCost && !a.error) {
          const on = await appThroughput(runCtx, model, backend, batch, { layerStats: true });
          if (!on.error) statsCost.push(100 * (1 - on.samplesPerSec / a.samplesPerSec));
        }
        if (a.error) na = `n/a: app: ${a.error}`;
        else if (r.error) na = `n/a: plain TF.js: ${r.error}`;
        else {
          app.push(a.samplesPerSec);
          raw.push(r.samplesPerSec);
          ratios.push(a.samplesPerSec / r.samplesPerSec);
        }
      }
      const label = model === 'convnet' ? 'mnist_convnet' : model.toUpperCase();
      const name = `1. Throughput ${label} on ${backend}, batch ${batch}`;
      const loop = na ? null : await loopAlone(runCtx, model, backend, batch);
      if (loop && !loop.error)
        add(
          `${name}: the app's loop alone (no UI), layer statistics on`,
          'samples/s',
          [loop.samplesPerSec],
          0,
        );
      if (loop?.programs) {
        add(`${name}: WebGL programs compiled by batch 5`, '', [loop.programs.byBatch5], 0);
        add(
          `${name}: new WebGL programs after epoch 1 (target 0)`,
          '',
          [loop.programs.afterEpoch1],
          0,
        );
      }
      if (na) add(name, 'samples/s', [], 0, { na });
      else {
        add(`${name}: app`, 'samples/s', app, 0);
        add(`${name}: plain TF.js model.fit`, 'samples/s', raw, 0);
        // The median of the back-to-back pairs' ratios.
        add(`${name}: app / plain`, '', ratios, 2);
        if (statsCost?.length)
          add(`${name}: cost of layer statistics (app with them on vs off)`, '%', statsCost, 1);
      }
    }
  }
}
