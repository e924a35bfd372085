/**
 * Whether the app was opened with ?testHooks=1 (fault tests and the bench). Kept apart from
 * testHooks.ts, which imports the controller, so the controller can ask without a cycle.
 */
export const testHooksEnabled = (): boolean =>
  new URLSearchParams(location.search).get('testHooks') === '1';
