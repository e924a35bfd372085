import { runPhase, type LiveRun } from '../../core/runs/live';

function seconds(s: number): string {
  if (s < 60) return `${Math.round(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

/**
 * The status line. Its wording is part of the automation contract (DESIGN.md):
 * `Epoch N/M`, `Paused`, `Stopped at epoch N/M`, `Failed: <reason>`, `Done` (for a run
 * early stopping ended, `Done (stopped early at epoch N/M, kept epoch K)`); during
 * cross-validation they start with `Fold k/K · `.
 */
export function statusText(run: LiveRun | null, blocker: string | null): string {
  // The reason Train is disabled is shown on the line below and on the offending layer.
  if (!run) return blocker ? 'Not ready to train' : 'Ready to train';
  const { record } = run;
  const epochs = record.config.epochs;
  const p = run.progress;
  const phase = runPhase(run);
  // Cross-validation trains its folds before the final model: say which one.
  const fold = p?.fold ? `Fold ${p.fold.fold}/${p.fold.of} · ` : '';
  switch (phase) {
    case 'starting':
      return 'Starting: building the model…';
    case 'running': {
      if (!p) return `Epoch 1/${epochs} · preparing`;
      const head = `${fold}Epoch ${p.epoch}/${p.epochs} · batch ${p.batch}/${p.batches}`;
      if (p.warmingUp || p.samplesPerSec === null) return `${head} · warming up`;
      const eta = p.etaSec === null ? '' : ` · ETA ${seconds(p.etaSec)}`;
      return `${head} · ${Math.round(p.samplesPerSec).toLocaleString('en')} samples/s${eta}`;
    }
    case 'paused':
      return `${fold}Paused at epoch ${p?.epoch ?? 1}/${epochs}`;
    case 'completed': {
      const early = record.earlyStop;
      if (early) {
        return `Done (stopped early at epoch ${early.stoppedEpoch}/${epochs}, kept epoch ${early.keptEpoch})`;
      }
      return `Done: ${record.epochs.length}/${epochs} epochs`;
    }
    case 'stopped':
      return `${fold}Stopped at epoch ${run.stoppedAtEpoch ?? record.epochs.length}/${epochs}`;
    case 'failed':
      return `Failed: ${record.error ?? 'unknown error'}`;
    default: {
      const never: never = phase;
      return never;
    }
  }
}
