/**
 * Data never leaves the browser: over a journey no request leaves the app's origin, and a
 * deliberate request to another origin is blocked (the negative control that proves the
 * check can fail). The page runs under the Content-Security-Policy of vite.config.ts.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { openFresh, setSetting } from './helpers';

const csvFixture = join(
  dirname(fileURLToPath(import.meta.url)),
  'fixtures',
  'csv',
  'small-good.csv',
);

const row = (page: Page, name: string) =>
  page.locator(`[data-testid="run-row"][data-run-name="${name}"]`);

async function trainToDone(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('training-status')).toContainText('Done', { timeout: 60_000 });
}

const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; img-src 'self' blob: data:; connect-src 'self' blob: data:; style-src 'self'; object-src 'none'; base-uri 'none'";

test('no request leaves the origin during a journey, and a foreign request is blocked', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  const allowed = (url: string) =>
    url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:');
  context.on('request', (r) => {
    if (!allowed(r.url())) foreign.push(r.url());
  });
  page.on('websocket', (ws) => foreign.push(ws.url()));
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });

  const response = await page.goto('/?testHooks=1');
  expect(response?.headers()['content-security-policy']).toBe(POLICY);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    POLICY,
  );
  await openFresh(page, '?testHooks=1');

  // Journey: train on the default set (WASM loads), switch to a bundled set.
  await setSetting(page, 'Epochs', '3');
  await trainToDone(page);
  await page.getByLabel('Dataset').selectOption({ value: 'bundled:wine' });
  await expect(page.getByTestId('dataset-name')).toHaveText(/wine/i);
  await trainToDone(page);

  // Upload a CSV, train on it twice with two learning rates.
  await page.getByLabel('Upload CSV').setInputFiles(csvFixture);
  const preview = page.getByRole('dialog', { name: 'small-good.csv' });
  await preview.getByRole('button', { name: 'Use this dataset' }).click();
  await expect(page.getByTestId('dataset-name')).toHaveText('small-good.csv');
  await setSetting(page, 'Epochs', '2');
  await trainToDone(page);
  await setSetting(page, 'Learning rate', '0.1');
  await trainToDone(page);
  await expect(row(page, 'Run 4')).toHaveAttribute('data-status', 'completed');

  // Export the trained model (built on the main thread from the worker's files).
  const summary = page.locator('summary', { hasText: 'Project' });
  await summary.click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download model' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  if ((await page.locator('details.project-menu').getAttribute('open')) !== null)
    await summary.click();

  // Compare the two CSV runs: the same file's fingerprint, so no data warning.
  await row(page, 'Run 3').getByRole('checkbox').check();
  await row(page, 'Run 4').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Compare' }).click();
  const dialog = page.getByRole('dialog', { name: /Compare 2 runs/ });
  await expect(dialog.getByTestId('config-diff')).toHaveText('learningRate 0.01 → 0.1');
  await expect(dialog.getByTestId('compare-chart-loss')).toHaveAttribute(
    'data-series-points',
    '2,2',
  );
  await expect(dialog.getByTestId('data-warning')).toHaveCount(0);
  const dataCells = dialog.getByRole('cell', { name: /^small-good\.csv · [0-9a-f]{8}$/ });
  await expect(dataCells).toHaveCount(2);
  const [first, second] = await dataCells.allTextContents();
  expect(first).toBe(second);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // With the wine run too, the comparison warns that the data differ.
  await row(page, 'Run 2').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Compare' }).click();
  const three = page.getByRole('dialog', { name: /Compare 3 runs/ });
  await expect(three.getByTestId('data-warning')).toContainText('used different data');
  await page.keyboard.press('Escape');

  // The CSV runs' records keep the file's fingerprint (hashed in the worker while parsing)
  // and the pipeline fitted on each run's training rows.
  const records = await page.evaluate(() =>
    window.trainSmarter!.store.getState().runs.map((r) => ({
      name: r.name,
      content: r.dataset.content,
      fitted: r.pipeline?.fitted?.trainRows ?? null,
    })),
  );
  const csvRuns = records.filter((r) => r.content?.source === 'csv');
  expect(csvRuns.map((r) => r.name).sort()).toEqual(['Run 3', 'Run 4']);
  expect(csvRuns[0]!.content).toEqual(csvRuns[1]!.content);
  expect(csvRuns[0]!.content).toMatchObject({
    name: 'small-good.csv',
    hash: /^m3x2:[0-9a-f]{16}$/,
  });
  for (const r of csvRuns) expect(r.fitted).toBeGreaterThan(0);
  expect(records.find((r) => r.name === 'Run 2')?.content?.source).toBe('builtin');
  expect(
    await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  ).toEqual([]);
  expect(foreign).toEqual([]);

  // Negative controls: a request to another loopback origin is blocked by the policy,
  // from the page and from the worker (which names the directive that blocked it).
  const other = `http://127.0.0.2:${new URL(baseURL!).port}/probe`;
  const fromWorker = await page.evaluate((url) => window.trainSmarter!.fetchProbe(url), other);
  expect(fromWorker.blocked).toBe(true);
  expect(fromWorker.detail).toContain(`connect-src ${other}`);
  const outcome = await page.evaluate(
    (url) =>
      fetch(url).then(
        () => 'sent',
        () => 'blocked',
      ),
    other,
  );
  expect(outcome).toBe('blocked');
  await expect
    .poll(() =>
      page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    )
    .toContainEqual(expect.stringContaining('connect-src'));
});
