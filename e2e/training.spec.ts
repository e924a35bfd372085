import { expect, test } from '@playwright/test';
import { metric, openFresh, setSetting } from './helpers';

test.describe('training on a built-in 2-D dataset', () => {
  test('trains the default model to over 90% validation accuracy, with live charts', async ({
    page,
  }) => {
    await openFresh(page);
    await expect(page.getByTestId('dataset-name')).toHaveText(/circles/i);
    await setSetting(page, 'Epochs', '25');
    const status = page.getByTestId('training-status');
    await page.getByRole('button', { name: 'Train' }).click();
    await expect(status).toContainText(/Epoch \d+\/25/);
    await expect(status).toContainText('Done', { timeout: 80_000 });

    const valAcc = await metric(page, 'metric-val-accuracy');
    expect(valAcc).toBeGreaterThan(0.9);
    expect(await metric(page, 'metric-loss')).toBeGreaterThanOrEqual(0);
    // The epoch chart has one point per finished epoch.
    await expect(page.getByTestId('epoch-loss-chart')).toHaveAttribute('data-points', '25');
    await expect(
      page.getByTestId('epoch-loss-chart').locator('.recharts-line-dots').first().locator('circle'),
    ).toHaveCount(25);
    // The decision boundary was drawn from the worker's grid.
    await expect(page.getByTestId('decision-boundary')).toHaveAttribute('data-has-grid', 'true');
    // The backend in use is shown with its reason.
    await expect(page.getByTestId('backend-in-use')).toContainText(/wasm|webgl|cpu/i);
    // The test split was evaluated.
    expect(Number(await page.getByTestId('test-accuracy').textContent())).toBeGreaterThan(0.8);
  });

  test('Stop ends a run early and a new run can start', async ({ page }) => {
    await openFresh(page, '?testHooks=1');
    // The default run finishes in a second or two on WASM: make it long enough to stop.
    const points = page.getByLabel('Points', { exact: true });
    await points.fill('5000');
    await points.press('Enter');
    await expect(page.getByText('5,000', { exact: true })).toBeVisible();
    await setSetting(page, 'Batch size', '8');
    await setSetting(page, 'Epochs', '500');
    const status = page.getByTestId('training-status');
    await page.getByRole('button', { name: 'Train' }).click();
    await expect(status).toContainText(/Epoch [3-9]\d*\/500/);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(status).toContainText('Paused');
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(status).toContainText(/Epoch \d+\/500/);
    // The batch-loss chart is drawn while the run trains (twice a second at most).
    const batchChart = page.getByTestId('batch-loss-chart');
    await expect(batchChart).not.toHaveAttribute('data-points', '0');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(status).toContainText(/Stopped at epoch \d+\/500/);
    // Once it has stopped, the chart shows every batch the run recorded.
    const recorded = await page.evaluate(
      () => window.trainSmarter!.store.getState().run!.record.batches.length,
    );
    expect(recorded).toBeGreaterThan(0);
    await expect(batchChart).toHaveAttribute('data-points', String(recorded));
    const k = Number((await status.textContent())!.match(/Stopped at epoch (\d+)\/500/)![1]);
    expect(k).toBeGreaterThanOrEqual(1);
    expect(k).toBeLessThan(500);

    const train = page.getByRole('button', { name: 'Train' });
    await expect(train).toBeEnabled();
    await setSetting(page, 'Epochs', '2');
    await train.click();
    await expect(status).toContainText('Done');
    await expect(page.getByTestId('epoch-loss-chart')).toHaveAttribute('data-points', '2');
  });

  test('the workspace survives a reload', async ({ page }) => {
    await openFresh(page, '?testHooks=1');
    await page.getByLabel('Dataset').selectOption({ label: 'XOR' });
    await expect(page.getByTestId('dataset-name')).toHaveText(/xor/i);
    await setSetting(page, 'Learning rate', '0.05');
    await setSetting(page, 'Seed', '7');
    // The noise slider shows its value while it moves, and regenerates the set on release.
    const noise = page.getByRole('slider', { name: /Noise/ });
    const noiseBefore = Number(await noise.inputValue());
    await noise.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const noiseAfter = (noiseBefore + 0.02).toFixed(2);
    await expect(noise).toHaveValue(String(Number(noiseAfter)));
    await expect(page.getByText(`Noise: ${noiseAfter}`)).toBeVisible();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const choice = window.trainSmarter!.store.getState().datasetChoice;
          return choice.kind === 'synthetic' ? choice.noise.toFixed(2) : null;
        }),
      )
      .toBe(noiseAfter);
    await page.reload();
    await expect(page.getByTestId('dataset-name')).toHaveText(/xor/i);
    await expect(page.getByText(`Noise: ${noiseAfter}`)).toBeVisible();
    await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.05');
    await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('7');
  });
});
