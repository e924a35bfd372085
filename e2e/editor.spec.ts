/**
 * The model editor journey, driven with real mouse drags: build from the palette, wire,
 * edit parameters in the inspector, delete, undo and redo from the keyboard.
 */
import { expect, test } from '@playwright/test';
import { openFresh } from './helpers';
import {
  TOLERANCE_PX,
  centreOf,
  dragFromPalette,
  dragHandle,
  edgeBetween,
  edges,
  inspector,
  nodeById,
  nodesOf,
  paletteItem,
} from './canvas';

test.beforeEach(async ({ page }) => {
  await openFresh(page);
  await expect(page.getByTestId('layer-node')).toHaveCount(4);
});

test('layers dragged from the palette land at the pointer and can be wired', async ({ page }) => {
  const canvas = await page.getByTestId('model-canvas').boundingBox();
  if (!canvas) throw new Error('no canvas');
  // Empty spots left and right of the default chain, clear of toolbar, controls and minimap.
  const drops = [
    { type: 'Dropout', x: canvas.x + 130, y: canvas.y + 120 },
    { type: 'BatchNormalization', x: canvas.x + 130, y: canvas.y + 260 },
    { type: 'Activation', x: canvas.x + canvas.width - 130, y: canvas.y + 120 },
  ];
  for (const drop of drops) {
    await dragFromPalette(page, drop.type, drop);
    const node = nodesOf(page, drop.type);
    await expect(node).toHaveCount(1);
    const centre = await centreOf(node);
    expect(Math.abs(centre.x - drop.x), `${drop.type} x`).toBeLessThanOrEqual(TOLERANCE_PX);
    expect(Math.abs(centre.y - drop.y), `${drop.type} y`).toBeLessThanOrEqual(TOLERANCE_PX);
    // Unconnected, so it is flagged with its problem.
    await expect(node).toHaveAttribute('aria-invalid', 'true');
  }
  await expect(page.getByTestId('layer-node')).toHaveCount(7);
  await expect(edges(page)).toHaveCount(3);

  await dragHandle(
    page,
    nodesOf(page, 'Dropout').getByTestId('handle-source'),
    nodesOf(page, 'BatchNormalization').getByTestId('handle-target'),
  );
  await expect(edgeBetween(page, 'Dropout #1', 'BatchNormalization #1')).toHaveCount(1);
  await dragHandle(
    page,
    nodesOf(page, 'BatchNormalization').getByTestId('handle-source'),
    nodesOf(page, 'Activation').getByTestId('handle-target'),
  );
  await expect(edgeBetween(page, 'BatchNormalization #1', 'Activation #1')).toHaveCount(1);
  await expect(edges(page)).toHaveCount(5);

  // Wiring the new branch into the model clears the Dropout's problem.
  await dragHandle(
    page,
    nodeById(page, 'dense_3').getByTestId('handle-source'),
    nodesOf(page, 'Dropout').getByTestId('handle-target'),
  );
  await expect(edges(page)).toHaveCount(6);
  await expect(nodesOf(page, 'Dropout')).not.toHaveAttribute('aria-invalid', 'true');
});

test('editing units in the inspector updates the shape; typing is one undo step', async ({
  page,
}) => {
  const shape = nodeById(page, 'dense_1').getByTestId('layer-shape');
  await expect(shape).toHaveText('(None, 8)');
  await nodeById(page, 'dense_1').click();
  const units = inspector(page).getByLabel('Units', { exact: true });
  await expect(units).toHaveValue('8');

  await units.fill('');
  await units.pressSequentially('128');
  await expect(shape).toHaveText('(None, 128)');
  await expect(nodeById(page, 'dense_2')).toContainText(/1,032 params/);
  await units.blur();

  await page.keyboard.press('Control+z');
  await expect(shape).toHaveText('(None, 8)');
  await page.keyboard.press('Control+Shift+z');
  await expect(shape).toHaveText('(None, 128)');
});

test('an invalid parameter is refused with a message', async ({ page }) => {
  const shape = nodeById(page, 'dense_1').getByTestId('layer-shape');
  await nodeById(page, 'dense_1').click();
  const panel = inspector(page);
  const units = panel.getByLabel('Units', { exact: true });
  await units.fill('0');
  await expect(panel.getByRole('alert')).toContainText('whole number from 1');
  await expect(units).toHaveAttribute('aria-invalid', 'true');
  await expect(shape).toHaveText('(None, 8)');

  await units.fill('32');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await expect(shape).toHaveText('(None, 32)');

  const shapeField = inspector(page).getByLabel('Shape', { exact: true });
  await nodeById(page, 'input_1').click();
  await shapeField.fill('2, 0');
  await expect(inspector(page).getByRole('alert')).toBeVisible();
  await expect(nodeById(page, 'input_1').getByTestId('layer-shape')).toHaveText('(None, 2)');
});

test('delete, undo, redo and select all from the keyboard', async ({ page }) => {
  const layers = page.getByTestId('layer-node');
  await nodeById(page, 'dense_2').click();
  await page.keyboard.press('Delete');
  await expect(layers).toHaveCount(3);
  await expect(nodeById(page, 'dense_2')).toHaveCount(0);
  // Its neighbours lost their connection and say so.
  await expect(nodeById(page, 'dense_3')).toHaveAttribute('aria-invalid', 'true');

  await page.keyboard.press('Control+z');
  await expect(layers).toHaveCount(4);
  await expect(edges(page)).toHaveCount(3);
  await page.keyboard.press('Control+Shift+z');
  await expect(layers).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(layers).toHaveCount(4);
  await page.keyboard.press('Control+y');
  await expect(layers).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(layers).toHaveCount(4);

  await nodeById(page, 'dense_1').click();
  await page.keyboard.press('Control+a');
  await expect(inspector(page)).toContainText('4 layers selected');
  await page.keyboard.press('Backspace');
  await expect(layers).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(layers).toHaveCount(4);
  await expect(edges(page)).toHaveCount(3);
});

test('Enter on a palette item adds the layer wired after the selected one', async ({ page }) => {
  await nodeById(page, 'dense_3').click();
  const item = paletteItem(page, 'Dropout');
  await item.focus();
  await page.keyboard.press('Enter');
  await expect(nodesOf(page, 'Dropout')).toHaveCount(1);
  await expect(edgeBetween(page, 'Dense #3', 'Dropout #1')).toHaveCount(1);
  await expect(edges(page)).toHaveCount(4);
  await expect(nodesOf(page, 'Dropout')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(nodesOf(page, 'Dropout').getByTestId('layer-shape')).toHaveText('(None, 1)');
  // The new layer is selected, so a second Enter chains after it.
  await expect(inspector(page).getByRole('heading', { name: 'Dropout #1' })).toBeVisible();

  // Palette items are reachable with Tab.
  await page.getByRole('searchbox', { name: 'Filter layers' }).focus();
  await page.keyboard.press('Tab');
  await expect(paletteItem(page, 'Input')).toBeFocused();
});

test('layers are wired from the keyboard: Enter on an output handle, then on an input', async ({
  page,
}) => {
  const item = paletteItem(page, 'Add');
  await item.focus();
  await page.keyboard.press('Enter');
  await expect(nodesOf(page, 'Add')).toHaveCount(1);
  const before = await edges(page).count();
  for (const from of ['Dense #1', 'Dense #2']) {
    await page.getByRole('button', { name: `Output of ${from}`, exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Input of Add #1', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(edgeBetween(page, from, 'Add #1')).toHaveCount(1);
  }
  await expect(edges(page)).toHaveCount(before + 2);
});
