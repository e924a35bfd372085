/**
 * Per-layer statistics: after a short run on the default data, the weight and activation
 * ridge plots show one row per epoch and the gradient norms chart is drawn.
 */
import { expect, test } from '@playwright/test';
import { openFresh, setSetting } from './helpers';

test('the ridge plots show one row per epoch after a 3-epoch run', async ({ page }) => {
  await openFresh(page);
  await page.getByLabel('Backend').selectOption({ value: 'wasm' });
  await setSetting(page, 'Epochs', '3');
  // Off by default (it costs 10-25% of a small epoch): the user switches it on.
  await page.getByLabel('Layer statistics', { exact: true }).check();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('training-status')).toContainText('Done', { timeout: 60_000 });

  for (const view of ['Weight histograms', 'Activation histograms']) {
    const rows = page.getByRole('figure', { name: view }).getByTestId('ridge-row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(2)).toHaveAttribute('data-epoch', '3');
  }
  await expect(
    page.getByRole('figure', { name: 'Gradient norms' }).locator('.recharts-line'),
  ).not.toHaveCount(0);
});
