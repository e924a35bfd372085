/**
 * Helpers of the comparison view that are pure logic: the series of one metric of a
 * run (by epoch or by time, smoothed), stable colours, and whether runs used the same data.
 */
import type { EpochMetrics } from '../train/types';
import type { RunRecord } from './record';
import { smoothEma } from './smoothing';
import { sameData } from './fingerprint';

export type EpochMetricKey = 'loss' | 'valLoss' | 'accuracy' | 'valAccuracy' | 'mae' | 'valMae';
export type XAxisMode = 'epoch' | 'time';

/** Points {x, y} of one metric: x is the epoch, or seconds since the run started. */
export function metricSeries(
  epochs: readonly EpochMetrics[],
  key: EpochMetricKey,
  xAxis: XAxisMode,
  smoothing: number,
): { x: number; y: number }[] {
  let elapsedMs = 0;
  const raw: { x: number; y: number }[] = [];
  for (const e of epochs) {
    elapsedMs += e.durationMs;
    const y = e[key];
    if (y === undefined) continue;
    raw.push({ x: xAxis === 'epoch' ? e.epoch : elapsedMs / 1000, y });
  }
  const smoothed = smoothEma(
    raw.map((p) => p.y),
    smoothing,
  );
  return raw.map((p, i) => ({ x: p.x, y: smoothed[i] ?? p.y }));
}

/** The metrics that are shares, so an axis for them never runs past 0 or 1. */
const SHARE_METRICS: ReadonlySet<EpochMetricKey> = new Set(['accuracy', 'valAccuracy']);

/** A share's axis: its range and the ticks to label, evenly spaced inside it. */
export interface ShareAxis {
  domain: [number, number];
  ticks: number[];
}

/**
 * The y axis of a comparison chart of `key` over `values`. For a share (accuracy): the
 * values' range widened to the next 0.05 and kept inside [0, 1] (a flat series gets 0.05
 * either side), with ticks on the finest of 0.05, 0.1, 0.2, 0.25 and 0.5 that gives at
 * most six. Undefined for unbounded metrics (losses, errors): the chart picks its own.
 */
export function metricAxis(key: EpochMetricKey, values: readonly number[]): ShareAxis | undefined {
  if (!SHARE_METRICS.has(key)) return undefined;
  const finite = values.filter(Number.isFinite);
  const [lo, hi] = finite.length === 0 ? [0, 1] : shareRange(finite);
  // 0.5 always gives at most three ticks: the range is at most [0, 1].
  const step = [0.05, 0.1, 0.2, 0.25].find((s) => ticksOn(lo, hi, s).length <= 6) ?? 0.5;
  return { domain: [lo, hi], ticks: ticksOn(lo, hi, step) };
}

/** The multiples of `step` in [lo, hi], to the cent. */
function ticksOn(lo: number, hi: number, step: number): number[] {
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + 1e-9; k++) {
    ticks.push(cents(k * step) + 0); // + 0: no -0 from ceil(-1e-9)
  }
  return ticks;
}

const cents = (v: number) => Math.round(v * 100) / 100;

/** [min, max] on the 0.05 grid around the values, at least 0.05 wide, inside [0, 1]. */
function shareRange(values: readonly number[]): [number, number] {
  const step = 0.05;
  // Values already on the grid stay put: 0.95 is 0.9500000000000001 / 0.05 = 19.000000000000004.
  const grid = (v: number, round: (x: number) => number) => {
    const q = v / step;
    return (Math.abs(q - Math.round(q)) < 1e-9 ? Math.round(q) : round(q)) * step;
  };
  let lo = grid(Math.min(...values), Math.floor);
  let hi = grid(Math.max(...values), Math.ceil);
  if (hi - lo < step) {
    lo -= step;
    hi += step;
  }
  return [cents(Math.max(0, lo)), cents(Math.min(1, hi))];
}

/** A tick label with up to three significant digits and no trailing zeros: 0.45, 1.05, 12. */
export function formatAxisTick(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : String(Number(v.toPrecision(3)));
}

// Distinguishable in light and dark themes and for common colour-vision deficiencies
// (Okabe–Ito order, then a few extra).
export const RUN_COLOURS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#7f3c8d',
  '#5d6d00',
] as const;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/**
 * One colour per run, from its id, so a run keeps its colour wherever it appears; runs
 * whose colours collide within one comparison take the next free colour, oldest first.
 */
export function runColours(
  runs: readonly Pick<RunRecord, 'id' | 'createdAt'>[],
): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<number>();
  const n = RUN_COLOURS.length;
  for (const r of [...runs].sort((a, b) => a.createdAt - b.createdAt)) {
    let i = hash(r.id) % n;
    for (let k = 0; k < n && used.has(i); k++) i = (i + 1) % n;
    used.add(i);
    out.set(r.id, RUN_COLOURS[i]!);
  }
  return out;
}

type DataOf = Pick<RunRecord, 'name' | 'dataset'>;

/**
 * Whether two runs used the same data: by content fingerprint when both have one (the
 * worker's hash of the bytes, so a re-uploaded file with one changed cell differs), else
 * by name, size, shape and classes (runs from before fingerprints).
 */
export function sameRunData(a: DataOf, b: DataOf): boolean {
  const fa = a.dataset.content;
  const fb = b.dataset.content;
  if (fa && fb) return sameData(fa, fb);
  const key = (r: DataOf) =>
    JSON.stringify([r.dataset.name, r.dataset.n, r.dataset.featureShape, r.dataset.classNames]);
  return key(a) === key(b);
}

const shortHash = (r: DataOf) => {
  const hash = r.dataset.content?.hash;
  return hash ? `, ${hash.slice(hash.indexOf(':') + 1, hash.indexOf(':') + 9)}` : '';
};

/** A human note when the runs did not use the same data, else null. */
export function differentDataWarning(runs: readonly DataOf[]): string | null {
  const groups: DataOf[][] = [];
  for (const r of runs) {
    const group = groups.find((g) => sameRunData(g[0]!, r));
    if (group) group.push(r);
    else groups.push([r]);
  }
  if (groups.length <= 1) return null;
  const sameNames = new Set(groups.map((g) => g[0]!.dataset.name)).size < groups.length;
  const parts = groups.map((g) => {
    const d = g[0]!.dataset;
    const id = sameNames ? shortHash(g[0]!) : '';
    return `${g.map((r) => r.name).join(', ')}: ${d.name} (${d.n.toLocaleString('en')} rows${id})`;
  });
  const why = sameNames ? ' (same name, different contents)' : '';
  return `These runs used different data${why} (${parts.join('; ')}); their metrics are not directly comparable.`;
}
