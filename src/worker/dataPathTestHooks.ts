/**
 * The data path's limits lowered by a test hook (testHookMessages.ts `dataPath`), so an
 * e2e run of a tiny dataset streams instead of staying on the device.
 */
import type { DataPathLimits } from '../core/train/dataPath/source';

let limits: DataPathLimits = {};

/** Sets the limits the next runs use (an empty object restores the defaults). */
export function setDataPathTestHooks(next: DataPathLimits): void {
  limits = { ...next };
}

/** The limits a run uses: the defaults unless a test hook lowered them. */
export function dataPathLimits(): DataPathLimits {
  return limits;
}
