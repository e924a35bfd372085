/**
 * Data never leaves the browser: over a journey no request leaves the app's origin, and a
 * deliberate request to another origin is blocked (the negative control that proves the
 * check can fail). The page runs under the Content-Security-Policy of vite.config.ts.
 */
import { expect, test } from '@playwright/test';
import { openFresh, setSetting } from './helpers';

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

  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toBe(POLICY);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    POLICY,
  );
  await openFresh(page);

  // Journey: train on the default set (WASM loads), switch to a bundled image set.
  await setSetting(page, 'Epochs', '3');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('training-status')).toContainText('Done');
  await page.getByLabel('Dataset').selectOption({ value: 'bundled:wine' });
  await expect(page.getByTestId('dataset-name')).toHaveText(/wine/i);
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('training-status')).toContainText('Done');
  expect(
    await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  ).toEqual([]);
  expect(foreign).toEqual([]);

  // Negative control: a request to another loopback origin is blocked by the policy.
  const other = `http://127.0.0.2:${new URL(baseURL!).port}/probe`;
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
