/** The decision-boundary grids a run of a 2-D point set sends while it trains. */
import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset } from '../data/types';
import { gridBounds, predictGrid } from './evaluate';
import type { RunEnvironment } from './recovery';

export const BOUNDARY_GRID_SIZE = 40;
export const BOUNDARY_INTERVAL_MS = 500;

/** Decision-boundary grids of a 2-D point set, at most every BOUNDARY_INTERVAL_MS. */
export function boundaryReporter(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  ds: Dataset,
  env: RunEnvironment,
  now: () => number,
  interruption: (() => string | null) | undefined,
): { maybe(): void; now(): Promise<void> } | null {
  const onBoundary = env.onBoundary;
  if (!onBoundary || ds.kind !== 'points2d') return null;
  const bounds = gridBounds(ds);
  let last = -Infinity;
  // The grid is computed from the weights of the moment; its read-back overlaps training.
  const send = async (): Promise<void> => {
    last = now();
    // A lost backend cannot be read; the loop notices and recovers before the next grid.
    if (interruption?.()) return;
    try {
      onBoundary(await predictGrid(tf, model, bounds, BOUNDARY_GRID_SIZE));
    } catch (err) {
      if (!interruption?.()) throw err;
    }
  };
  return {
    maybe: () => {
      if (now() - last >= BOUNDARY_INTERVAL_MS) void send();
    },
    now: send,
  };
}
