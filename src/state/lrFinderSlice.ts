/**
 * The learning-rate finder as the page sees it: the range test running (its points so
 * far) or finished (the curve and fast.ai's suggestions), and the rule the user picked.
 * Not persisted: a test belongs to the graph and data it ran on.
 */
import type { StateCreator } from 'zustand';
import type { DatasetSummary } from '../core/data/types';
import type { ModelGraph } from '../core/graph/types';
import type { SettingKey, TrainingConfig } from '../core/train/settings';
import type { FinderPoint, RangeTestEnd } from '../core/train/lrFinder/rangeTest';
import type { SuggestionRule, Suggestions } from '../core/train/lrFinder/suggestions';
import type { AppState } from './store';

/** What a test ran on: the workspace's graph, settings and dataset when it started. */
export interface LrFinderInputs {
  graph: ModelGraph;
  config: TrainingConfig;
  dataset: DatasetSummary | null;
}

export type LrFinderState =
  | { status: 'idle' }
  /** `backend`: its label once the worker has chosen it. */
  | {
      status: 'running';
      requestId: number;
      points: FinderPoint[];
      numIt: number;
      backend: string | null;
      inputs: LrFinderInputs;
    }
  | {
      status: 'done';
      points: FinderPoint[];
      end: RangeTestEnd;
      suggestions: Suggestions;
      inputs: LrFinderInputs;
    }
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

// The settings the test's curve depends on (the rate itself, epochs and schedules do not).
const TEST_SETTINGS: readonly SettingKey[] = [
  'optimizer',
  'batchSize',
  'loss',
  'seed',
  'split',
  'classWeights',
  'clipNorm',
];

/** The same layers, parameters and wiring (where the nodes sit on the canvas aside). */
function sameModel(a: ModelGraph, b: ModelGraph): boolean {
  const model = (g: ModelGraph) =>
    JSON.stringify([g.nodes.map((n) => [n.id, n.type, n.params]), g.edges]);
  return a === b || model(a) === model(b);
}

/** True when the finished test ran on another model, dataset or settings than the workspace's. */
export function selectLrFinderStale(
  s: Pick<AppState, 'lrFinder' | 'graph' | 'config' | 'dataset'>,
): boolean {
  if (s.lrFinder.status !== 'done') return false;
  const used = s.lrFinder.inputs;
  return (
    !sameModel(used.graph, s.graph) ||
    used.dataset !== s.dataset ||
    TEST_SETTINGS.some((k) => JSON.stringify(used.config[k]) !== JSON.stringify(s.config[k]))
  );
}
