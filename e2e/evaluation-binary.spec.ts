import { expect, test, type Locator, type Page } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openFresh, setSetting } from './helpers';

const here = dirname(fileURLToPath(import.meta.url));
const PLAIN = /^(0|1)\.\d{4}$/;

async function trainToDone(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('training-status')).toContainText('Done', { timeout: 30_000 });
}

/** The counts of a confusion matrix, row by row (rows actual). */
async function counts(matrix: Locator): Promise<number[]> {
  return matrix
    .getByTestId('cm-cell')
    .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-count'))));
}

/** The decision stored with the run's record (read-only look into the app's database). */
const storedDecision = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('train-smarter-runs');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('runs').objectStore('runs').getAll();
          all.onsuccess = () => {
            resolve((all.result as { decision?: unknown }[]).map((r) => r.decision ?? null));
            db.close();
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );

test('binary report: ROC and PR, a threshold chosen on validation, kept after a reload', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await openFresh(page);
  await page.getByLabel('Upload CSV').setInputFiles(join(here, 'fixtures', 'csv', 'screening.csv'));
  const preview = page.getByRole('dialog', { name: 'screening.csv' });
  await expect(preview.getByLabel('Target column')).toHaveValue('diagnosis');
  await expect(preview.getByLabel('Task')).toHaveValue('binary');
  await preview.getByRole('button', { name: 'Use this dataset' }).click();
  await expect(preview).toBeHidden();
  await page.getByLabel('Backend').selectOption({ value: 'wasm' });
  await setSetting(page, 'Epochs', '15');
  await trainToDone(page);

  const panel = page.getByTestId('evaluation-panel');
  await expect(
    panel.getByRole('figure', { name: 'ROC curve' }).locator('path.recharts-line-curve'),
  ).toHaveCount(2);
  await expect(
    panel
      .getByRole('figure', { name: 'Precision–recall curve' })
      .locator('path.recharts-line-curve'),
  ).toHaveCount(2);
  await expect(panel.getByRole('figure', { name: 'Reliability diagram' })).toBeVisible();
  for (const hook of [
    'test-accuracy',
    'test-balanced-accuracy',
    'test-macro-f1',
    'test-auc',
    'baseline-accuracy',
    'test-loss',
  ]) {
    await expect(panel.getByTestId(hook), hook).toHaveText(/^\d+\.\d{4}$/);
  }
  for (const hook of ['test-accuracy', 'test-auc', 'baseline-accuracy'])
    await expect(panel.getByTestId(hook), hook).toHaveText(PLAIN);
  await expect(panel.getByTestId('test-split-uses')).toHaveText('Test split used 1 time');
  await expect(panel.getByTestId('class-report-row')).toHaveCount(2);
  await expect(panel.getByTestId('test-metrics')).toContainText('threshold chosen on validation');

  // The training minority ("sick") is the default positive class.
  const positive = panel.getByLabel('Positive class');
  await expect(positive.locator('option:checked')).toHaveText('sick');
  const validation = panel.locator('[data-testid="confusion-matrix"][data-split="validation"]');
  await expect(validation.getByTestId('cm-cell')).toHaveCount(4);
  const at05 = await counts(validation);
  const slider = panel.getByLabel('Decision threshold');
  // The keyboard moves it in steps of 0.01; a low threshold predicts more rows positive.
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(panel.getByTestId('decision-threshold')).toHaveText('0.49');
  await slider.fill('0.15');
  await expect(panel.getByTestId('decision-threshold')).toHaveText('0.15');
  await expect.poll(() => counts(validation)).not.toEqual(at05);
  const at015 = await counts(validation);
  expect(at015.reduce((a, b) => a + b, 0)).toBe(at05.reduce((a, b) => a + b, 0));
  // Rows actually sick (second row) predicted sick (second column) can only grow.
  expect(at015[3]).toBeGreaterThanOrEqual(at05[3]!);
  await expect(panel.getByTestId('test-metrics')).toContainText('at threshold 0.15 for sick');

  // The other class as positive: its probability is the score now.
  await positive.selectOption({ label: 'healthy' });
  await expect(panel.getByTestId('test-metrics')).toContainText('for healthy');
  await expect(panel.getByTestId('validation-at-threshold')).toContainText('predicted healthy');
  await expect.poll(() => storedDecision(page)).toEqual([{ positive: 0, threshold: 0.15 }]);

  // After a reload the report comes from the stored outputs, with the kept decision.
  await page.reload();
  await expect(panel.getByLabel('Positive class').locator('option:checked')).toHaveText('healthy');
  await expect(panel.getByLabel('Decision threshold')).toHaveValue('0.15');
  await expect(panel.getByRole('figure', { name: 'ROC curve' })).toBeVisible();
  await expect(panel.getByTestId('test-auc')).toHaveText(PLAIN);

  await panel.screenshot({ path: test.info().outputPath('binary-report.png') });
});

test('a 3-class report: a 9-cell matrix, per-class rows, one-vs-rest AUC; any run reopens', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await openFresh(page);
  await page.getByLabel('Backend').selectOption({ value: 'wasm' });
  await setSetting(page, 'Epochs', '3');
  await trainToDone(page);
  await page.getByLabel('Dataset').selectOption({ value: 'bundled:wine' });
  await expect(page.getByTestId('dataset-name')).toHaveText(/wine/i);
  await setSetting(page, 'Epochs', '20');
  await trainToDone(page);

  const panel = page.getByTestId('evaluation-panel');
  const matrix = panel.locator('[data-testid="confusion-matrix"][data-split="test"]');
  const cells = matrix.getByTestId('cm-cell');
  await expect(cells).toHaveCount(9);
  const total = (await counts(matrix)).reduce((a, b) => a + b, 0);
  const testRows = Number(
    /\((\d+) rows/.exec(
      (await panel.getByRole('heading', { name: /^Test split/ }).textContent()) ?? '',
    )?.[1],
  );
  expect(total).toBe(testRows);
  await expect(panel.getByTestId('class-report-row')).toHaveCount(3);
  await expect(panel.getByTestId('ovr-auc').locator('tbody tr')).toHaveCount(4);
  await expect(panel.getByLabel('Positive class')).toHaveCount(0);
  await expect(panel.getByTestId('test-macro-f1')).toHaveText(PLAIN);

  // Row-normalised: the text is the share, data-count stays the count.
  const first = cells.first();
  const count = await first.getAttribute('data-count');
  await matrix.locator('..').locator('..').getByLabel('Row-normalised').check();
  await expect(first).toHaveText(/^\d\.\d\d$/);
  await expect(first).toHaveAttribute('data-count', count!);
  await expect(first).toHaveAttribute('data-fraction', /^\d\.\d{4}$/);

  // The first run's report, from its row in the runs list.
  await page
    .locator('[data-testid="run-row"][data-run-name="Run 1"]')
    .getByRole('button', { name: 'Report of Run 1' })
    .click();
  await expect(panel.getByTestId('report-run')).toContainText('Run 1');
  await expect(panel.getByRole('figure', { name: 'ROC curve' })).toBeVisible();
  await panel.getByRole('button', { name: 'Show the latest run' }).click();
  await expect(cells).toHaveCount(9);

  // A cell opens the examples behind it.
  const diagonal = matrix.locator(
    '[data-testid="cm-cell"][data-actual="class_1"][data-predicted="class_1"]',
  );
  await diagonal.click();
  await expect(page.getByRole('dialog')).toBeVisible();
});
