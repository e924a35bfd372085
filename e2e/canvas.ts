/** Canvas helpers shared by the editor specs: real mouse drags, by test id and role. */
import type { Locator, Page } from '@playwright/test';

export const TOLERANCE_PX = 30;

export const paletteItem = (page: Page, type: string) =>
  page.locator(`[data-testid="palette-item"][data-layer-type="${type}"]`);
export const nodesOf = (page: Page, type: string) =>
  page.locator(`[data-testid="layer-node"][data-layer-type="${type}"]`);
export const nodeById = (page: Page, id: string) =>
  page.locator(`[data-testid="layer-node"][data-node-id="${id}"]`);
export const edges = (page: Page) => page.getByTestId('model-canvas').locator('.react-flow__edge');
export const edgeBetween = (page: Page, from: string, to: string) =>
  page.locator(`.react-flow__edge[aria-label="Connection from ${from} to ${to}"]`);
export const inspector = (page: Page) => page.getByRole('region', { name: 'Layer inspector' });

export async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A real HTML5 drag from a palette item to a point, with intermediate mouse moves. */
export async function dragFromPalette(page: Page, type: string, to: { x: number; y: number }) {
  const item = paletteItem(page, type);
  await item.scrollIntoViewIfNeeded();
  const from = await centreOf(item);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 12, from.y + 4, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 15 });
  await page.mouse.up();
}

/** Wires two layers by dragging from one handle to the other. */
export async function dragHandle(page: Page, from: Locator, to: Locator) {
  const a = await centreOf(from);
  const b = await centreOf(to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 15 });
  await page.mouse.up();
}
