/**
 * Reads stored runs' final outputs (validation and test predictions) back from the runs
 * database into the evaluation slice. A view retains the outputs it shows; outputs no
 * view retains are dropped, oldest first, beyond MAX_CACHED_OUTPUTS.
 */
import { getOutputs } from '../../core/runs/runsDb';
import type { RunOutputs } from '../../core/evaluation/runOutputs';
import { useAppStore } from '../store';

/** Unused outputs kept in memory (each up to 2 × 10,000 rows × classes floats). */
export const MAX_CACHED_OUTPUTS = 6;

type Read = (runId: string) => Promise<RunOutputs | null>;

/** Reads a run's stored outputs unless they are cached or being read. */
export async function loadRunOutputs(runId: string, read: Read = getOutputs): Promise<void> {
  const s = useAppStore.getState();
  const cached = s.runOutputs[runId];
  // A failed read is tried again; anything else is read once.
  if (cached && cached.status !== 'error') return;
  s.setRunOutputs(runId, { status: 'loading' });
  try {
    const outputs = await read(runId);
    useAppStore
      .getState()
      .setRunOutputs(runId, outputs ? { status: 'ready', outputs } : { status: 'missing' });
  } catch (e) {
    useAppStore.getState().setRunOutputs(runId, {
      status: 'error',
      message: `The stored outputs could not be read (${e instanceof Error ? e.message : String(e)}).`,
    });
  }
  dropUnused();
}

/** Keeps a run's outputs loaded until the returned release is called. */
export function retainRunOutputs(runId: string, read: Read = getOutputs): () => void {
  useAppStore.getState().retainOutputs(runId, 1);
  void loadRunOutputs(runId, read);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    useAppStore.getState().retainOutputs(runId, -1);
    dropUnused();
  };
}

function dropUnused(): void {
  const s = useAppStore.getState();
  const unused = Object.entries(s.runOutputs)
    .filter(([id, o]) => !(id in s.outputsRetained) && o.status !== 'loading')
    .map(([id]) => id);
  const excess = unused.length - MAX_CACHED_OUTPUTS;
  if (excess > 0) s.dropRunOutputs(unused.slice(0, excess));
}
