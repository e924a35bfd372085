import { expect, test, type Locator } from '@playwright/test';
import { openFresh, setSetting } from './helpers';

/** How many of a canvas's pixels are not fully transparent. */
async function paintedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });
}

test('Find learning rate on the default data suggests a rate in [1e-4, 1]; one click sets it', async ({
  page,
}, testInfo) => {
  await openFresh(page);
  await page.getByLabel('Backend').selectOption({ value: 'wasm' });
  const field = page.getByLabel('Learning rate', { exact: true });
  await expect(field).toHaveValue('0.01');
  await page.getByRole('button', { name: 'Find learning rate' }).click();
  const suggestion = page.getByTestId('lr-suggestion');
  await expect(suggestion).toHaveText(/^\d/, { timeout: 40_000 });
  await expect(page.getByRole('figure', { name: 'Learning-rate finder' })).toBeVisible();
  // The curve has its line and both rules' marks.
  await expect(page.getByTestId('lr-finder-chart').locator('.recharts-line path')).toHaveCount(1);
  await expect(page.getByTestId('lr-finder-chart').locator('.recharts-reference-dot')).toHaveCount(
    2,
  );
  const valley = Number(await suggestion.textContent());
  expect(valley).toBeGreaterThanOrEqual(1e-4);
  expect(valley).toBeLessThanOrEqual(1);
  // The steepest-slope rule gives its own suggestion, in the same hook.
  await page.getByLabel('Suggestion rule').selectOption({ value: 'steep' });
  const steep = Number(await suggestion.textContent());
  expect(steep).toBeGreaterThan(0);
  await page.getByLabel('Suggestion rule').selectOption({ value: 'valley' });
  await expect(suggestion).toHaveText(String(valley));

  await page.locator('.lr-finder').screenshot({ path: testInfo.outputPath('lr-finder.png') });
  await page.getByRole('button', { name: 'Use suggested rate' }).click();
  await expect(field).toHaveValue(String(valley));
  // The model was not trained by the finder: no run was recorded.
  await expect(page.getByTestId('run-row')).toHaveCount(0);
});

test('a saliency map renders over an image example and in Try the model', async ({
  page,
}, testInfo) => {
  await openFresh(page);
  await page.getByLabel('Dataset').selectOption({ value: 'bundled:fashion-mnist' });
  await expect(page.getByTestId('dataset-name')).toHaveText(/fashion/i);
  const sample = page.getByLabel('Examples to use (empty: all)');
  await sample.fill('300');
  await sample.press('Enter');
  await expect(page.getByText('300', { exact: true }).first()).toBeVisible();
  // Dense 128: the small MLP's 8 ReLU units are often all off for an image after 2 epochs,
  // and its gradient is then exactly 0 (an empty map, which the card explains).
  await page.getByLabel('Model template').selectOption({ value: 'mlp' });
  await page.getByLabel('Backend').selectOption({ value: 'wasm' });
  await setSetting(page, 'Epochs', '2');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('training-status')).toContainText('Done', { timeout: 40_000 });

  await page
    .locator(
      '[data-testid="confusion-matrix"][data-split="test"] button[data-testid="cm-cell"]:enabled',
    )
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: /^Test split: actual .*, predicted / });
  const card = dialog.getByTestId('example').first();
  await expect(card.getByRole('img')).toHaveCount(1);
  await card.getByRole('button', { name: 'Saliency' }).click();
  const map = card.getByTestId('saliency');
  await expect(map).toBeVisible();
  await expect(map).toHaveAttribute('aria-label', /^Saliency map \(Gradient\) for /);
  // 28 × 28, over the 4× thumbnail, with a heat map that is not empty.
  await expect(map).toHaveAttribute('width', '28');
  const thumb = (await card.getByRole('img').first().boundingBox())!;
  const over = (await map.boundingBox())!;
  expect(Math.abs(over.x - thumb.x)).toBeLessThanOrEqual(2);
  expect(over.width).toBeCloseTo(112, 0);
  await expect.poll(() => paintedPixels(map)).toBeGreaterThan(20);
  await card.getByLabel('Saliency method').selectOption({ value: 'smoothgrad' });
  await expect(map).toHaveAttribute('aria-label', /^Saliency map \(SmoothGrad\) for /);
  await expect.poll(() => paintedPixels(card.getByTestId('saliency'))).toBeGreaterThan(20);
  await card.screenshot({ path: testInfo.outputPath('saliency-card.png') });
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Try the model' }).click();
  const panel = page.getByRole('dialog', { name: /^Try the model/ });
  const pad = panel.getByLabel('Draw here');
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.7, { steps: 8 });
  await page.mouse.up();
  await expect(panel.getByRole('img', { name: 'What the model sees' })).toBeVisible();
  await panel.getByRole('button', { name: 'Saliency' }).click();
  await expect(panel.getByTestId('saliency')).toBeVisible();
  await expect.poll(() => paintedPixels(panel.getByTestId('saliency'))).toBeGreaterThan(5);
  await panel.screenshot({ path: testInfo.outputPath('saliency-try.png') });
});
