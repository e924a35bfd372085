/**
 * Findings from the per-layer statistics (layerStats/): dead ReLU units, and gradients
 * that vanish or explode between the last layer and the first.
 */
import type { LayerStatsEpoch } from '../layerStats/types';
import { fmt, pct } from './format';
import { THRESHOLDS, type DiagnosisInput, type Finding, type Remedy } from './types';

const LOWER_LR: Remedy = { id: 'lr-divide-10', label: 'Learning rate ÷ 10' };
// LeakyReLU and He initialisation act on the layers the finding's evidence names.
const DEAD_REMEDIES: Remedy[] = [
  { id: 'leaky-relu', label: 'LeakyReLU' },
  LOWER_LR,
  { id: 'he-init', label: 'He initialisation' },
];
const GRADIENT_REMEDIES: Remedy[] = [
  { id: 'add-batchnorm', label: 'Add BatchNormalization' },
  { id: 'clip-gradients', label: 'Clip gradients' },
  LOWER_LR,
];

/** Dead units: in the latest epoch, a ReLU layer with more than 50% of its units dead. */
export function detectDeadUnits(input: DiagnosisInput): Finding[] {
  const T = THRESHOLDS.deadUnits;
  const latest = input.layerStats?.at(-1);
  if (!latest) return [];
  const dead = latest.layers.filter((l) => (l.deadFraction ?? 0) > T.layerFraction);
  if (dead.length === 0) return [];
  const named = dead.map((l) => `${l.layer} (${pct(l.deadFraction!)} of ${l.units})`).join(', ');
  return [
    {
      kind: 'dead-units',
      severity: 'warning',
      explanation:
        `After epoch ${latest.epoch}, ${named} of the units output zero for at least ` +
        `${pct(T.zeroShare)} of the probe rows (threshold: more than ${pct(T.layerFraction)} of a layer's units).`,
      evidence: {
        chart: 'layers',
        epochs: [latest.epoch],
        values: dead.map((l) => l.deadFraction!),
        layers: dead.map((l) => l.layer),
      },
      remedies: DEAD_REMEDIES,
    },
  ];
}

/** First-to-last layer RMS-gradient ratio per epoch (null without two layers with gradients). */
export function gradientRatio(stats: LayerStatsEpoch): number | null {
  const first = stats.layers[0]?.gradRms;
  const last = stats.layers.at(-1)?.gradRms;
  if (stats.layers.length < 2 || !(first! > 0) || !(last! > 0)) return null;
  const ratio = first! / last!;
  return Number.isFinite(ratio) ? ratio : null;
}

/**
 * Vanishing (ratio ≤ 1e-3) or exploding (≥ 1e3) gradients: the first layer's RMS gradient
 * over the last's, for 2 consecutive epochs.
 */
export function detectGradients(input: DiagnosisInput): Finding[] {
  const T = THRESHOLDS.gradients;
  const stats = input.layerStats ?? [];
  const findings: Finding[] = [];
  for (const kind of ['vanishing-gradients', 'exploding-gradients'] as const) {
    const out = (r: number) => (kind === 'vanishing-gradients' ? r <= 1 / T.ratio : r >= T.ratio);
    let streak: { epoch: number; ratio: number }[] = [];
    let found: typeof streak = [];
    for (const s of stats) {
      const ratio = gradientRatio(s);
      // Consecutive epochs only: a stored run's older epochs are thinned (runs/storedLayerStats.ts).
      const follows = streak.length === 0 || streak.at(-1)!.epoch === s.epoch - 1;
      const run = follows ? streak : [];
      streak = ratio !== null && out(ratio) ? [...run, { epoch: s.epoch, ratio }] : [];
      if (streak.length >= T.epochs) found = streak;
    }
    if (found.length === 0) continue;
    const first = stats[0]!.layers[0]!.layer;
    const last = stats[0]!.layers.at(-1)!.layer;
    const ratios = found.map((f) => fmt(f.ratio)).join(', ');
    findings.push({
      kind,
      severity: 'warning',
      explanation:
        `The RMS gradient of the first layer (${first}) over the last (${last}) was ${ratios} in epochs ` +
        `${found.map((f) => f.epoch).join(', ')} (threshold ${kind === 'vanishing-gradients' ? '≤ ' + fmt(1 / T.ratio) : '≥ ' + fmt(T.ratio)} ` +
        `for ${T.epochs} epochs): the ${kind === 'vanishing-gradients' ? 'early layers barely learn' : 'early layers take huge steps'}.`,
      evidence: {
        chart: 'layers',
        epochs: found.map((f) => f.epoch),
        values: found.map((f) => f.ratio),
      },
      remedies: GRADIENT_REMEDIES,
    });
  }
  return findings;
}
