import { useAppStore } from '../../state/store';
import { resume, stop } from '../../state/actions';

/**
 * Shown when the run lost its backend (a WebGL context loss): the worker restored the last
 * epoch's checkpoint on a fallback backend and waits for the user to continue.
 */
export function RecoveryAlert() {
  const recovery = useAppStore((s) => s.run?.recovery ?? null);
  const paused = useAppStore((s) => s.run?.record.status === 'paused');
  const epochsKept = useAppStore((s) => s.run?.record.epochs.length ?? 0);
  if (!recovery || !paused) return null;
  return (
    <div className="notice error recovery" role="alert">
      <span>
        {recovery.message} The {epochsKept} finished epoch{epochsKept === 1 ? ' is' : 's are'} kept.
        Its weights and optimizer state are restored. Next: {recovery.backendLabel}.
      </span>
      <span className="recovery-actions">
        <button type="button" className="primary" onClick={resume}>
          Continue on WASM/CPU
        </button>
        <button type="button" onClick={stop}>
          Stop here
        </button>
      </span>
    </div>
  );
}
