/**
 * Cross-validation of a small table: the checkbox, "Fold k/5" in the status, mean ± std
 * beside the single-split figure, faint fold curves, one run record with five fold
 * histories; and the checkbox disabled, with the reason, above 5,000 rows.
 */
import { expect, test, type Page } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openFresh, setSetting } from './helpers';

const here = dirname(fileURLToPath(import.meta.url));
const CHECKBOX = 'Cross-validate (5 folds)';

async function useCsv(page: Page, name: string, file: string | { buffer: Buffer }) {
  await page
    .getByLabel('Upload CSV')
    .setInputFiles(typeof file === 'string' ? file : { name, mimeType: 'text/csv', ...file });
  const preview = page.getByRole('dialog', { name });
  await preview.getByRole('button', { name: 'Use this dataset' }).click();
  await expect(preview).toBeHidden();
  await expect(page.getByTestId('dataset-name')).toHaveText(name);
}

test('cross-validates a 3-class CSV in 5 folds; the option is off above 5,000 rows', async ({
  page,
}) => {
  await openFresh(page, '?testHooks=1');

  // 5,001 rows (not trained on): the checkbox is disabled and says why.
  const rows = Array.from({ length: 5001 }, (_, i) => `${i % 97},${(i * 7) % 13},c${i % 3}`);
  await useCsv(page, 'large.csv', { buffer: Buffer.from(['a,b,label', ...rows].join('\n')) });
  const checkbox = page.getByLabel(CHECKBOX);
  await expect(checkbox).toBeDisabled();
  await expect(checkbox).toHaveAccessibleDescription(
    'Cross-validation is for datasets of at most 5,000 rows; this one has 5,001.',
  );

  // 178 wines, 3 cultivars.
  await useCsv(page, 'wine-mixed.csv', join(here, 'fixtures', 'csv', 'wine-mixed.csv'));
  await expect(checkbox).toBeEnabled();
  await checkbox.check();
  await page.getByLabel('Backend').selectOption({ value: 'wasm' });
  await setSetting(page, 'Epochs', '2');

  // Folds can pass faster than a poll: keep every text the status line shows.
  const status = page.getByTestId('training-status');
  await status.evaluate((el) => {
    const seen: string[] = [];
    (window as unknown as { statusTexts: string[] }).statusTexts = seen;
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(status).toContainText('Done', { timeout: 45_000 });
  const texts = await page.evaluate(
    () => (window as unknown as { statusTexts: string[] }).statusTexts,
  );
  expect(texts.some((t) => /^Fold [1-5]\/5 · Epoch [12]\/2/.test(t))).toBe(true);
  // The final model's epochs come after the folds, without "Fold".
  expect(texts.some((t) => /^Epoch [12]\/2/.test(t))).toBe(true);

  const mean = Number(
    await page.locator('[data-testid="cv-mean"][data-metric="accuracy"]').textContent(),
  );
  const std = Number(
    await page.locator('[data-testid="cv-std"][data-metric="accuracy"]').textContent(),
  );
  expect(mean).toBeGreaterThan(0);
  expect(mean).toBeLessThanOrEqual(1);
  expect(std).toBeGreaterThanOrEqual(0);
  await expect(page.locator('[data-testid="cv-mean"][data-metric="accuracy"]')).toHaveText(
    /^\d\.\d{4}$/,
  );
  await expect(page.locator('[data-testid="cv-single-split"][data-metric="accuracy"]')).toHaveText(
    /^\d\.\d{4}$/,
  );
  await expect(page.locator('[data-testid="cv-mean"][data-metric="loss"]')).toHaveText(
    /^\d+\.\d{4}$/,
  );
  // Five faint fold curves in the epoch charts, one legend entry for them.
  await expect(page.getByTestId('epoch-metric-chart')).toHaveAttribute('data-fold-series', '5');
  await expect(
    page.getByTestId('epoch-metric-chart').locator('.recharts-legend-item', { hasText: 'folds' }),
  ).toHaveCount(1);

  // One stored run with five fold histories of two epochs each.
  const stored = () =>
    page.evaluate(() => {
      const { run, runs } = window.trainSmarter!.store.getState();
      const record = runs.find((r) => r.id === run?.record.id);
      return {
        runs: runs.length,
        status: record?.status,
        folds: record?.folds?.map((f) => [f.fold, f.epochs.length, f.evaluation !== null]),
        epochs: record?.epochs.length,
      };
    });
  await expect.poll(async () => (await stored()).status).toBe('completed');
  expect(await stored()).toEqual({
    runs: 1,
    status: 'completed',
    folds: [1, 2, 3, 4, 5].map((f) => [f, 2, true]),
    epochs: 2,
  });
});
