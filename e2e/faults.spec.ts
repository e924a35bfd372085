/**
 * Fault tests: a lost WebGL context, a crashed or hung worker, a hidden tab. The worker's
 * test hooks (loseContext, crash, hang) are `testHook` protocol messages, honoured only
 * with ?testHooks=1.
 */
import { expect, test, type Page } from '@playwright/test';
import { openFresh, setSetting } from './helpers';

type HookType = 'loseContext' | 'crash' | 'hang';

const sendHook = (page: Page, type: HookType) =>
  page.evaluate((t) => window.trainSmarter!.sendHook({ type: t }), type);

const epochLosses = (page: Page) =>
  page.evaluate(
    () => window.trainSmarter!.store.getState().run?.record.epochs.map((e) => e.loss) ?? [],
  );

test('a lost WebGL context keeps earlier epochs and continues on WASM/CPU from the checkpoint', async ({
  page,
}) => {
  await openFresh(page, '?testHooks=1');
  await page.getByLabel('Backend').selectOption({ value: 'webgl' });
  await setSetting(page, 'Learning rate', '0.05');
  await setSetting(page, 'Epochs', '200');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('backend-in-use')).toContainText(/^Backend: WebGL/);
  await expect
    .poll(async () => (await epochLosses(page)).length, { timeout: 60_000 })
    .toBeGreaterThanOrEqual(3);

  await sendHook(page, 'loseContext');
  const alert = page.getByRole('alert').filter({ hasText: 'WebGL context was lost' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('training-status')).toContainText('Paused');
  const kept = await epochLosses(page);
  const k = kept.length;
  expect(k).toBeGreaterThanOrEqual(3);

  await alert.getByRole('button', { name: 'Continue on WASM/CPU' }).click();
  await expect(page.getByTestId('backend-in-use')).toContainText(/^Backend: (WASM|CPU)/);
  await expect
    .poll(async () => (await epochLosses(page)).length, { timeout: 60_000 })
    .toBeGreaterThan(k);
  const after = await epochLosses(page);
  const epochs = await page.evaluate(() =>
    window.trainSmarter!.store.getState().run!.record.epochs.map((e) => e.epoch),
  );
  // Epoch k+1 follows epoch k: nothing was lost or repeated.
  expect(epochs.slice(0, k + 1)).toEqual(Array.from({ length: k + 1 }, (_, i) => i + 1));
  // Its loss continues from epoch k's, far from a fresh model's first epoch.
  const first = after[0]!;
  const lossK = after[k - 1]!;
  const lossNext = after[k]!;
  expect(Math.abs(lossNext - lossK)).toBeLessThan(Math.abs(first - lossK) / 2 + 0.02);
});

test('a crashed worker is reported within 10 s and a fresh worker trains', async ({ page }) => {
  await openFresh(page, '?testHooks=1');
  await setSetting(page, 'Epochs', '3');
  await sendHook(page, 'crash');
  const alert = page.getByRole('alert').filter({ hasText: /crashed/i });
  await expect(alert).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('dataset-name')).toBeVisible();
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('training-status')).toContainText('Done');
});

test('a hung worker is noticed after 10 s of silence and can be restarted', async ({ page }) => {
  await openFresh(page, '?testHooks=1');
  await setSetting(page, 'Epochs', '3');
  await sendHook(page, 'hang');
  const alert = page.getByRole('alert').filter({ hasText: /not responded/i });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await alert.getByRole('button', { name: 'Restart the training worker' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByTestId('dataset-name')).toBeVisible();
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('training-status')).toContainText('Done');
});

// Headless Chromium keeps every page visible, so the hidden state is emulated the way a
// hidden tab behaves for the page: visibilityState 'hidden' and no animation frames.
// Training must go on because the worker never waits on animation frames.
test('a hidden tab keeps training', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { hideTab: () => void };
    w.hideTab = () => {
      Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
      Object.defineProperty(document, 'hidden', { get: () => true });
      window.requestAnimationFrame = () => 0;
      document.dispatchEvent(new Event('visibilitychange'));
    };
  });
  await openFresh(page, '?testHooks=1');
  const points = page.getByLabel('Points', { exact: true });
  await points.fill('2000');
  await points.press('Enter');
  await expect(page.getByText('2,000', { exact: true })).toBeVisible();
  await setSetting(page, 'Batch size', '8');
  await setSetting(page, 'Epochs', '1000');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('training-status')).toContainText(/Epoch \d+\/1000/);

  await page.evaluate(() => (window as unknown as { hideTab: () => void }).hideTab());
  const before = (await epochLosses(page)).length;
  // More epochs end while the tab stays hidden.
  await expect
    .poll(async () => (await epochLosses(page)).length, { timeout: 15_000 })
    .toBeGreaterThan(before + 2);
  expect(await page.evaluate(() => document.visibilityState)).toBe('hidden');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('training-status')).toContainText('Stopped at epoch');
});
