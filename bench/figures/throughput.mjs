// Figure 1: training throughput of the app against plain TF.js model.fit of the same
// model, backend, batch size and data, timed over `timed` batches after `warmup`.
import { summarize } from '../stats.mjs';
import { selectFashionMnist, setSetting, waitForRun } from './ui.mjs';

/** App throughput over `timed` batches after `warmup`, through the real UI path. */
async function appThroughput({ browser, openApp, warmup, timed }, model, backend, batchSize) {
  const { page, context } = await openApp(browser);
  try {
    await selectFashionMnist(page);
    await page.getByLabel('Model template').selectOption({ value: model });
    await page.getByLabel('Backend').selectOption({ value: backend });
    await setSetting(page, 'Batch size', String(batchSize));
    await setSetting(page, 'Epochs', '100');
    await page.getByRole('button', { name: 'Train' }).click();
    const need = warmup + timed;
    const s = await waitForRun(page, (st) => st && st.n >= need, 600_000);
    await page
      .getByRole('button', { name: 'Stop' })
      .click()
      .catch(() => {});
    if (!s || s.n < need)
      return { error: s?.error ?? `run ended (${s?.phase}) before ${need} batches` };
    if (s.backend?.name !== backend)
      return { error: `ran on ${s.backend?.name} instead (${s.backend?.reason})` };
    const dt = s.t[need - 1] - s.t[warmup - 1];
    return { samplesPerSec: (timed * batchSize * 1000) / dt, label: s.backend.label };
  } finally {
    await context.close();
  }
}

/** Plain model.fit in a worker of the reference page (bench/raw/). */
async function rawThroughput({ browser, origin, warmup, timed }, model, backend, batchSize) {
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
      { model, backend, batchSize, warmupBatches: warmup, timedBatches: timed },
    );
    if (r.error) return { error: r.error };
    if (r.ok.backend !== backend) return { error: `ran on ${r.ok.backend}` };
    return { samplesPerSec: r.ok.samplesPerSec };
  } finally {
    await context.close();
  }
}

/** The MLP and the small CNN on every backend (smoke: WASM only), app then plain, `repeats` times. */
export async function throughputFigure(ctx) {
  const { smoke, repeats, add, log } = ctx;
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
        const a = await appThroughput(ctx, model, backend, batch);
        const r = await rawThroughput(ctx, model, backend, batch);
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
}
