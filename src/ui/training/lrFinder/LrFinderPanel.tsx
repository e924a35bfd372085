/**
 * "Find learning rate" beside the Learning rate setting: runs fast.ai's range test on a
 * copy of the model in the worker, shows its progress (cancellable) and curve, and puts
 * the chosen rule's suggestion into the Learning rate field with one click.
 */
import { useId } from 'react';
import { SUGGESTION_RULES, type SuggestionRule } from '../../../core/train/lrFinder/suggestions';
import {
  applySuggestedRate,
  cancelLearningRateFinder,
  findLearningRate,
} from '../../../state/actions';
import { selectLrFinderStale, selectSuggestedRate } from '../../../state/lrFinderSlice';
import { useAppStore } from '../../../state/store';
import { useTrainBlocker } from '../useTrainBlocker';
import { LrFinderChart } from './LrFinderChart';
import './lrFinder.css';

/** The panel's element id: the diagnostics' "Find a learning rate" remedy scrolls to it. */
export const LR_FINDER_ID = 'lr-finder';

export function LrFinderPanel() {
  const state = useAppStore((s) => s.lrFinder);
  const rule = useAppStore((s) => s.lrFinderRule);
  const suggested = useAppStore(selectSuggestedRate);
  const currentRate = useAppStore((s) => s.config.learningRate);
  const stale = useAppStore(selectLrFinderStale);
  const blocker = useTrainBlocker();
  const running = state.status === 'running';
  const helpId = useId();
  return (
    <div className="lr-finder" id={LR_FINDER_ID}>
      <div className="lr-finder-actions">
        <button
          type="button"
          onClick={findLearningRate}
          disabled={running || blocker !== null}
          aria-describedby={helpId}
          title={blocker ? `Cannot run: ${blocker}` : undefined}
        >
          Find learning rate
        </button>
        {running && (
          <button
            type="button"
            onClick={cancelLearningRateFinder}
            aria-label="Cancel the learning-rate finder"
          >
            Cancel
          </button>
        )}
      </div>
      <small id={helpId} className="help">
        Trains a copy of the model for up to 100 batches as the rate grows from 1e-7 to 10
        (fast.ai&apos;s range test); the model and the next run are unchanged.
      </small>
      {running && (
        <p className="lr-finder-progress" role="status">
          <progress
            value={state.points.length}
            max={state.numIt}
            aria-label="Learning-rate finder progress"
          />{' '}
          Batch {state.points.length}/{state.numIt}
          {state.backend ? ` on ${state.backend}` : ''}
        </p>
      )}
      {state.status === 'failed' && (
        <p role="alert">The learning-rate finder failed: {state.message}</p>
      )}
      {state.status === 'cancelled' && (
        <p className="help">Cancelled after {state.points.length} batches.</p>
      )}
      {state.status !== 'idle' && state.status !== 'failed' && state.points.length > 0 && (
        <LrFinderChart
          points={state.points}
          suggestions={state.status === 'done' ? state.suggestions : null}
          rule={rule}
          currentRate={currentRate}
        />
      )}
      {state.status === 'done' && (
        <div className="lr-finder-result">
          {stale && (
            <p className="help" data-testid="lr-finder-stale">
              The model, data or settings changed since this test: find the rate again.
            </p>
          )}
          <label className="field">
            <span>Suggestion rule</span>
            <select
              value={rule}
              onChange={(e) =>
                useAppStore.getState().setLrFinderRule(e.target.value as SuggestionRule)
              }
            >
              {SUGGESTION_RULES.map((r) => (
                <option key={r.rule} value={r.rule}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>
          {suggested === null ? (
            <p className="help">
              No suggestion: the test ended after {state.points.length} batches, too few to read.
            </p>
          ) : (
            <p className="lr-finder-suggestion">
              Suggested rate: <output data-testid="lr-suggestion">{suggested}</output>
              {state.end === 'diverged' && (
                <span className="help"> (stopped when the loss passed 4× its best)</span>
              )}
            </p>
          )}
          <button type="button" onClick={applySuggestedRate} disabled={suggested === null}>
            Use suggested rate
          </button>
        </div>
      )}
    </div>
  );
}
