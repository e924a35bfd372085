/**
 * The data path on WebGL (the device paths' backend; WASM and CPU take the CPU batch path):
 * a run whose prepared data is above the resident limit (lowered to 1 MB by a test hook)
 * streams its batches to the device and reaches the metrics of the same run kept resident.
 */
import { expect, test, type Page } from '@playwright/test';
import { openFresh, setSetting } from './helpers';

/** The stored data path and epoch metrics of a run, by name. */
const runOf = (page: Page, name: string) =>
  page.evaluate((n) => {
    const run = window.trainSmarter!.store.getState().runs.find((r) => r.name === n)!;
    return {
      path: run.dataPath?.kind ?? null,
      epochs: run.epochs.map((e) => [e.loss, e.valLoss, e.accuracy ?? null, e.valAccuracy ?? null]),
    };
  }, name);

test('a run above the resident limit streams and ends with the resident run’s metrics', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openFresh(page, '?testHooks=1');
  await page.getByLabel('Dataset').selectOption({ value: 'bundled:fashion-mnist' });
  await expect(page.getByTestId('dataset-name')).toHaveText(/fashion/i);
  // 400 images: 1.2 MB prepared (784 floats and a one-hot of 10 per row).
  const sample = page.getByLabel('Examples to use (empty: all)');
  await sample.fill('400');
  await sample.press('Enter');
  await expect(page.getByText('400', { exact: true }).first()).toBeVisible();
  await page.getByLabel('Model template').selectOption('mlp');
  await page.getByLabel('Backend').selectOption('webgl');
  await setSetting(page, 'Epochs', '2');
  await setSetting(page, 'Batch size', '32');
  const status = page.getByTestId('training-status');

  await page.getByRole('button', { name: 'Train' }).click();
  await expect(status).toContainText('Done', { timeout: 60_000 });
  await page.evaluate(() =>
    window.trainSmarter!.sendHook({ type: 'dataPath', residentLimitBytes: 2 ** 20 }),
  );
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(status).toContainText('Done', { timeout: 60_000 });

  const resident = await runOf(page, 'Run 1');
  const streamed = await runOf(page, 'Run 2');
  expect(resident.path).toBe('resident');
  expect(streamed.path).toBe('streaming');
  expect(resident.epochs).toHaveLength(2);
  expect(streamed.epochs).toEqual(resident.epochs);
});
