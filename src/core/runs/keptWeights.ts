/** Which stored weights of a run are the ones it keeps (and "Try the model" loads). */
import type { RunRecord, StoredWeightsInfo } from './record';

/**
 * The stored weights of the model a run keeps: the final ones, or, when early stopping
 * restored an earlier epoch, that epoch's (the run's best checkpoint follows early
 * stopping's rule). Null when those weights are not stored.
 */
export function keptWeights(
  record: Pick<RunRecord, 'checkpoints' | 'earlyStop'>,
): StoredWeightsInfo | null {
  const { final, best } = record.checkpoints;
  const kept = record.earlyStop?.keptEpoch;
  if (kept === undefined || final?.epoch === kept) return final;
  return best?.epoch === kept ? best : null;
}
