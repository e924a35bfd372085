import { expect, type Page } from '@playwright/test';

/** Opens the app on a fresh workspace and waits until the default dataset is loaded. */
export async function openFresh(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`/${query}`);
  await expect(page.getByTestId('dataset-name')).toBeVisible();
}

/** Types a training setting by its label. */
export async function setSetting(page: Page, label: string, value: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.blur();
}

/** Reads a metric element as a number (NaN when empty). */
export async function metric(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? '';
  return text.trim() === '' ? NaN : Number(text);
}

/** Opens a project file through the Project menu and waits for its dataset to load. */
export async function openProject(page: Page, path: string): Promise<void> {
  const menu = page.locator('details.project-menu');
  if ((await menu.getAttribute('open')) === null)
    await page.locator('summary', { hasText: 'Project' }).click();
  await page.getByLabel('Project file').setInputFiles(path);
  await expect(page.getByTestId('dataset-name')).toBeVisible();
}
