import { useAppStore } from '../../state/store';
import { runPhase } from '../../core/runs/live';
import { selectTrainingActive } from '../../state/trainingSlice';
import { pause, resume, stop, train } from '../../state/actions';
import { statusText } from './status';
import { useTrainBlocker } from './useTrainBlocker';
import { DatasetSelect } from '../data/DatasetSelect';
import { ProjectMenu } from '../export/ProjectMenu';
import type { BackendChoice } from '../../core/train/types';
import { TRAINING_SETTINGS } from '../../core/train/settings';

const BACKEND = TRAINING_SETTINGS.backend;

/** Project name, dataset, backend, run controls and the status line. */
export function TopBar() {
  const run = useAppStore((s) => s.run);
  const active = useAppStore(selectTrainingActive);
  const backend = useAppStore((s) => s.config.backend);
  const setConfig = useAppStore((s) => s.setConfig);
  const blocker = useTrainBlocker();
  const phase = run ? runPhase(run) : undefined;
  return (
    <header className="topbar">
      <h1 className="brand">Train Smarter</h1>
      <DatasetSelect />
      <label className="field inline" title={BACKEND.help}>
        <span>{BACKEND.label}</span>
        <select
          value={backend}
          onChange={(e) => setConfig({ backend: e.target.value as BackendChoice })}
          disabled={active}
        >
          {BACKEND.options.map((b) => (
            <option key={b.value} value={b.value}>
              {b.label}
            </option>
          ))}
        </select>
      </label>
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
      <ProjectMenu />
    </header>
  );
}
