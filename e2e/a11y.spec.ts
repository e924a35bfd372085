import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openFresh, setSetting } from './helpers';

const here = dirname(fileURLToPath(import.meta.url));

/** Serious and critical axe violations on the page as it is now, one line per rule. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function trainToDone(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('training-status')).toContainText('Done', { timeout: 30_000 });
}

test('the workspace, CSV preview, compare view and export menu have no serious a11y issues', async ({
  page,
}) => {
  await openFresh(page);
  // Soft: one run reports every view's violations, not only the first view's.
  expect.soft(await seriousViolations(page), 'workspace').toEqual([]);

  await page
    .getByLabel('Upload CSV')
    .setInputFiles(join(here, 'fixtures', 'csv', 'small-good.csv'));
  const preview = page.getByRole('dialog', { name: 'small-good.csv' });
  await expect(preview.getByTestId('csv-facts')).toContainText('40 rows');
  expect.soft(await seriousViolations(page), 'CSV preview').toEqual([]);
  await preview.getByRole('button', { name: 'Close' }).click();
  await expect(preview).toBeHidden();

  await page.getByLabel('Backend').selectOption({ value: 'wasm' });
  await setSetting(page, 'Epochs', '2');
  await trainToDone(page);
  await setSetting(page, 'Learning rate', '0.1');
  await trainToDone(page);
  await expect(page.getByTestId('evaluation-panel').getByTestId('test-accuracy')).not.toBeEmpty();
  expect.soft(await seriousViolations(page), 'evaluation report').toEqual([]);
  const rows = page.getByTestId('run-row');
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await row.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('dialog', { name: /Compare 2 runs/ });
  await expect(compare.getByTestId('config-diff')).toHaveText('learningRate 0.01 → 0.1');
  expect.soft(await seriousViolations(page), 'compare view').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(compare).toBeHidden();

  await page.locator('summary', { hasText: 'Project' }).click();
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByLabel('Share link')).toHaveValue(/#/);
  expect.soft(await seriousViolations(page), 'export menu').toEqual([]);
});

test('the top bar keeps every control on screen in narrower windows, one row at 1280 px', async ({
  page,
}) => {
  await openFresh(page);
  const bar = page.getByRole('banner');
  const controls = [
    bar.getByLabel('Dataset'),
    bar.getByLabel('Backend'),
    bar.getByRole('button', { name: 'Train' }),
    bar.getByRole('button', { name: 'Stop' }),
    bar.locator('summary', { hasText: 'Project' }),
  ];
  const tops = async () => Promise.all(controls.map(async (c) => (await c.boundingBox())!.y));
  // At 1280 px all of it is one row: Train and the Project menu sit at the same height.
  const wide = await tops();
  expect(Math.max(...wide) - Math.min(...wide)).toBeLessThan(10);

  for (const width of [1024, 800]) {
    await page.setViewportSize({ width, height: 800 });
    for (const control of controls) await expect(control).toBeInViewport({ ratio: 1 });
    // No sideways scrolling of the page (WCAG 1.4.10, reflow).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
  }
  await page.locator('summary', { hasText: 'Project' }).click();
  await expect(page.getByRole('button', { name: 'Copy share link' })).toBeInViewport();
});
