import { expect, test } from '@playwright/test';
import { openFresh, setSetting } from './helpers';

// WebGL here runs on SwiftShader (a software GPU): keep the CNN and the data tiny.
test('a tiny CNN trains one epoch with the backend pinned to WebGL', async ({ page }) => {
  await openFresh(page);
  await page.getByLabel('Dataset').selectOption({ value: 'bundled:fashion-mnist' });
  await expect(page.getByTestId('dataset-name')).toHaveText(/fashion/i);
  const sample = page.getByLabel('Examples to use (empty: all)');
  await sample.fill('200');
  await sample.press('Enter');
  await expect(page.getByText('200', { exact: true }).first()).toBeVisible();
  await page.getByLabel('Model template').selectOption({ value: 'cnn' });
  await expect(page.locator('[data-testid="layer-node"][data-layer-type="Conv2D"]')).toHaveCount(2);
  await page.getByLabel('Backend').selectOption({ value: 'webgl' });
  await setSetting(page, 'Epochs', '1');
  await setSetting(page, 'Batch size', '16');

  await page.getByRole('button', { name: 'Train' }).click();
  const status = page.getByTestId('training-status');
  await expect(status).toContainText('Done', { timeout: 85_000 });
  // The worker reports the backend it really used: a silent fallback fails here.
  await expect(page.getByTestId('backend-in-use')).toContainText(/^Backend: WebGL/);
  await expect(page.getByTestId('epoch-loss-chart')).toHaveAttribute('data-points', '1');
  const loss = Number(await page.getByTestId('metric-loss').textContent());
  expect(Number.isFinite(loss)).toBe(true);
});

test("the app's WebGL filter gradient equals a direct sum, strides 1 and 2, both paddings", async ({
  page,
}) => {
  await openFresh(page, '?testHooks=1');
  const check = await page.evaluate(() => window.trainSmarter!.convGradientCheck());
  expect(check.failure).toBeNull();
  expect(check.backend).toBe('webgl');
  // The app's kernel, not TF.js's own (which the check would pass too).
  expect(check.appKernel).toBe(true);
  expect(check.errors.length).toBe(5);
  for (const e of check.errors) expect(e.error, e.case).toBeLessThan(1e-4);
});
