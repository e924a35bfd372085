/**
 * The template gallery and the data-aware starting model, at CI scale
 * (?templateScale=tiny: an eighth of the filters and units, one epoch of batch 16 at
 * learning rate 0.01, 512 built-in images), on the WASM backend.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openFresh } from './helpers';

const TINY = '?testHooks=1&templateScale=tiny';
const layers = (page: Page, type: string) =>
  page.locator(`[data-testid="layer-node"][data-layer-type="${type}"]`);

/** The live run's batch losses, from the store. */
const batchLosses = (page: Page) =>
  page.evaluate(() =>
    (window.trainSmarter!.store.getState().run?.record.batches ?? []).map((b) => b.loss),
  );

/** Serious and critical axe violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const CASES = [
  { id: 'image', dataset: /Fashion-MNIST/, layer: 'Conv2D', count: 2 },
  { id: 'quickstart', dataset: /Fashion-MNIST/, layer: 'Dense', count: 2 },
  { id: 'tabular', dataset: /Wine/, layer: 'Dense', count: 3 },
] as const;

test('the gallery loads each template, which trains one epoch on its dataset with a falling loss', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openFresh(page, TINY);
  await page.getByLabel('Backend').selectOption('wasm');
  for (const c of CASES) {
    await page.getByRole('button', { name: 'Templates' }).click();
    const gallery = page.getByRole('dialog', { name: 'Start from a template' });
    await expect(gallery.getByTestId('template')).toHaveCount(3);
    await gallery.locator(`[data-testid="template"][data-template="${c.id}"]`).click();
    await expect(gallery).toBeHidden();
    await expect(page.getByTestId('dataset-name')).toHaveText(c.dataset);
    await expect(layers(page, c.layer)).toHaveCount(c.count);
    if (c.id !== 'image') await expect(layers(page, 'Conv2D')).toHaveCount(0);
    // Each card's output shape stays on one line, (None, 26, 26, 32) beside 320 params too.
    const shapeLines = await page
      .getByTestId('layer-shape')
      .evaluateAll((els) =>
        els.map((e) =>
          Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)),
        ),
      );
    expect(shapeLines, `${c.id}: lines of each card's output shape`).toEqual(
      shapeLines.map(() => 1),
    );
    await expect(page.getByLabel('Epochs', { exact: true })).toHaveValue('1');

    await page.getByRole('button', { name: 'Train' }).click();
    await expect(page.getByTestId('training-status')).toContainText('Done', { timeout: 60_000 });
    const losses = await batchLosses(page);
    expect(losses.length, `${c.id}: batches of the epoch`).toBeGreaterThanOrEqual(6);
    const half = Math.floor(losses.length / 2);
    expect(
      mean(losses.slice(half)),
      `${c.id}: the epoch's later batches have a lower loss than its first ones`,
    ).toBeLessThan(mean(losses.slice(0, half)));
  }
});

test('Fashion-MNIST on a fresh workspace proposes the CNN; "Use suggested model" loads it as one undo step', async ({
  page,
}) => {
  await openFresh(page, TINY);
  const proposal = page.getByTestId('model-proposal');
  // The default model suits the 2-D points it opens on: nothing to propose.
  await expect(proposal).toHaveCount(0);
  await page.getByLabel('Dataset').selectOption({ value: 'bundled:fashion-mnist' });
  await expect(page.getByTestId('dataset-name')).toHaveText(/Fashion-MNIST/);
  await expect(proposal).toContainText('Image classification CNN');
  // Nothing changes until the user asks.
  await expect(layers(page, 'Conv2D')).toHaveCount(0);
  expect.soft(await seriousViolations(page), 'proposal banner').toEqual([]);
  await page.getByRole('button', { name: 'Templates' }).click();
  const gallery = page.getByRole('dialog', { name: 'Start from a template' });
  await expect(gallery.getByText('import tensorflow as tf')).toBeVisible();
  expect.soft(await seriousViolations(page), 'template gallery').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(gallery).toBeHidden();

  await proposal.getByRole('button', { name: 'Use suggested model' }).click();
  await expect(layers(page, 'Conv2D')).toHaveCount(2);
  await expect(layers(page, 'MaxPooling2D')).toHaveCount(2);
  await expect(layers(page, 'Dropout')).toHaveCount(1);
  await expect(proposal).toHaveCount(0);
  await expect(page.getByLabel('Batch size', { exact: true })).toHaveValue('16');

  // One undo brings back the model and the settings; the proposal with them.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(layers(page, 'Conv2D')).toHaveCount(0);
  await expect(page.getByLabel('Batch size', { exact: true })).toHaveValue('32');
  await expect(proposal).toBeVisible();
  await proposal.getByRole('button', { name: 'Keep my model' }).click();
  await expect(proposal).toHaveCount(0);
});
