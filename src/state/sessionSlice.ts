import type { StateCreator } from 'zustand';
import type { Controller } from './session/controller';
import type { AppState } from './store';

/** The running session's controller (worker, dataset loading, runs); null before start-up. */
export interface SessionSlice {
  controller: Controller | null;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = () => ({
  controller: null,
});
