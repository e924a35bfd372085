// Figure 5: start-up, the time until the editor is interactive and the JavaScript loaded
// before it (the page's own, gzip; TF.js loads with the worker).

/** Opens the app without test hooks `repeats` times. */
export async function startupFigure({ browser, openApp, repeats, add }) {
  const startMs = [];
  const gz = [];
  for (let i = 0; i < repeats; i++) {
    const { page, context, jsBytes } = await openApp(browser, '');
    startMs.push(
      await page.evaluate(
        () => performance.getEntriesByName('editor-interactive')[0]?.startTime ?? NaN,
      ),
    );
    gz.push(jsBytes.gzip / 1024);
    await context.close();
  }
  add('5. Start-up: time until the editor is interactive', 'ms', startMs, 0);
  add(
    '5. Start-up: JavaScript loaded before first interaction (gzip; TF.js loads with the worker)',
    'KiB',
    gz,
    0,
  );
}
