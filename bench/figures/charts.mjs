// Figure 6: chart cost, the time from putting 10,000 batch points in the store to the
// second animation frame after.
import { setSetting, trainUntilDone } from './ui.mjs';

export async function chartsFigure({ browser, openApp, repeats, add }) {
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
