/** The system colour scheme (the app's light and dark themes follow it). */
import { useSyncExternalStore } from 'react';
import type { Theme } from '../../core/evaluation/colorScale';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** 'dark' while the system prefers dark, else 'light'. */
export function useTheme(): Theme {
  return useSyncExternalStore(
    subscribe,
    () => (window.matchMedia(QUERY).matches ? 'dark' : 'light'),
    () => 'light',
  );
}
