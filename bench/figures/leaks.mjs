// Figure 8: leaks, the tensors the worker holds after 1 and after N consecutive runs
// (2-D set, 1 epoch each; N = 20, smoke 3).
import { setSetting, trainUntilDone } from './ui.mjs';

export async function leaksFigure({ browser, openApp, smoke, add }) {
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
