/**
 * Storage faults: when IndexedDB is unavailable or full, the user is told so and training
 * still completes with its metrics shown; once storage is back, the next run is saved.
 */
import { expect, test, type Page } from '@playwright/test';
import { openFresh, setSetting } from './helpers';
import { inspector, nodeById } from './canvas';

const row = (page: Page, name: string) =>
  page.locator(`[data-testid="run-row"][data-run-name="${name}"]`);

async function trainToDone(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('training-status')).toContainText('Done', { timeout: 60_000 });
}

/** The epoch table or charts show the run's metrics: a finite validation accuracy. */
async function expectMetricsShown(page: Page): Promise<void> {
  await expect(page.getByTestId('metric-val-accuracy')).toHaveText(/^0?\.\d|^1/);
}

test('IndexedDB refusing to open: an alert says storage is unavailable, training completes', async ({
  page,
}) => {
  const refuseStorage = () => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('Test: site storage is disabled.', 'SecurityError');
    };
  };
  // The page writes run records and the training worker writes checkpoints: both refuse.
  await page.addInitScript(refuseStorage);
  page.on('worker', (worker) => {
    // openFresh navigates twice: the first page's worker may close before this runs.
    worker.evaluate(refuseStorage).catch((e: unknown) => {
      if (!/closed/.test(String(e))) throw e;
    });
  });
  await openFresh(page);
  await expect(page.getByRole('alert').filter({ hasText: /storage is unavailable/ })).toHaveCount(
    1,
  );
  await setSetting(page, 'Epochs', '2');
  await trainToDone(page);
  await expect(
    page.getByRole('alert').filter({ hasText: /Browser storage is unavailable: "Run 1"/ }),
  ).toBeVisible();
  await expectMetricsShown(page);
  await expect(page.getByTestId('run-row')).toHaveCount(0);
});

test('a full quota: an alert says storage is full, training completes; the next run saves once room is back', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  await openFresh(page);
  // About 1 MB of weights per checkpoint (final and best are written together).
  await nodeById(page, 'dense_1').click();
  await setSetting(page, 'Units', '65536');
  const units = inspector(page).getByLabel('Units', { exact: true });
  await expect(units).toHaveValue('65536');
  await expect(units).not.toHaveAttribute('aria-invalid', 'true');
  await setSetting(page, 'Epochs', '1');

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1_000_000 });
  await trainToDone(page);
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: /Browser storage is full: "Run 1" could not be saved/ }),
  ).toBeVisible();
  await expectMetricsShown(page);
  // While storage is full the run is listed from its last write that fitted.
  await expect(row(page, 'Run 1')).toHaveAttribute('data-weights-epoch', '');

  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await trainToDone(page);
  await expect(row(page, 'Run 2')).toHaveAttribute('data-status', 'completed');
  await page.reload();
  await expect(row(page, 'Run 2')).toHaveAttribute('data-status', 'completed');
  await expect(row(page, 'Run 2')).toHaveAttribute('data-epochs', '1');
  await expect(row(page, 'Run 1')).toHaveAttribute('data-status', 'completed');
  // Run 2's weights were stored with it; Run 1 was written again once there was room,
  // complete with its metrics but without the weights that did not fit.
  await expect(row(page, 'Run 2')).toHaveAttribute('data-weights-epoch', '1');
  await expect(row(page, 'Run 1')).toHaveAttribute('data-weights-epoch', '');
});
