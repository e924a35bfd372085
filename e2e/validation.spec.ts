/**
 * Each kind of invalid graph marks the offending layer (aria-invalid) with a specific
 * message, disables Train with the reason shown, and fixing it re-enables Train.
 */
import { expect, test, type Page } from '@playwright/test';
import { openFresh } from './helpers';
import { dragFromPalette, dragHandle, inspector, nodeById, nodesOf } from './canvas';

const train = (page: Page) => page.getByRole('button', { name: 'Train' });

async function expectBlocked(page: Page, node: ReturnType<typeof nodeById>, message: RegExp) {
  await expect(node).toHaveAttribute('aria-invalid', 'true');
  await expect(node).toContainText(message);
  await expect(train(page)).toBeDisabled();
  await expect(page.getByText(/Train is disabled:/)).toBeVisible();
}

async function expectReady(page: Page) {
  await expect(page.locator('[data-testid="layer-node"][aria-invalid="true"]')).toHaveCount(0);
  await expect(train(page)).toBeEnabled();
}

async function dropAt(page: Page, type: string, dx: number, dy: number) {
  const canvas = await page.getByTestId('model-canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  await dragFromPalette(page, type, { x: canvas.x + dx, y: canvas.y + dy });
}

test.beforeEach(async ({ page }) => {
  await openFresh(page);
  await expectReady(page);
});

test('a dangling layer', async ({ page }) => {
  await dropAt(page, 'Dense', 130, 150);
  const dangling = nodesOf(page, 'Dense').last();
  await expectBlocked(page, dangling, /not connected|dangling|path/i);
  await dangling.click();
  await page.keyboard.press('Delete');
  await expectReady(page);
});

test('a second output', async ({ page }) => {
  await dropAt(page, 'Dense', 130, 250);
  await dragHandle(
    page,
    nodeById(page, 'dense_1').getByTestId('handle-source'),
    nodeById(page, 'dense_4').getByTestId('handle-target'),
  );
  await expectBlocked(page, nodeById(page, 'dense_4'), /output/i);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expectReady(page);
});

test('a cycle', async ({ page }) => {
  await dragHandle(
    page,
    nodeById(page, 'dense_2').getByTestId('handle-source'),
    nodeById(page, 'dense_1').getByTestId('handle-target'),
  );
  await expect(
    page.locator('[data-testid="layer-node"][aria-invalid="true"]').first(),
  ).toContainText(/loop|cycle/i);
  await expect(train(page)).toBeDisabled();
  await page.keyboard.press('Control+z');
  await expectReady(page);
});

test('mismatched shapes into Add', async ({ page }) => {
  // Input (None, 2) and Dense #1 (None, 8) both feed an Add that feeds the head.
  await nodeById(page, 'dense_2').click();
  await page.keyboard.press('Delete');
  await dropAt(page, 'Add', 130, 250);
  const add = nodesOf(page, 'Add');
  await dragHandle(
    page,
    nodeById(page, 'input_1').getByTestId('handle-source'),
    add.getByTestId('handle-target'),
  );
  await dragHandle(
    page,
    nodeById(page, 'dense_1').getByTestId('handle-source'),
    add.getByTestId('handle-target'),
  );
  await dragHandle(
    page,
    add.getByTestId('handle-source'),
    nodeById(page, 'dense_3').getByTestId('handle-target'),
  );
  await expectBlocked(page, add, /\(None, 2\).*\(None, 8\)|\(None, 8\).*\(None, 2\)/);
  // Fix: make Dense #1 as wide as the Input.
  await nodeById(page, 'dense_1').click();
  await inspector(page).getByLabel('Units', { exact: true }).fill('2');
  await expectReady(page);
  await expect(add.getByTestId('layer-shape')).toHaveText('(None, 2)');
});

test('an output that does not match the target', async ({ page }) => {
  const head = nodeById(page, 'dense_3');
  await head.click();
  const units = inspector(page).getByLabel('Units', { exact: true });
  await units.fill('5');
  await expectBlocked(page, head, /target/i);
  await units.fill('1');
  await expectReady(page);
});

test('a convolution on flat input', async ({ page }) => {
  await nodeById(page, 'dense_2').click();
  await page.keyboard.press('Delete');
  await dropAt(page, 'Conv2D', 130, 250);
  const conv = nodesOf(page, 'Conv2D');
  await dragHandle(
    page,
    nodeById(page, 'dense_1').getByTestId('handle-source'),
    conv.getByTestId('handle-target'),
  );
  await dragHandle(
    page,
    conv.getByTestId('handle-source'),
    nodeById(page, 'dense_3').getByTestId('handle-target'),
  );
  await expectBlocked(page, conv, /image input/);
  // The fix is named in the list of problems.
  await expect(page.getByTestId('graph-issue').first()).toContainText(/Reshape/);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expectReady(page);
});
