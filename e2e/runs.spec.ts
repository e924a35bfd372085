import { expect, test, type Page } from '@playwright/test';
import { openFresh, setSetting } from './helpers';

const row = (page: Page, name: string) =>
  page.locator(`[data-testid="run-row"][data-run-name="${name}"]`);

/** How many run records IndexedDB holds right now (read-only look into the app's database). */
const storedRunCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('train-smarter-runs');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('runs').objectStore('runs').count();
          count.onsuccess = () => {
            resolve(count.result);
            db.close();
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );

async function trainToDone(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('training-status')).toContainText('Done', { timeout: 60_000 });
}

test.describe('run records', () => {
  test('two runs differing in learning rate compare side by side', async ({ page }) => {
    await openFresh(page);
    await setSetting(page, 'Epochs', '3');
    await trainToDone(page);
    await expect(row(page, 'Run 1')).toHaveAttribute('data-status', 'completed');
    await setSetting(page, 'Learning rate', '0.1');
    await trainToDone(page);
    await expect(row(page, 'Run 2')).toHaveAttribute('data-status', 'completed');
    await expect(page.getByTestId('run-row')).toHaveCount(2);
    for (const name of ['Run 1', 'Run 2']) {
      await expect(row(page, name)).toHaveAttribute('data-epochs', '3');
      await expect(row(page, name).getByTestId('run-status')).toHaveText('Completed');
      await expect(row(page, name).getByTestId('run-sparkline')).toHaveAttribute(
        'data-points',
        '3',
      );
    }

    const compare = page.getByRole('button', { name: 'Compare' });
    await expect(compare).toBeDisabled();
    await row(page, 'Run 1').getByRole('checkbox').check();
    await expect(compare).toBeDisabled();
    await row(page, 'Run 2').getByRole('checkbox').check();
    await compare.click();

    const dialog = page.getByRole('dialog', { name: /Compare 2 runs/ });
    await expect(dialog).toBeVisible();
    for (const metric of ['loss', 'valLoss', 'accuracy', 'valAccuracy']) {
      const chart = dialog.getByTestId(`compare-chart-${metric}`);
      await expect(chart).toHaveAttribute('data-series-points', '3,3');
      await expect(chart.locator('.recharts-legend-item')).toHaveText(['Run 1', 'Run 2']);
      const curves = chart.locator('path.recharts-line-curve');
      await expect(curves).toHaveCount(2);
      for (const curve of await curves.all()) await expect(curve).toHaveAttribute('d', /^M.*L/);
      const strokes = await curves.evaluateAll((els) => els.map((e) => e.getAttribute('stroke')));
      expect(new Set(strokes).size).toBe(2);
      if (metric.toLowerCase().includes('accuracy')) {
        // A share's axis stays inside [0, 1] (recharts' own went to 1.05 near the top).
        const ticks = await chart
          .locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')
          .allTextContents();
        expect(ticks.length).toBeGreaterThan(1);
        for (const t of ticks) expect(Number(t)).toBeLessThanOrEqual(1);
      }
    }
    const diffs = dialog.getByTestId('config-diff');
    await expect(diffs).toHaveCount(1);
    await expect(diffs).toHaveText('learningRate 0.01 → 0.1');
    await expect(dialog.getByTestId('data-warning')).toHaveCount(0);
    await expect(dialog.getByTestId('compare-confusion')).toHaveCount(2);

    // "Open in editor" restores the run's settings; Escape closes the view.
    await dialog.getByRole('button', { name: 'Open Run 1 in editor' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByLabel('Learning rate', { exact: true })).toHaveValue('0.01');
    await compare.click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // Rename, notes, tags and star are stored; delete can be undone.
    const name2 = row(page, 'Run 2').getByRole('textbox', { name: 'Run name' });
    await name2.fill('Fast lr');
    await name2.press('Enter');
    const fast = row(page, 'Fast lr');
    await fast.getByRole('button', { name: 'Star Fast lr' }).click();
    await expect(fast.getByRole('button', { name: 'Star Fast lr' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await fast.getByText('Notes and tags').click();
    await fast.getByLabel('Notes').fill('lr 0.1 converges faster');
    await fast.getByLabel('Tags (comma-separated)').fill('lr, quick');
    await fast.getByLabel('Tags (comma-separated)').blur();
    await expect(fast.getByText('Notes and tags (lr, quick)')).toBeVisible();
    await row(page, 'Run 1').getByRole('button', { name: 'Delete Run 1' }).click();
    await expect(page.getByTestId('run-row')).toHaveCount(1);
    await page.getByRole('button', { name: 'Undo delete' }).click();
    await expect(page.getByTestId('run-row')).toHaveCount(2);
    await row(page, 'Run 1').getByRole('button', { name: 'Delete Run 1' }).click();
    await expect(page.getByTestId('run-row')).toHaveCount(1);
    // A reload aborts IndexedDB transactions still in flight: wait until the delete is stored.
    await expect.poll(() => storedRunCount(page)).toBe(1);
    await page.reload();
    await expect(page.getByTestId('run-row')).toHaveCount(1);
    await expect(fast.getByRole('button', { name: 'Star Fast lr' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await fast.getByText('Notes and tags').click();
    await expect(fast.getByLabel('Notes')).toHaveValue('lr 0.1 converges faster');
  });

  test('a reload mid-training leaves the run Interrupted with its stored epochs', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await openFresh(page);
    await setSetting(page, 'Epochs', '2');
    await trainToDone(page);
    await expect(row(page, 'Run 1')).toHaveAttribute('data-status', 'completed');

    await setSetting(page, 'Epochs', '300');
    await setSetting(page, 'Batch size', '4');
    await page.getByRole('button', { name: 'Train' }).click();
    const run2 = row(page, 'Run 2');
    await expect(run2).toHaveAttribute('data-status', 'running');
    // The row shows what is stored: wait until two epochs are written, then reload.
    await expect
      .poll(async () => Number(await run2.getAttribute('data-epochs')), { timeout: 60_000 })
      .toBeGreaterThanOrEqual(2);
    // A second tab sees the run as live (this tab holds its Web Lock), not interrupted.
    const other = await page.context().newPage();
    await other.goto('/');
    await expect(row(other, 'Run 2')).toHaveAttribute('data-status', /running|paused/);
    await expect(row(other, 'Run 1')).toHaveAttribute('data-status', 'completed');
    await other.close();

    const stored = Number(await run2.getAttribute('data-epochs'));
    await page.reload();

    await expect(run2).toHaveAttribute('data-status', 'interrupted');
    await expect(run2.getByTestId('run-status')).toHaveText('Interrupted');
    const after = Number(await run2.getAttribute('data-epochs'));
    // Nothing stored is lost; at most the epoch in progress at the reload is missing.
    expect(after).toBeGreaterThanOrEqual(stored);
    expect(after).toBeLessThan(300);
    await expect(run2.getByTestId('run-sparkline')).toHaveAttribute('data-points', String(after));
    // The other run is unchanged.
    await expect(row(page, 'Run 1')).toHaveAttribute('data-status', 'completed');
    await expect(row(page, 'Run 1')).toHaveAttribute('data-epochs', '2');
    await expect(page.getByTestId('run-row')).toHaveCount(2);

    // Continue from the last stored weights: the run goes on from there, not from epoch 1.
    const weightsEpoch = Number(await run2.getAttribute('data-weights-epoch'));
    expect(weightsEpoch).toBeGreaterThanOrEqual(after - 1);
    expect(weightsEpoch).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('dataset-name')).toHaveText(/circles/i);
    await run2.getByRole('button', { name: 'Continue' }).click();
    await expect(
      page.getByText(/continues from epoch \d+'s weights and optimizer state/),
    ).toBeVisible();
    await expect(run2).toHaveAttribute('data-status', 'running');
    const status = page.getByTestId('training-status');
    // (Before its first batch the status line says "Epoch 1/300 · preparing".)
    await expect(status).toContainText(/Epoch \d+\/300 · batch/);
    const firstEpoch = Number(/Epoch (\d+)\/300/.exec((await status.textContent()) ?? '')?.[1]);
    expect(firstEpoch).toBeGreaterThan(weightsEpoch);
    await expect
      .poll(async () => Number(await run2.getAttribute('data-epochs')), { timeout: 60_000 })
      .toBeGreaterThan(weightsEpoch + 1);
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(run2).toHaveAttribute('data-status', 'stopped');
    const epochsAfterStop = Number(await run2.getAttribute('data-epochs'));
    await expect(page.getByTestId('epoch-loss-chart')).toHaveAttribute(
      'data-points',
      String(epochsAfterStop),
    );
    await expect(row(page, 'Run 1')).toHaveAttribute('data-epochs', '2');
  });

  test('damaged or newer records are listed as unreadable and the app still works', async ({
    page,
  }) => {
    await openFresh(page);
    await expect(page.getByText('No runs yet')).toBeVisible();
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('train-smarter-runs');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('runs', 'readwrite');
            tx.objectStore('runs').put(
              { schemaVersion: 99, id: 'future-1', name: 'From 2030' },
              'future-1',
            );
            tx.objectStore('runs').put(
              { schemaVersion: 2, id: 'bad-1', name: 'Half written', epochs: 7 },
              'bad-1',
            );
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    const unreadable = page.getByTestId('run-row-unreadable');
    await expect(unreadable).toHaveCount(2);
    await expect(unreadable.filter({ hasText: 'From 2030' })).toContainText('newer version');
    await expect(unreadable.filter({ hasText: 'Half written' })).toContainText('damaged');
    await setSetting(page, 'Epochs', '2');
    await trainToDone(page);
    await expect(page.getByTestId('run-row')).toHaveCount(1);
    await expect(page.getByTestId('run-row')).toHaveAttribute('data-status', 'completed');
  });

  test('when storage is full, a clear alert is shown and training goes on', async ({ page }) => {
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
        if (this.name === 'runs' && localStorage.getItem('e2e-quota-full') === '1') {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return put.apply(this, args);
      } as typeof put;
    });
    await openFresh(page);
    await page.evaluate(() => localStorage.setItem('e2e-quota-full', '1'));
    await setSetting(page, 'Epochs', '3');
    await trainToDone(page);
    await expect(page.getByRole('alert').filter({ hasText: /storage is full/i })).toHaveCount(1);
    await expect(page.getByRole('alert').filter({ hasText: /storage is full/i })).toContainText(
      'Training goes on',
    );
    expect(Number(await page.getByTestId('metric-val-accuracy').textContent())).toBeGreaterThan(0);
    await expect(page.getByTestId('run-row')).toHaveCount(0);
  });
});
