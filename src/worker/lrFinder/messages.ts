/**
 * Learning-rate finder messages of the training worker protocol (joined into ToWorker and
 * FromWorker in ../protocol.ts): one range test per request, its points as it goes (at
 * most ~10 messages a second), then the whole curve with fast.ai's suggestions.
 */
import type { ModelGraph } from '../../core/graph/types';
import type { FinderPoint, RangeTestEnd } from '../../core/train/lrFinder/rangeTest';
import type { Suggestions } from '../../core/train/lrFinder/suggestions';
import type { BackendInfo, TrainingConfig } from '../../core/train/types';

export type LrFinderToWorker =
  /** A range test of this graph with these settings on the loaded dataset; runs never overlap it. */
  | { type: 'findLearningRate'; requestId: number; graph: ModelGraph; config: TrainingConfig }
  /** Cancels that test (a run started meanwhile cancels it too). */
  | { type: 'cancelLearningRateFinder'; requestId: number };

export type LrFinderFromWorker =
  | { type: 'lrFinderStarted'; requestId: number; backend: BackendInfo; numIt: number }
  /** The points since the last message, in order. */
  | { type: 'lrFinderProgress'; requestId: number; points: FinderPoint[] }
  | {
      type: 'lrFinderFinished';
      requestId: number;
      /** Every point of the test (NaNs included: fast.ai's record, see rangeTest.ts). */
      points: FinderPoint[];
      result:
        | { status: 'completed'; end: RangeTestEnd; suggestions: Suggestions }
        | { status: 'cancelled' };
    }
  | { type: 'lrFinderFailed'; requestId: number; message: string };
