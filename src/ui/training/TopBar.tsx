import { useAppStore } from '../../state/store';
import { runPhase } from '../../core/runs/live';
import { selectTrainingActive } from '../../state/trainingSlice';
import { pause, resume, stop, train } from '../../state/actions';
import { statusText } from './status';
import { useTrainBlocker } from './useTrainBlocker';
import { DatasetSelect } from '../data/DatasetSelect';
import { ProjectMenu } from '../export/ProjectMenu';
import { TRAINING_SETTINGS } from '../../core/train/settings';
import { ChoiceSettingField } from './TrainingSettings';

/**
 * Project name, dataset, backend, run controls and the status line. Only the status line
 * reads the live run: the rest re-renders when the run's phase changes, not at every
 * progress message.
 */
export function TopBar() {
  const phase = useAppStore((s) => (s.run ? runPhase(s.run) : undefined));
  const active = useAppStore(selectTrainingActive);
  const blocker = useTrainBlocker();
  return (
    <header className="topbar">
      <h1 className="brand">Train Smarter</h1>
      <DatasetSelect />
      <ChoiceSettingField
        k="backend"
        spec={TRAINING_SETTINGS.backend}
        className="field inline backend-field"
        disabled={active}
      />
      <div className="run-controls" role="group" aria-label="Run controls">
        <button
          type="button"
          className="primary"
          onClick={train}
          disabled={blocker !== null}
          aria-describedby={blocker ? 'train-blocker' : undefined}
        >
          Train
        </button>
        {phase === 'paused' ? (
          <button type="button" onClick={resume}>
            Resume
          </button>
        ) : (
          <button type="button" onClick={pause} disabled={phase !== 'running'}>
            Pause
          </button>
        )}
        <button type="button" onClick={stop} disabled={!active}>
          Stop
        </button>
      </div>
      <RunStatus blocker={blocker} active={active} />
      <ProjectMenu />
    </header>
  );
}

/** What the run is doing (or why Train is disabled), and the backend it trains on. */
function RunStatus({ blocker, active }: { blocker: string | null; active: boolean }) {
  const run = useAppStore((s) => s.run);
  return (
    <div className="status-block">
      <div role="status" data-testid="training-status" className="training-status">
        {statusText(run, blocker)}
      </div>
      {blocker && !active && (
        <div id="train-blocker" className="blocker" title={blocker}>
          Train is disabled: {blocker}
        </div>
      )}
      {run?.backend && (
        <div className="backend-label" data-testid="backend-in-use" title={run.backend.reason}>
          Backend: {run.backend.label} — {run.backend.reason}
        </div>
      )}
    </div>
  );
}
