import type { RunRecord } from '../../core/runs/record';
import { useAppStore } from '../../state/store';
import { selectTrainingActive } from '../../state/trainingSlice';
import { continueRun } from '../../state/actions';
import { sameRunData } from '../../core/runs/compare';

/**
 * Whether a run can be continued: interrupted, stopped, or ended by early stopping (it
 * then trains its remaining epochs from its last weights, with a fresh patience), with
 * final weights kept.
 */
export function canContinue(run: RunRecord): boolean {
  return (
    (run.status === 'interrupted' ||
      run.status === 'stopped' ||
      (run.status === 'completed' && run.earlyStop !== undefined)) &&
    run.checkpoints.final !== null &&
    run.checkpoints.final.epoch < run.config.epochs
  );
}

/** Loads the run's last checkpoint and trains on from it; explains when it cannot. */
export function continueFromCheckpoint(run: RunRecord): void {
  const s = useAppStore.getState();
  if (selectTrainingActive(s)) {
    s.pushNotice('error', `Another run is training: stop it before continuing ${run.name}.`);
    return;
  }
  if (!s.dataset) {
    s.pushNotice('error', `The dataset is still loading: continue ${run.name} once it is loaded.`);
    return;
  }
  const loaded = {
    name: 'loaded',
    dataset: { ...s.dataset, content: s.dataset.fingerprint ?? null },
  };
  if (!sameRunData(loaded, run)) {
    s.pushNotice(
      'error',
      `${run.name} was trained on ${run.dataset.name} (${run.dataset.n} rows): load that dataset to continue it.`,
    );
    return;
  }
  const final = run.checkpoints.final;
  if (!final) {
    s.pushNotice('error', `The weights of ${run.name} are no longer stored; it cannot continue.`);
    return;
  }
  continueRun(run);
  s.pushNotice(
    'info',
    `${run.name} continues from epoch ${final.epoch}'s weights and optimizer state.`,
  );
}
