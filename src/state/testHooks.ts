import { useAppStore } from './store';

/** Whether the app was opened with ?testHooks=1 (fault tests and the bench). */
export const testHooksEnabled = (): boolean =>
  new URLSearchParams(location.search).get('testHooks') === '1';

declare global {
  interface Window {
    /** Present only with ?testHooks=1: lets tests and the bench read and drive the store. */
    trainSmarter?: { store: typeof useAppStore };
  }
}

/** Exposes the store on window for tests and the bench, only when test hooks are on. */
export function installTestHooks(): void {
  if (testHooksEnabled()) window.trainSmarter = { store: useAppStore };
}
