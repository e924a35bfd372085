/**
 * Diagnose and remedy, end to end on wasm: an over-fitting run raises the over-fitting
 * finding and its early-stopping remedy trains a linked child whose verdict says "better";
 * an imbalanced table raises the imbalance finding and weighting the classes raises the
 * test balanced accuracy (macro recall); the pinned divergent configuration stops in
 * epoch 1 with the divergence message. The scenarios are proven first on the CPU backend
 * (src/core/train/diagnostics/scenarios.test.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { metric, openFresh, openProject, setSetting } from './helpers';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (...parts: string[]) => join(here, 'fixtures', ...parts);

async function trainToDone(page: Page, status: RegExp = /^Done/) {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('training-status')).toHaveText(status, { timeout: 50_000 });
}

test('over-fitting: the finding, its early-stopping remedy, a linked run that does better', async ({
  page,
}) => {
  await openFresh(page);
  await openProject(page, fixture('projects', 'overfitting.json'));
  // 200 noisy points instead of the default 400 (the project's dataset, regenerated).
  await expect(page.getByRole('spinbutton', { name: 'Points' })).toHaveValue('200');
  await page.getByLabel('Backend').selectOption({ value: 'wasm' });
  await trainToDone(page);

  const finding = page.locator('[data-testid="finding"][data-kind="overfitting"]');
  await expect(finding).toBeVisible();
  await expect(finding).toContainText(/validation loss/i);
  await finding.getByRole('button', { name: 'Early stopping' }).click();
  await expect(page.getByLabel('Early stopping', { exact: true })).toBeChecked();
  await expect(page.getByTestId('remedy-change')).toHaveText(/^Early stopping on/);
  await expect(page.getByRole('button', { name: 'Undo the remedy' })).toBeVisible();

  await page.getByRole('button', { name: 'Start the child run' }).click();
  await expect(page.getByTestId('training-status')).toHaveText(
    /^Done \(stopped early at epoch \d+\/30, kept epoch \d+\)$/,
    { timeout: 50_000 },
  );
  await expect(page.getByTestId('remedy-verdict')).toContainText(/validation loss .* \(better\)/i);
  await expect(page.getByTestId('run-parent').first()).toBeVisible();
});

test('imbalance: the finding, and weighting the classes raises the balanced accuracy', async ({
  page,
}) => {
  await openFresh(page);
  await page.getByLabel('Upload CSV').setInputFiles(fixture('csv', 'imbalanced.csv'));
  const preview = page.getByRole('dialog', { name: 'imbalanced.csv' });
  await preview.getByRole('button', { name: 'Use this dataset' }).click();
  await expect(preview).toBeHidden();
  await page.getByLabel('Backend').selectOption({ value: 'wasm' });
  await trainToDone(page);

  const finding = page.locator('[data-testid="finding"][data-kind="imbalance"]');
  await expect(finding).toBeVisible();
  const before = await metric(page, 'test-balanced-accuracy');
  await finding.getByRole('button', { name: 'Weight the classes' }).click();
  await expect(page.getByLabel(/Weight classes by rarity/)).toBeChecked();
  await page.getByRole('button', { name: 'Start the child run' }).click();
  await expect(page.getByTestId('training-status')).toHaveText(/^Done/, { timeout: 50_000 });
  await expect(page.getByTestId('remedy-verdict')).toContainText(/macro recall .* \(better\)/i);
  await expect(page.getByTestId('run-parent').first()).toBeVisible();
  const after = await metric(page, 'test-balanced-accuracy');
  expect(after).toBeGreaterThan(before);
});

test('divergence: the pinned configuration stops in epoch 1 and says why', async ({ page }) => {
  // PINNED_DIVERGENT_CONFIG (src/core/train/diagnostics/pinned.ts): the default circles and
  // model, Adam at learning rate 1, one row per batch, seed 42.
  await openFresh(page);
  await page.getByLabel('Backend').selectOption({ value: 'wasm' });
  await setSetting(page, 'Learning rate', '1');
  await setSetting(page, 'Batch size', '1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('training-status')).toHaveText(
    /^Failed: Training diverged at epoch 1, batch \d+ \(step \d+\)\..*learning rate ÷ 10 or clip gradients\. The model keeps its weights from before training\.$/,
    { timeout: 50_000 },
  );
  const finding = page.locator('[data-testid="finding"][data-kind="divergence"]');
  await expect(finding).toBeVisible();
  await expect(finding.getByRole('button', { name: 'Learning rate ÷ 10' })).toBeVisible();
  await expect(finding.getByRole('button', { name: 'Clip gradients' })).toBeVisible();
  // Not garbage on the chart: the loss chart stops at the diverging batch.
  await expect(page.getByTestId('findings-none')).toHaveCount(0);
});
