import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { png } from './fixtures/images/png';
import { openFresh, setSetting } from './helpers';

const here = dirname(fileURLToPath(import.meta.url));

async function trainToDone(page: Page, epochs: string): Promise<void> {
  await page.getByLabel('Backend').selectOption({ value: 'wasm' });
  await setSetting(page, 'Epochs', epochs);
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('training-status')).toContainText('Done', { timeout: 40_000 });
}

/** Serious and critical axe violations inside one part of the page. */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include(selector).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Opens the examples of the first non-empty cell, off the diagonal when there is one. */
async function openCellExamples(page: Page): Promise<{ dialog: Locator; count: number }> {
  // The test split's matrix; a cell with rows is a button that opens them.
  const cells = page.locator(
    '[data-testid="confusion-matrix"][data-split="test"] button[data-testid="cm-cell"]:enabled',
  );
  await expect(cells.first()).toBeVisible();
  let cell = cells.first();
  for (const c of await cells.all()) {
    if ((await c.getAttribute('data-actual')) !== (await c.getAttribute('data-predicted'))) {
      cell = c;
      break;
    }
  }
  const count = Number(await cell.getAttribute('data-count'));
  await cell.click();
  const dialog = page.getByRole('dialog', { name: /^Test split: actual .*, predicted / });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(`1–${Math.min(count, 24)} of ${count}`)).toBeVisible();
  await expect(dialog.getByTestId('example')).toHaveCount(Math.min(count, 24));
  return { dialog, count };
}

/** The probabilities of the try panel's prediction, by class. */
async function probabilities(panel: Locator): Promise<Map<string, number>> {
  const bars = panel.getByTestId('prediction').getByTestId('class-probability');
  const out = new Map<string, number>();
  for (const bar of await bars.all()) {
    out.set(
      (await bar.getAttribute('data-class'))!,
      Number(await bar.getAttribute('data-probability')),
    );
  }
  return out;
}

