/**
 * Same seed, same run: a run stopped part-way and continued from its stored checkpoint
 * (weights and optimizer state, dropout seeded by step) draws exactly the curve of the run
 * that was never interrupted.
 */
import { expect, test, type Page } from '@playwright/test';
import { openFresh, setSetting } from './helpers';

const row = (page: Page, name: string) =>
  page.locator(`[data-testid="run-row"][data-run-name="${name}"]`);

/** The stored epoch metrics of a run, by name. */
const epochsOf = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      window
        .trainSmarter!.store.getState()
        .runs.find((r) => r.name === n)!
        .epochs.map((e) => [e.epoch, e.loss, e.valLoss, e.accuracy ?? null, e.valAccuracy ?? null]),
    name,
  );

test('a stopped run continued from its checkpoint ends on the uninterrupted run’s curve', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openFresh(page, '?testHooks=1');
  await page.getByLabel('Backend').selectOption('wasm');
  // The Keras quickstart MLP: Adam with Dropout, whose masks must repeat exactly.
  await page.getByLabel('Model template').selectOption('mlp');
  await setSetting(page, 'Epochs', '12');
  await setSetting(page, 'Batch size', '4');
  const status = page.getByTestId('training-status');

  await page.getByRole('button', { name: 'Train' }).click();
  await expect(status).toContainText('Done', { timeout: 60_000 });
  await expect(row(page, 'Run 1')).toHaveAttribute('data-epochs', '12');

  await page.getByRole('button', { name: 'Train' }).click();
  await expect(status).toContainText(/Epoch [3-9]\/12/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(status).toContainText(/Stopped at epoch \d+\/12/);
  const run2 = row(page, 'Run 2');
  await expect(run2).toHaveAttribute('data-status', 'stopped');
  const kept = Number(await run2.getAttribute('data-weights-epoch'));
  expect(kept).toBeGreaterThanOrEqual(2);
  expect(kept).toBeLessThan(12);

  await run2.getByRole('button', { name: 'Continue' }).click();
  await expect(status).toContainText('Done', { timeout: 60_000 });
  await expect(run2).toHaveAttribute('data-epochs', '12');

  const uninterrupted = await epochsOf(page, 'Run 1');
  const continued = await epochsOf(page, 'Run 2');
  expect(continued).toHaveLength(12);
  // Bit for bit: the same losses and accuracies at every epoch, before and after the stop.
  expect(continued).toEqual(uninterrupted);
});
