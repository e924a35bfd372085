/** Starts the session once for the app's store; React calls it from App's effect. */
import { useAppStore } from '../store';
import { testHooksEnabled } from '../testHooksEnabled';
import { createController } from './controller';
import { imageTestHooksFromUrl } from './datasetLoading';
import { handleCsvMessage } from '../csvUpload';

/** Creates the worker and loads the workspace's dataset. Returns the cleanup for React. */
export function startController(): () => void {
  const existing = useAppStore.getState().controller;
  if (existing) return () => {};
  const hooks = testHooksEnabled();
  const controller = createController(useAppStore, {
    testHooks: hooks,
    imageTestHooks: () => (hooks ? imageTestHooksFromUrl(location.search) : null),
    onMessage: (msg) => handleCsvMessage(useAppStore, msg),
  });
  useAppStore.setState({ controller });
  controller.load(useAppStore.getState().datasetChoice, false);
  return () => {
    controller.dispose();
    if (useAppStore.getState().controller === controller)
      useAppStore.setState({ controller: null });
  };
}