test('Fashion-MNIST: the examples behind a cell show their images; drawing shows a prediction', async ({
  page,
}, testInfo) => {
  await openFresh(page);
  await page.getByLabel('Dataset').selectOption({ value: 'bundled:fashion-mnist' });
  await expect(page.getByTestId('dataset-name')).toHaveText(/fashion/i);
  const sample = page.getByLabel('Examples to use (empty: all)');
  await sample.fill('300');
  await sample.press('Enter');
  await expect(page.getByText('300', { exact: true }).first()).toBeVisible();
  await page.getByLabel('Model template').selectOption({ value: 'default' });
  await trainToDone(page, '3');

  const { dialog } = await openCellExamples(page);
  const first = dialog.getByTestId('example').first();
  // A 28×28 image drawn crisply at 4×.
  const thumbnail = first.getByRole('img');
  await expect(thumbnail).toHaveAttribute('width', '28');
  await expect(thumbnail).toHaveCSS('image-rendering', 'pixelated');
  expect((await thumbnail.boundingBox())?.width).toBeCloseTo(112, 0);
  await expect(first.getByTestId('example-probability')).toHaveCount(10);
  await expect(
    first.getByTestId('example-probability').filter({ hasText: '(predicted' }),
  ).toHaveCount(1);
  await expect(first.getByTestId('example-probability').filter({ hasText: 'actual)' })).toHaveCount(
    1,
  );
  // The thumbnail holds the dataset's pixels, not a blank canvas.
  const inked = await thumbnail.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    return data.filter((_, i) => i % 4 === 0 && data[i]! > 40).length;
  });
  expect(inked).toBeGreaterThan(20);
  expect.soft(await seriousViolations(page, '[data-testid="examples-dialog"]')).toEqual([]);
  await dialog.screenshot({ path: testInfo.outputPath('examples-dialog.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Focus went back to the cell that opened the dialog.
  await expect(page.locator('button[data-testid="cm-cell"]:focus')).toHaveCount(1);

  await page.getByRole('button', { name: 'Try the model' }).click();
  const panel = page.getByRole('dialog', { name: /^Try the model/ });
  const canvas = panel.getByLabel('Draw here');
  const box = (await canvas.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(224);
  // A shirt-like outline with real mouse moves.
  const at = (fx: number, fy: number) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(0.3, 0.2));
  await page.mouse.down();
  for (const [fx, fy] of [
    [0.7, 0.2],
    [0.85, 0.45],
    [0.7, 0.45],
    [0.7, 0.85],
    [0.3, 0.85],
    [0.3, 0.45],
    [0.15, 0.45],
    [0.3, 0.2],
  ] as const) {
    await page.mouse.move(...at(fx, fy), { steps: 6 });
  }
  await page.mouse.up();
  const bars = panel.getByTestId('prediction').getByTestId('class-probability');
  await expect(bars).toHaveCount(10);
  await expect(
    panel.locator('[data-testid="class-probability"][data-class="T-shirt/top"]'),
  ).toHaveCount(1);
  const p = await probabilities(panel);
  expect([...p.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  await expect(panel.getByRole('img', { name: 'What the model sees' })).toHaveAttribute(
    'width',
    '28',
  );
  expect.soft(await seriousViolations(page, '[data-testid="try-model"]')).toEqual([]);
  await panel.screenshot({ path: testInfo.outputPath('try-drawing.png') });

  // An uploaded photo goes through image ingest's decoder: a bright square on black,
  // resized from 56×56 to 28×28, is what the model sees.
  const seen = panel.getByRole('img', { name: 'What the model sees' });
  await panel.getByLabel('Upload an image').setInputFiles({
    name: 'square.png',
    mimeType: 'image/png',
    buffer: png(56, (x, y) =>
      x >= 14 && x < 42 && y >= 14 && y < 42 ? [250, 250, 250] : [0, 0, 0],
    ),
  });
  const seenPixel = (x: number, y: number) =>
    seen.evaluate(
      (c: HTMLCanvasElement, [px, py]) => c.getContext('2d')!.getImageData(px!, py!, 1, 1).data[0],
      [x, y],
    );
  await expect.poll(() => seenPixel(14, 14)).toBeGreaterThan(200);
  expect(await seenPixel(2, 2)).toBeLessThan(20);

  // Clear gives a blank drawing; the prediction follows it.
  await panel.getByRole('button', { name: 'Clear' }).click();
  await expect
    .poll(async () => JSON.stringify([...(await probabilities(panel)).values()]))
    .not.toBe(JSON.stringify([...p.values()]));
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // Another dataset loaded: the cell still opens, says so, and loads the run's data back.
  await page.getByLabel('Dataset').selectOption({ label: 'Circles' });
  await expect(page.getByTestId('dataset-name')).toHaveText(/circles/i);
  const again = await openCellExamples(page);
  await expect(again.dialog.getByText(/is no longer loaded/)).toBeVisible();
  await expect(again.dialog.getByTestId('example').first().getByRole('img')).toHaveCount(0);
  await expect(
    again.dialog.getByTestId('example').first().getByTestId('example-probability'),
  ).toHaveCount(10);
  await again.dialog.screenshot({ path: testInfo.outputPath('examples-not-loaded.png') });
  await again.dialog.getByRole('button', { name: /^Load Fashion-MNIST/ }).click();
  await expect(again.dialog.getByTestId('example').first().getByRole('img')).toHaveAttribute(
    'width',
    '28',
  );
  await expect(again.dialog.getByText(/is no longer loaded/)).toBeHidden();
});

test('a CSV: the form of raw values predicts, and a cell shows its rows in original values', async ({
  page,
}, testInfo) => {
  await openFresh(page);
  await page
    .getByLabel('Upload CSV')
    .setInputFiles(join(here, 'fixtures', 'csv', 'wine-mixed.csv'));
  const preview = page.getByRole('dialog', { name: 'wine-mixed.csv' });
  await expect(preview.getByLabel('Target column')).toHaveValue('cultivar');
  await preview.getByRole('button', { name: 'Use this dataset' }).click();
  await expect(page.getByTestId('dataset-name')).toHaveText('wine-mixed.csv');
  await trainToDone(page, '10');

  await page.getByRole('button', { name: 'Try the model' }).click();
  const panel = page.getByRole('dialog', { name: /^Try the model/ });
  // The form starts from typical values and predicts at once.
  const bars = panel.getByTestId('prediction').getByTestId('class-probability');
  await expect(bars).toHaveCount(3);
  await expect(
    panel.locator('[data-testid="class-probability"][data-class="class_0"]'),
  ).toHaveCount(1);
  // Raw values: the proline of a class_0 wine and its region chosen from the file's categories.
  await expect(panel.getByLabel('region')).toHaveJSProperty('tagName', 'SELECT');
  await panel.getByLabel('region').selectOption('North');
  const before = await probabilities(panel);
  for (const [column, value] of [
    ['Alcohol', '14.2'],
    ['Flavanoids', '3.1'],
    ['Color intensity', '5.6'],
    ['Proline', '1300'],
  ] as const) {
    await panel.getByLabel(column, { exact: true }).fill(value);
  }
  await expect
    .poll(async () => (await probabilities(panel)).get('class_0'))
    .not.toBe(before.get('class_0'));
  const after = await probabilities(panel);
  expect(after.get('class_0')).toBeGreaterThan(0.5);
  await panel.screenshot({ path: testInfo.outputPath('try-form.png') });
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toBeHidden();

  const { dialog } = await openCellExamples(page);
  // Rows in the file's own values: the region as text, a missing magnesium as missing.
  const card = dialog.getByTestId('example').first();
  await expect(card.getByRole('rowheader', { name: 'Alcohol' })).toBeVisible();
  await expect(
    card.getByRole('row', { name: /region (North|South|East|\(missing\))/ }),
  ).toHaveCount(1);
  await dialog.screenshot({ path: testInfo.outputPath('examples-table.png') });
});

test('a regression CSV: R² beside its baseline, the predicted-vs-actual scatter, the largest errors’ rows', async ({
  page,
}) => {
  await openFresh(page);
  await page.getByLabel('Upload CSV').setInputFiles(join(here, 'fixtures', 'csv', 'prices.csv'));
  const preview = page.getByRole('dialog', { name: 'prices.csv' });
  await expect(preview.getByLabel('Task')).toHaveValue('regression');
  await preview.getByLabel('Standardize the target (errors are reported in its own units)').check();
  await preview.getByRole('button', { name: 'Use this dataset' }).click();
  await expect(page.getByTestId('dataset-name')).toHaveText('prices.csv');
  await trainToDone(page, '30');

  // Plain numbers with 4 decimals; the model beats predicting the training mean.
  const r2 = page.getByTestId('test-r2');
  await expect(r2).toHaveText(/^-?\d+\.\d{4}$/);
  expect(Number(await r2.textContent())).toBeGreaterThan(0.5);
  await expect(page.getByTestId('test-rmse')).toHaveText(/^\d+\.\d{4}$/);
  await expect(page.getByTestId('test-mae')).toHaveText(/^\d+\.\d{4}$/);
  const baseline = Number(await page.getByTestId('baseline-rmse').textContent());
  expect(Number(await page.getByTestId('test-rmse').textContent())).toBeLessThan(baseline);
  await expect(
    page.getByRole('figure', { name: 'Predicted vs actual' }).locator('svg').first(),
  ).toBeVisible();

  await page.getByRole('button', { name: /^Show these \d+ rows$/ }).click();
  const dialog = page.getByRole('dialog', { name: /largest test errors/ });
  await expect(dialog.getByTestId('example').first()).toBeVisible();
  await expect(
    dialog.getByTestId('example').first().getByRole('rowheader', { name: 'size' }),
  ).toBeVisible();
});
