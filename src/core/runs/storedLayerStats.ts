/**
 * Per-layer statistics as a run record keeps them (`RunRecord.layerStats`), so the ridge
 * plots and the dead-unit and gradient findings of a stored run survive a reload.
 *
 * Bounded twice over. Each epoch's numbers are rounded where float32 noise carries no
 * information: histogram edges to 1/10,000 of their span (so no bucket moves by more
 * than 0.3% of its width), the RMS gradient to 4 significant digits, the dead share to 6
 * (exact for k/units up to 65,536 units); counts are integers. As JSON that is about
 * 450 bytes per layer per epoch (two 30-bucket histograms of a 128-unit Dense on the
 * 256-row probe; see the test). And past MAX_STORED_LAYER_STATS_EPOCHS epochs the older
 * ones are thinned to every 2nd, 4th, ... epoch, the oldest the most: a 5-layer model
 * keeps at most about 225 KB however long it trains. The live run holds exactly what is
 * stored.
 */
import { z } from 'zod';
import type { Histogram, LayerStat, LayerStatsEpoch } from '../train/layerStats/types';

/** Epochs of statistics a record keeps. */
export const MAX_STORED_LAYER_STATS_EPOCHS = 100;
/**
 * The latest epochs, always kept whole: the dead-units finding reads the last, and the
 * gradient findings look for 2 consecutive epochs.
 */
export const LATEST_LAYER_STATS_KEPT = 10;

/** `v` rounded to a multiple of 10^-decimals (decimals may be negative), without float noise. */
function roundTo(v: number, decimals: number): number {
  if (decimals >= 0) return Number(v.toFixed(Math.min(decimals, 100)));
  const step = 10 ** -decimals;
  return Math.round(v / step) * step;
}

function roundEdges(h: Histogram): Histogram {
  const span = h.right - h.left;
  if (!(span > 0) || !Number.isFinite(span)) return h;
  // Each edge moves by at most span / 20,000: the right edge stays right of the left.
  const decimals = -Math.floor(Math.log10(span / 10_000));
  return { left: roundTo(h.left, decimals), right: roundTo(h.right, decimals), counts: h.counts };
}

const significant = (v: number, digits: number) =>
  Number.isFinite(v) && v !== 0 ? Number(v.toPrecision(digits)) : v;

function compactLayer(l: LayerStat): LayerStat {
  return {
    layer: l.layer,
    weights: roundEdges(l.weights),
    activations: roundEdges(l.activations),
    gradRms: significant(l.gradRms, 4),
    ...(l.deadFraction === undefined ? {} : { deadFraction: significant(l.deadFraction, 6) }),
    units: l.units,
  };
}

/** One epoch's statistics rounded as a record stores them. */
export function compactLayerStats(stats: LayerStatsEpoch): LayerStatsEpoch {
  return { epoch: stats.epoch, layers: stats.layers.map(compactLayer) };
}

/**
 * At most `max` epochs: the latest LATEST_LAYER_STATS_KEPT whole, and of the older ones
 * those whose epoch − 1 is a multiple of the smallest power of 2 that fits. Applied as
 * each epoch arrives, it keeps the kept epochs' grid (1, 3, 5... then 1, 5, 9...): rows of
 * the ridge plot drop out but never shift, and older stretches are the sparser.
 */
export function thinLayerStats(
  stats: readonly LayerStatsEpoch[],
  max = MAX_STORED_LAYER_STATS_EPOCHS,
): LayerStatsEpoch[] {
  if (stats.length <= max) return [...stats];
  // Room for epoch 1, which every stride keeps.
  const latest = Math.max(0, Math.min(LATEST_LAYER_STATS_KEPT, max - 1));
  const older = stats.slice(0, stats.length - latest);
  let kept = older;
  for (let stride = 2; kept.length + latest > max && kept.length > 1; stride *= 2)
    kept = older.filter((s) => (s.epoch - 1) % stride === 0);
  return [...kept, ...stats.slice(stats.length - latest)].slice(-max);
}

/** The stored statistics with one epoch's added (a replayed epoch replaces its earlier one). */
export function addLayerStats(
  stored: readonly LayerStatsEpoch[] | undefined,
  stats: LayerStatsEpoch,
): LayerStatsEpoch[] {
  const others = (stored ?? []).filter((s) => s.epoch !== stats.epoch);
  const sorted = [...others, compactLayerStats(stats)].sort((a, b) => a.epoch - b.epoch);
  return thinLayerStats(sorted);
}

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
// A diverged run's gradient can be NaN or Infinity, which JSON stores as null.
const gradient = z.union([z.number(), z.null()]).transform((v) => (v === null ? NaN : v));
const histogramSchema = z.object({
  left: finite,
  right: finite,
  counts: z.array(z.number().int().min(0)),
});

/** The stored statistics' schema (run records, schema 3 and later). */
export const storedLayerStatsSchema = z.array(
  z.object({
    epoch: finite,
    layers: z.array(
      z.object({
        layer: z.string(),
        weights: histogramSchema,
        activations: histogramSchema,
        gradRms: gradient,
        deadFraction: finite.optional(),
        units: finite,
      }),
    ),
  }),
);
