import type { StoreApi } from 'zustand';
import type { AppState } from '../store';
import type { ToWorker } from '../../worker/protocol';

/** The app store as the session's parts see it (a fresh one in tests). */
export type AppStore = Pick<StoreApi<AppState>, 'getState' | 'setState' | 'subscribe'>;

export type Send = (msg: ToWorker) => void;
