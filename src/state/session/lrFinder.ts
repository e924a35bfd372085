/**
 * The page's side of the learning-rate finder: starts a range test of the current graph
 * and settings, folds the worker's answers into the store, cancels, and puts the
 * suggestion into the Learning rate setting.
 */
import type { FromWorker } from '../../worker/protocol';
import type { LrFinderFromWorker } from '../../worker/lrFinder/messages';
import { selectSuggestedRate } from '../lrFinderSlice';
import { isActive } from '../../core/runs/live';
import type { AppStore, Send } from './types';

export interface LrFinderCommands {
  /** Starts a range test on the loaded dataset (not while a run or another test is going). */
  findLearningRate(): void;
  cancelLearningRateFinder(): void;
  /** Sets the Learning rate to the chosen rule's suggestion, if there is one. */
  applySuggestedRate(): void;
}

export interface LrFinderSession extends LrFinderCommands {
  /** The worker's finder messages (others are ignored). */
  handle(msg: FromWorker): void;
  /** The worker is gone (crashed or restarted): a running test ends with this message. */
  workerLost(message: string): void;
}

const isFinderMessage = (msg: FromWorker): msg is LrFinderFromWorker =>
  msg.type === 'lrFinderStarted' ||
  msg.type === 'lrFinderProgress' ||
  msg.type === 'lrFinderFinished' ||
  msg.type === 'lrFinderFailed';

export function createLrFinder(store: AppStore, send: Send): LrFinderSession {
  let nextId = 1;
  const running = () => {
    const f = store.getState().lrFinder;
    return f.status === 'running' ? f : null;
  };
  return {
    findLearningRate() {
      const s = store.getState();
      if (running() || isActive(s.run) || !s.dataset) return;
      const requestId = nextId++;
      const inputs = { graph: s.graph, config: s.config, dataset: s.dataset };
      s.setLrFinder({
        status: 'running',
        requestId,
        points: [],
        numIt: 100,
        backend: null,
        inputs,
      });
      send({ type: 'findLearningRate', requestId, graph: s.graph, config: s.config });
    },
    cancelLearningRateFinder() {
      const f = running();
      if (f) send({ type: 'cancelLearningRateFinder', requestId: f.requestId });
    },
    applySuggestedRate() {
      const rate = selectSuggestedRate(store.getState());
      if (rate !== null) store.getState().setConfig({ learningRate: rate });
    },
    handle(msg) {
      const f = running();
      if (!isFinderMessage(msg) || !f || msg.requestId !== f.requestId) return;
      const set = store.getState().setLrFinder;
      switch (msg.type) {
        case 'lrFinderStarted':
          return set({ ...f, numIt: msg.numIt, backend: msg.backend.label });
        case 'lrFinderProgress':
          return set({ ...f, points: [...f.points, ...msg.points] });
        case 'lrFinderFinished': {
          const { points, result } = msg;
          return set(
            result.status === 'completed'
              ? {
                  status: 'done',
                  points,
                  end: result.end,
                  suggestions: result.suggestions,
                  inputs: f.inputs,
                }
              : { status: 'cancelled', points },
          );
        }
        case 'lrFinderFailed':
          return set({ status: 'failed', message: msg.message });
        default: {
          const never: never = msg;
          throw new Error(`Unknown finder message ${JSON.stringify(never)}`);
        }
      }
    },
    workerLost(message) {
      if (running()) store.getState().setLrFinder({ status: 'failed', message });
    },
  };
}
