// The default 2-D set: time from pressing Train on a fresh workspace (circles, default MLP,
// auto backend) to the first epoch above 90% validation accuracy.
import { setSetting, trainUntilDone } from './ui.mjs';

/** Adds the figure; returns what the auto backend's label says about WASM, for the environment. */
export async function convergenceFigure({ browser, openApp, smoke, repeats, add }) {
  const to90 = [];
  let autoLabel = '';
  for (let i = 0; i < repeats; i++) {
    const { page, context } = await openApp(browser);
    if (smoke) await setSetting(page, 'Epochs', '3');
    const r = await trainUntilDone(page, { threshold: 0.9 });
    to90.push(r.reachedMs === null ? NaN : r.reachedMs / 1000);
    autoLabel = (await page.getByTestId('backend-in-use').textContent()) ?? '';
    await context.close();
  }
  add(
    'Default 2-D set (circles, 400 points, default MLP): time from Train to > 90% validation accuracy',
    's',
    to90,
    2,
    { note: autoLabel },
  );
  // The auto backend's label names the WASM features in use: "WASM (SIMD, single-threaded)".
  return {
    autoBackend: autoLabel,
    wasmSimd: /SIMD/.test(autoLabel),
    wasmThreads: Number(/(\d+) threads/.exec(autoLabel)?.[1] ?? 1),
  };
}
