import { expect, test } from '@playwright/test';
import { openFresh, setSetting } from './helpers';

test('the worker holds no more tensors after runs 2 and 5 than after run 1', async ({ page }) => {
  await openFresh(page);
  await setSetting(page, 'Epochs', '2');
  const status = page.getByTestId('training-status');
  const counts: number[] = [];
  for (let run = 1; run <= 5; run++) {
    await page.getByRole('button', { name: 'Train' }).click();
    await expect(status).toContainText('Done');
    // The worker reports tf.memory() after each run; wait for this run's report.
    await expect
      .poll(async () => page.getByTestId('worker-tensors').getAttribute('data-report'))
      .toBe(String(run));
    counts.push(Number(await page.getByTestId('worker-tensors').textContent()));
  }
  expect(counts.every((c) => Number.isInteger(c) && c >= 0)).toBe(true);
  expect(counts[1]).toBe(counts[0]);
  expect(counts[4]).toBe(counts[0]);
});

test('a model too large for memory is refused before training, with the figure and a fix', async ({
  page,
}) => {
  await openFresh(page);
  for (const id of ['dense_1', 'dense_2']) {
    await page.locator(`[data-testid="layer-node"][data-node-id="${id}"]`).click();
    await page
      .getByRole('region', { name: 'Layer inspector' })
      .getByLabel('Units', { exact: true })
      .fill('65536');
  }
  await expect(page.getByRole('button', { name: 'Train' })).toBeDisabled();
  await expect(page.getByText(/Train is disabled:.*\d+(\.\d+)? ?[GM]B/)).toBeVisible();
  await expect(page.getByText(/Train is disabled:.*(batch size|units|smaller)/i)).toBeVisible();
});
