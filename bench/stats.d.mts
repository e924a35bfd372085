// Types of bench/stats.mjs (a plain ES module shared with the Node bench runner).
export interface Summary {
  median: number | null;
  min: number | null;
  max: number | null;
  n: number;
}
export function summarize(values: number[]): Summary;
export function percentile(values: number[], p: number): number | null;
export function formatSummary(s: Summary, digits?: number, unit?: string): string;
export function validateResults(r: unknown): string[];
export function perSecond(amount: number, ms: number): number | null;
export function parseVmRssKiB(status: string): number | null;
export function parsePpid(stat: string): number | null;
export interface EpochWindow {
  /** Whole epochs timed (epoch 3 onwards). */
  epochs: number;
  ms: number;
  samplesPerSec: number;
}
export function epochWindow(
  times: readonly number[],
  trainRows: number,
  batchSize: number,
  minMs: number,
): EpochWindow | null;
