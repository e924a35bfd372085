import type * as tfjs from '@tensorflow/tfjs';
import type { Dataset, SplitIndices } from '../../data/types';
import type { EvalSpec } from '../evaluate';
import type { TrainingConfig } from '../settings';
import { createLayerProbe, measureLayerStats } from './probe';
import type { LayerStatsEpoch } from './types';

/**
 * The training loop's one call: measures and reports the statistics after an epoch, or
 * null when the setting is off or nobody listens (the probe then costs nothing).
 */
export function layerStatsReporter(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  ds: Dataset,
  split: SplitIndices,
  config: Pick<TrainingConfig, 'layerStats' | 'seed'>,
  spec: EvalSpec,
  hooks: { onLayerStats?(stats: LayerStatsEpoch): void },
): ((epoch: number) => Promise<void>) | null {
  const report = hooks.onLayerStats;
  if (!config.layerStats || !report || split.train.length === 0) return null;
  const probe = createLayerProbe(tf, model, ds, split.train, config.seed, spec);
  return async (epoch) => {
    let stats: LayerStatsEpoch;
    try {
      stats = await measureLayerStats(tf, probe, epoch);
    } catch {
      // The statistics are informational: a failed pass (e.g. the WebGL context lost
      // during it) must not fail the run. The loop's next interruption check sees a lost
      // backend and recovers from the checkpoint as it would mid-epoch.
      return;
    }
    report(stats);
  };
}
