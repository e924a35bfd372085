// Figure 2: main-thread responsiveness while training: long tasks and animation-frame
// intervals on the page while the app trains the MLP in its worker, next to a plain TF.js
// loop training on the main thread.
import { percentile } from '../stats.mjs';
import { selectFashionMnist, setSetting, waitForRun } from './ui.mjs';

/** Starts recording long tasks and frame intervals on the page's main thread. */
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

async function whileAppTrains({ browser, openApp }, ms) {
  const { page, context } = await openApp(browser);
  await selectFashionMnist(page);
  await page.getByLabel('Model template').selectOption({ value: 'mlp' });
  await setSetting(page, 'Epochs', '100');
  await page.getByRole('button', { name: 'Train' }).click();
  await waitForRun(page, (s) => s && s.n > 5, 120_000);
  await startResponsiveness(page);
  await page.waitForTimeout(ms);
  const app = await stopResponsiveness(page);
  await context.close();
  return app;
}

async function whilePlainLoopTrains({ browser, origin }, batches) {
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
    batches,
  );
  const raw = await stopResponsiveness(rawPage);
  await rawCtx.close();
  return raw;
}

export async function responsivenessFigure(ctx) {
  const { smoke, add } = ctx;
  const app = await whileAppTrains(ctx, smoke ? 2000 : 8000);
  const raw = await whilePlainLoopTrains(ctx, smoke ? 10 : 60);
  for (const [who, r] of [
    ['app (training in its worker)', app],
    ['plain TF.js loop on the main thread', raw],
  ]) {
    add(`2. Long tasks, ${who}`, 'count', [r.long.length], 0);
    add(`2. Longest task, ${who}`, 'ms', [r.long.length ? Math.max(...r.long) : 0], 0);
    add(`2. Frame interval p50, ${who}`, 'ms', [percentile(r.frames, 50)], 1);
    add(`2. Frame interval p95, ${who}`, 'ms', [percentile(r.frames, 95)], 1);
    add(`2. Frame interval max, ${who}`, 'ms', [r.frames.length ? Math.max(...r.frames) : NaN], 1);
  }
}
