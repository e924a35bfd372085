/**
 * The learning-rate finder as the page sees it: the range test running (its points so
 * far) or finished (the curve and fast.ai's suggestions), and the rule the user picked.
 * Not persisted: a test belongs to the graph and data it ran on.
 */
import type { StateCreator } from 'zustand';
import type { FinderPoint, RangeTestEnd } from '../core/train/lrFinder/rangeTest';
import type { SuggestionRule, Suggestions } from '../core/train/lrFinder/suggestions';
import type { AppState } from './store';

export type LrFinderState =
  | { status: 'idle' }
  /** `backend`: its label once the worker has chosen it. */
  | {
      status: 'running';
      requestId: number;
      points: FinderPoint[];
      numIt: number;
      backend: string | null;
    }
  | { status: 'done'; points: FinderPoint[]; end: RangeTestEnd; suggestions: Suggestions }
  | { status: 'cancelled'; points: FinderPoint[] }
  | { status: 'failed'; message: string };

export interface LrFinderSlice {
  lrFinder: LrFinderState;
  lrFinderRule: SuggestionRule;
  setLrFinder: (state: LrFinderState) => void;
  setLrFinderRule: (rule: SuggestionRule) => void;
}

export const createLrFinderSlice: StateCreator<AppState, [], [], LrFinderSlice> = (set) => ({
  lrFinder: { status: 'idle' },
  lrFinderRule: 'valley',
  setLrFinder: (lrFinder) => set({ lrFinder }),
  setLrFinderRule: (lrFinderRule) => set({ lrFinderRule }),
});

/** The suggestion of the chosen rule, rounded to the 3 significant digits the field gets; or null. */
export function selectSuggestedRate(s: Pick<AppState, 'lrFinder' | 'lrFinderRule'>): number | null {
  if (s.lrFinder.status !== 'done') return null;
  const suggestion = s.lrFinder.suggestions[s.lrFinderRule];
  return suggestion ? Number(suggestion.lr.toPrecision(3)) : null;
}
