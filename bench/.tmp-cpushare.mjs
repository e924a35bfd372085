// CPU time per Chromium process/thread while the app trains the MLP (argv[2] backend).
import { chromium } from 'playwright';
import { spawn, execSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
const port = 4455;
const srv = spawn(
  'npx',
  ['vite', 'preview', '--outDir', '.bench-build', '--port', String(port), '--strictPort'],
  { stdio: 'ignore' },
);
await new Promise((r) => setTimeout(r, 3000));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});
function snap() {
  const out = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmd;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!/chrom/.test(cmd)) continue;
    const type = (cmd.match(/--type=([a-z-]+)/) ?? [, 'browser'])[1];
    let tasks;
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        const st = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8');
        const comm = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')'));
        const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
        const ticks = Number(f[11]) + Number(f[12]);
        const key = process.env.PER_THREAD
          ? `${type}/${comm}/${t}`
          : `${type}/${comm.replace(/\d+$/, '#')}`;
        out.set(`${pid}/${t}`, { key, ticks });
      } catch {}
    }
  }
  return out;
}
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (process.env.RAW) {
    await page.goto(`http://127.0.0.1:${port}/bench/raw/index.html`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const fn = process.env.RAW === 'loop' ? 'loopInWorker' : 'inWorker';
    void page
      .evaluate(
        ([fn, req]) => window.rawBench[fn](req),
        [
          fn,
          {
            model: process.argv[3] ?? 'mlp',
            backend: process.argv[2] ?? 'wasm',
            batchSize: Number(process.argv[4] ?? 128),
            warmupBatches: 5,
            timedBatches: 2000,
          },
        ],
      )
      .catch(() => {});
  } else {
    await page.goto(`http://127.0.0.1:${port}/?testHooks=1`);
    await page.getByTestId('dataset-name').waitFor({ timeout: 60000 });
    await page.getByLabel('Dataset').selectOption({ value: 'bundled:fashion-mnist' });
    await page.waitForTimeout(3000);
    await page.getByLabel('Model template').selectOption({ value: process.argv[3] ?? 'mlp' });
    await page.getByLabel('Backend').selectOption({ value: process.argv[2] ?? 'wasm' });
    const b = page.getByLabel('Batch size', { exact: true });
    await b.fill(process.argv[4] ?? '128');
    await b.blur();
    const e = page.getByLabel('Epochs', { exact: true });
    await e.fill('100');
    await e.blur();
    await page.getByRole('button', { name: 'Train' }).click();
  }
  await page.waitForTimeout(5000);
  const a = snap();
  const t0 = Date.now();
  await page.waitForTimeout(10000);
  const z = snap();
  const wall = (Date.now() - t0) / 1000;
  const agg = new Map();
  for (const [id, v] of z) {
    const d = v.ticks - (a.get(id)?.ticks ?? 0);
    agg.set(v.key, (agg.get(v.key) ?? 0) + d);
  }
  const hz = 100;
  let total = 0;
  [...agg.entries()]
    .sort((x, y) => y[1] - x[1])
    .filter(([, d]) => d > 0)
    .forEach(([k, d]) => {
      total += d;
      console.log(((d / hz / wall) * 100).toFixed(1).padStart(6) + '%', k);
    });
  console.log('total', ((total / hz / wall) * 100).toFixed(1) + '% of one core');
  const n = await page.evaluate(() => window.__trainSmarter?.run?.()?.n ?? null).catch(() => null);
  console.log('batches', n);
} finally {
  await browser.close();
  srv.kill();
}
