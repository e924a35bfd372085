import { useAppStore } from '../../state/store';
import { restartWorker } from '../../state/actions';

/** The training worker crashed (a fresh one was started) or stopped answering. */
export function WorkerAlert() {
  const failure = useAppStore((s) => s.workerFailure);
  if (!failure) return null;
  return (
    <div className="notice error recovery" role="alert">
      {failure.kind === 'crashed' ? (
        <>
          <span>
            {failure.message} A fresh training worker was started and the dataset reloaded; press
            Train to run again.
          </span>
          <button type="button" onClick={() => useAppStore.setState({ workerFailure: null })}>
            Dismiss
          </button>
        </>
      ) : (
        <>
          <span>
            {failure.message} It may be stuck in a long computation. Restarting it stops the current
            run; finished epochs stay in the runs list.
          </span>
          <button type="button" className="primary" onClick={() => restartWorker()}>
            Restart the training worker
          </button>
        </>
      )}
    </div>
  );
}
