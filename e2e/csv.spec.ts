import { expect, test, type Page } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { metric, openFresh, setSetting } from './helpers';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => join(here, 'fixtures', 'csv', name);

async function upload(page: Page, name: string): Promise<void> {
  await page.getByLabel('Upload CSV').setInputFiles(fixture(name));
}

test.describe('CSV upload', () => {
  test('upload a CSV, choose the target, train and see metrics; it survives a reload', async ({
    page,
  }) => {
    await openFresh(page);
    await upload(page, 'wine-mixed.csv');
    const preview = page.getByRole('dialog', { name: 'wine-mixed.csv' });
    await expect(preview).toBeVisible();
    await expect(preview.getByTestId('csv-facts')).toContainText('178 rows × 16 columns');
    // The ID column is proposed for exclusion with the reason shown.
    const idRow = preview.locator('[data-testid="csv-column"][data-column="id"]');
    await expect(idRow).toContainText('ID-like');
    await expect(idRow.getByRole('checkbox')).not.toBeChecked();
    // Each row's controls fit inside it: the widest encoding choice is not cut off.
    const overflow = await idRow.evaluate((row) => {
      const edge = row.getBoundingClientRect().right;
      return [...row.querySelectorAll('select')]
        .map((s) => Math.round(s.getBoundingClientRect().right - edge))
        .filter((past) => past > 0);
    });
    expect(overflow, 'pixels past the row edge').toEqual([]);
    // Magnesium has 20 missing cells (every 9th row).
    await expect(
      preview.locator(
        '[data-testid="csv-column"][data-column="Magnesium"] [data-testid="csv-missing"]',
      ),
    ).toHaveText('20');
    const target = preview.getByLabel('Target column');
    await expect(target).toHaveValue('cultivar');
    await target.selectOption('cultivar');
    await expect(preview.getByLabel('Task')).toHaveValue('multiclass');
    await expect(preview.getByTestId('csv-feature-estimate')).toContainText('14 → 17 features');
    await preview.getByRole('button', { name: 'Use this dataset' }).click();

    await expect(preview).toBeHidden();
    await expect(page.getByTestId('dataset-name')).toHaveText('wine-mixed.csv');
    await expect(page.getByLabel('Dataset')).toHaveValue(/^upload:csv:/);
    await expect(page.getByLabel('Dataset').locator('option:checked')).toHaveText('wine-mixed.csv');
    await expect(page.getByTestId('csv-feature-line')).toHaveText(
      'one-hot of 1 categorical: 14 → 17 features',
    );
    await expect(page.getByRole('table', { name: 'Rows the model receives' })).toBeVisible();
    // The model was fitted: 17 inputs, 3 classes.
    await expect(
      page.locator(
        '[data-testid="layer-node"][data-layer-type="Input"] [data-testid="layer-shape"]',
      ),
    ).toContainText('17');
    await expect(page.getByTestId('majority-baseline')).toHaveText('39.9%');

    await page.getByLabel('Backend').selectOption({ value: 'cpu' });
    await setSetting(page, 'Epochs', '8');
    await page.getByRole('button', { name: 'Train' }).click();
    const status = page.getByTestId('training-status');
    await expect(status).toContainText('Done', { timeout: 60_000 });
    expect(await metric(page, 'metric-val-accuracy')).toBeGreaterThan(0.8);

    // Stored in IndexedDB: the workspace comes back after a reload.
    await page.reload();
    await expect(page.getByTestId('dataset-name')).toHaveText('wine-mixed.csv');
    await expect(page.getByTestId('csv-feature-line')).toContainText('17 features');

    // A file not kept in the browser is asked for again and matched by its fingerprint.
    await page.evaluate(() => {
      indexedDB.deleteDatabase('train-smarter-uploads');
    });
    await page.reload();
    await expect(
      page.getByRole('alert').filter({ hasText: 'wine-mixed.csv is not stored in this browser' }),
    ).not.toHaveCount(0);
    await upload(page, 'wine-mixed.csv');
    await expect(page.getByTestId('dataset-name')).toHaveText('wine-mixed.csv');
    await expect(page.getByTestId('csv-feature-line')).toContainText('17 features');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('dropping a CSV file on the page opens its preview', async ({ page }) => {
    await openFresh(page);
    const transfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      const rows = Array.from({ length: 12 }, (_, i) => `${i},${i % 3},${i % 2 ? 'x' : 'y'}`);
      dt.items.add(
        new File([['a,b,label', ...rows].join('\n')], 'dropped.csv', { type: 'text/csv' }),
      );
      return dt;
    });
    await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
    const preview = page.getByRole('dialog', { name: 'dropped.csv' });
    await expect(preview.getByTestId('csv-facts')).toContainText('12 rows × 3 columns');
    await expect(preview.getByLabel('Task')).toHaveValue('binary');
  });

  test('a semicolon-delimited Latin-1 CSV loads with its accents', async ({ page }) => {
    await openFresh(page);
    await upload(page, 'latin1-semicolon.csv');
    const preview = page.getByRole('dialog', { name: 'latin1-semicolon.csv' });
    await expect(preview.getByTestId('csv-facts')).toContainText('80 rows × 4 columns');
    await expect(preview.getByTestId('csv-facts')).toContainText('semicolon-delimited');
    await expect(preview.getByTestId('csv-warnings')).toContainText('Windows-1252');
    await expect(preview.getByRole('table', { name: 'Data preview' })).toContainText('Genève');
    await expect(preview.getByRole('table', { name: 'Data preview' })).toContainText('Besançon');
    await expect(preview.getByLabel('Target column')).toHaveValue('qualité');
    await expect(preview.getByLabel('Task')).toHaveValue('binary');
    // Header override: read the first row as data, then back.
    await preview.getByLabel('First row is a header').uncheck();
    await expect(preview.getByTestId('csv-facts')).toContainText('81 rows × 4 columns');
    await preview.getByLabel('First row is a header').check();
    await expect(preview.getByTestId('csv-facts')).toContainText('80 rows × 4 columns');
    await expect(preview.getByLabel('Target column')).toHaveValue('qualité');
    // Bulk actions: exclude columns by name pattern, then include them again.
    await expect(preview.getByTestId('csv-feature-estimate')).toContainText('3 → 7 features');
    await preview.getByLabel('Name pattern').fill('^l');
    await preview.getByRole('button', { name: 'Exclude matching' }).click();
    await expect(
      preview.getByRole('status').filter({ hasText: 'Excluded 2 columns.' }),
    ).toBeVisible();
    await expect(preview.getByTestId('csv-feature-estimate')).toContainText('1 → 5 features');
    await preview.getByRole('button', { name: 'Include matching' }).click();
    await expect(preview.getByTestId('csv-feature-estimate')).toContainText('3 → 7 features');
    await preview.getByRole('button', { name: 'Use this dataset' }).click();
    await expect(page.getByTestId('dataset-name')).toHaveText('latin1-semicolon.csv');
    await expect(page.locator('.class-bars')).toContainText('élevée');
    await expect(page.getByTestId('csv-feature-line')).toHaveText(
      'one-hot of 1 categorical: 3 → 7 features',
    );
  });

  test('a separate test file is the test split; mismatched columns are named', async ({ page }) => {
    await openFresh(page, '?testHooks=1');
    await upload(page, 'split-train.csv');
    const preview = page.getByRole('dialog', { name: 'split-train.csv' });
    await preview.getByLabel('Upload test CSV').setInputFiles(fixture('split-test-mismatch.csv'));
    await expect(preview.getByTestId('csv-test-error')).toHaveText(
      'The test file split-test-mismatch.csv does not have the columns of split-train.csv: missing "x2"; extra "x3". Upload a test file with the same header row.',
    );
    await preview.getByRole('button', { name: 'Use this dataset' }).click();
    await expect(preview).toBeVisible();
    await preview.getByLabel('Upload test CSV').setInputFiles(fixture('split-test.csv'));
    await expect(preview.getByTestId('csv-test-file')).toContainText('37 rows form the test split');
    await expect(preview.getByTestId('csv-test-error')).toHaveCount(0);
    await preview.getByRole('button', { name: 'Use this dataset' }).click();
    await expect(preview).toBeHidden();
    await expect(page.getByTestId('dataset-name')).toHaveText('split-train.csv');
    await expect(page.getByTestId('csv-skipped-report')).toContainText(
      'Test split: 37 rows from split-test.csv',
    );

    await page.getByLabel('Backend').selectOption({ value: 'cpu' });
    await setSetting(page, 'Epochs', '5');
    await page.getByRole('button', { name: 'Train' }).click();
    await expect(page.getByTestId('training-status')).toContainText('Done', { timeout: 60_000 });
    // The evaluation is on the test file's rows; the split ratios divided the training file.
    await expect(page.getByRole('heading', { name: /^Test split/ })).toContainText(
      'Test split (37 rows',
    );
    const rows = await page.evaluate(
      () =>
        (
          window as unknown as {
            trainSmarter: {
              store: {
                getState(): {
                  run: { record: { rows: { train: number; validation: number; test: number } } };
                };
              };
            };
          }
        ).trainSmarter.store.getState().run.record.rows,
    );
    expect(rows.test).toBe(37);
    expect(rows.train + rows.validation).toBe(200);
    expect(rows.validation).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('test-accuracy').textContent())).toBeGreaterThan(0.6);
  });

  test('a random 25% sample of the rows, stratified, is what loads', async ({ page }) => {
    await openFresh(page);
    await upload(page, 'split-train.csv');
    const preview = page.getByRole('dialog', { name: 'split-train.csv' });
    await preview.getByLabel('Use a random sample (% of rows)').fill('25');
    await expect(preview.getByTestId('csv-sample-note')).toContainText('about 50 of 200 rows');
    // Bulk scaling for wide files: min-max on every column matching a pattern.
    await preview.getByLabel('Name pattern').fill('^x');
    await preview.getByLabel('Scaling of matching').selectOption('minmax');
    await preview.getByRole('button', { name: 'Set scaling' }).click();
    await expect(
      preview.getByRole('status').filter({ hasText: 'Set min-max scaling on 2 columns.' }),
    ).toBeVisible();
    await preview.getByRole('button', { name: 'Use this dataset' }).click();
    await expect(page.getByTestId('dataset-name')).toHaveText('split-train.csv');
    await expect(page.getByTestId('csv-skipped-report')).toContainText(
      'Using a random 25% sample: 50 rows of 200, stratified by class (sample seed 1).',
    );
    const facts = page.locator('.data-panel dl.facts');
    await expect(facts.locator('dt:text-is("Rows") + dd')).toHaveText('50');
    const counts = await page.locator('.class-bars .count').allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(50);
    // Min-max scaled features (fitted on the training rows) lie in about [0, 1].
    const cells = await page
      .getByRole('table', { name: 'Rows the model receives' })
      .locator('td')
      .allTextContents();
    expect(cells.length).toBe(10);
    for (const v of cells.map(Number)) {
      expect(v).toBeGreaterThanOrEqual(-0.05);
      expect(v).toBeLessThanOrEqual(1.05);
    }
  });

  test('regression with a standardized target reports MAE in the target’s units', async ({
    page,
  }) => {
    await openFresh(page);
    await upload(page, 'prices.csv');
    const preview = page.getByRole('dialog', { name: 'prices.csv' });
    await expect(preview.getByLabel('Target column')).toHaveValue('price');
    await expect(preview.getByLabel('Task')).toHaveValue('regression');
    await preview
      .getByLabel('Standardize the target (errors are reported in its own units)')
      .check();
    await preview.getByRole('button', { name: 'Use this dataset' }).click();
    await expect(page.getByTestId('dataset-name')).toHaveText('prices.csv');
    await page.getByLabel('Backend').selectOption({ value: 'cpu' });
    await setSetting(page, 'Epochs', '30');
    await page.getByRole('button', { name: 'Train' }).click();
    await expect(page.getByTestId('training-status')).toContainText('Done', { timeout: 60_000 });
    // Prices are 1,500–4,300 (std ≈ 600): a standardized MAE would be below 1; in price
    // units the model is off by tens, not thousands.
    const testMae = Number(await page.getByTestId('test-mae').textContent());
    expect(testMae).toBeGreaterThan(5);
    expect(testMae).toBeLessThan(250);
    const valMae = await metric(page, 'metric-val-mae');
    expect(valMae).toBeGreaterThan(5);
    expect(valMae).toBeLessThan(250);
  });
});
