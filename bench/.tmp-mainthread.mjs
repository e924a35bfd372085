// Main-thread utilisation of the app page while it trains the MLP on wasm.
import { chromium } from 'playwright';
import { spawn } from 'node:child_process';
const port = 4455;
const srv = spawn(
  'npx',
  process.env.DEV
    ? ['vite', '--port', String(port), '--strictPort']
    : ['vite', 'preview', '--outDir', '.bench-build', '--port', String(port), '--strictPort'],
  { stdio: 'ignore' },
);
await new Promise((r) => setTimeout(r, process.env.DEV ? 8000 : 3000));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--enable-unsafe-webgpu'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/?testHooks=1`);
  await page.getByTestId('dataset-name').waitFor({ timeout: 60000 });
  await page.getByLabel('Dataset').selectOption({ value: 'bundled:fashion-mnist' });
  await page.waitForTimeout(3000);
  await page.getByLabel('Model template').selectOption({ value: 'mlp' });
  await page.getByLabel('Backend').selectOption({ value: process.argv[2] ?? 'wasm' });
  const b = page.getByLabel('Batch size', { exact: true });
  await b.fill('128');
  await b.blur();
  const e = page.getByLabel('Epochs', { exact: true });
  await e.fill('100');
  await e.blur();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.getByRole('button', { name: 'Train' }).click();
  await page.waitForTimeout(5000);
  const m0 = Object.fromEntries(
    (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
  );
  const t0 = Date.now();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  await page.waitForTimeout(10000);
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
  for (const [id, us] of counts) {
    const n = byId.get(id);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + us);
  }
  [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .forEach(([k, us]) => console.log((us / 1000).toFixed(0).padStart(6), 'ms', k));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const callers = new Map();
  for (const [id, us] of counts) {
    const n = byId.get(id);
    if (!/createElement|jsxDEV/.test(n.callFrame.functionName)) continue;
    let p = parent.get(id);
    const chain = [];
    while (p !== undefined && chain.length < 3) {
      const pn = byId.get(p);
      if (!/createElement|jsxDEV|ReactElement/.test(pn.callFrame.functionName))
        chain.push(
          `${pn.callFrame.functionName}@${pn.callFrame.url.split('/').pop().split('?')[0]}:${pn.callFrame.lineNumber}`,
        );
      p = parent.get(p);
    }
    const key = chain.join(' < ');
    callers.set(key, (callers.get(key) ?? 0) + us);
  }
  console.log('--- createElement callers');
  [...callers.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .forEach(([k, us]) => console.log((us / 1000).toFixed(0).padStart(6), 'ms', k));
  const m1 = Object.fromEntries(
    (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
  );
  const wall = (Date.now() - t0) / 1000;
  for (const k of ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'])
    console.log(k, (((m1[k] - m0[k]) / wall) * 100).toFixed(1) + '% of wall');
  console.log(
    'LayoutCount',
    m1.LayoutCount - m0.LayoutCount,
    'RecalcStyleCount',
    m1.RecalcStyleCount - m0.RecalcStyleCount,
  );
} finally {
  await browser.close();
  srv.kill();
}
