/**
 * Did a remedy work? The one-line verdict comparing a parent run and its child on the
 * weights each run keeps: the last epoch's, or the restored best epoch's when early
 * stopping kept those. A change under 1% reads "no clear change".
 *
 *   remedyVerdict(parent, child)?.text  // "Validation loss 0.61 → 0.44 (better)"
 */
import type { RunOutputs } from '../evaluation/runOutputs';
import type { EpochMetrics } from '../train/types';
import { splitRecallAndAccuracy } from './diagnosisInput';
import type { RunRecord } from './record';

/** A relative change smaller than this is no clear change. */
export const NO_CLEAR_CHANGE = 0.01;

export type VerdictOutcome = 'better' | 'worse' | 'no clear change';

export interface Verdict {
  outcome: VerdictOutcome;
  /** "Validation loss 0.61 → 0.44 (better)". */
  text: string;
  before: number;
  after: number;
}

/** The epoch whose weights a run keeps: the restored best one after early stopping, else the last. */
export function keptEpoch(record: Pick<RunRecord, 'epochs' | 'earlyStop'>): EpochMetrics | null {
  const kept = record.earlyStop?.keptEpoch;
  const restored = kept === undefined ? undefined : record.epochs.find((e) => e.epoch === kept);
  return restored ?? record.epochs.at(-1) ?? null;
}

/**
 * The two values rounded for the verdict: two significant digits for a change of 10% or
 * more ("0.61 → 0.44"), three for a smaller one, so "0.686 → 0.683" does not read as
 * "0.69 → 0.68"; more (up to four) while the rounded values would look equal.
 */
export function formatPair(before: number, after: number): [string, string] {
  const round = (x: number, digits: number) =>
    Number.isFinite(x) ? String(Number(x.toPrecision(digits))) : String(x);
  const relative = Math.abs(after - before) / Math.abs(before);
  let digits = relative >= 0.1 || !Number.isFinite(relative) ? 2 : 3;
  while (digits < 4 && round(before, digits) === round(after, digits) && before !== after) digits++;
  return [round(before, digits), round(after, digits)];
}

/** Better, worse or no clear change (under 1% relative); a non-finite value is the worst. */
export function judge(before: number, after: number, higherIsBetter: boolean): VerdictOutcome {
  const good = (x: number) => Number.isFinite(x);
  if (!good(before) || !good(after)) {
    if (good(before) === good(after)) return 'no clear change';
    return good(after) ? 'better' : 'worse';
  }
  const scale = Math.abs(before);
  const change = scale === 0 ? after - before : (after - before) / scale;
  if (Math.abs(change) < NO_CLEAR_CHANGE) return 'no clear change';
  return change > 0 === higherIsBetter ? 'better' : 'worse';
}

/** A verdict on one metric: "<label> before → after (outcome)". */
export function verdictOn(
  label: string,
  before: number,
  after: number,
  higherIsBetter: boolean,
): Verdict {
  const outcome = judge(before, after, higherIsBetter);
  const [a, b] = formatPair(before, after);
  return { outcome, text: `${label} ${a} → ${b} (${outcome})`, before, after };
}

/** The verdict on validation loss (lower is better) at each run's kept epoch; null without epochs. */
export function remedyVerdict(
  parent: Pick<RunRecord, 'epochs' | 'earlyStop'>,
  child: Pick<RunRecord, 'epochs' | 'earlyStop'>,
): Verdict | null {
  const a = keptEpoch(parent);
  const b = keptEpoch(child);
  if (!a || !b) return null;
  return verdictOn('Validation loss', a.valLoss, b.valLoss, false);
}

/**
 * Which number judges a remedy: class weights exist to raise the recall of the small
 * classes (often at some cost in loss), so they are judged on validation macro recall;
 * every other remedy on validation loss.
 */
export function verdictMetric(remedyId: string): 'valLoss' | 'valMacroRecall' {
  return remedyId === 'weight-classes' ? 'valMacroRecall' : 'valLoss';
}

type VerdictRun = Pick<RunRecord, 'epochs' | 'earlyStop' | 'lineage' | 'dataset'>;

/** Validation macro recall of a run's final outputs, when they hold a validation split. */
function macroRecall(run: VerdictRun, outputs: RunOutputs | null | undefined): number | null {
  if (!outputs?.validation || outputs.task === 'regression') return null;
  return (
    splitRecallAndAccuracy(outputs.validation, run.dataset.classNames.length)?.macroRecall ?? null
  );
}

/**
 * The verdict on a child run against its parent, on the metric its remedy is judged by
 * (verdictMetric); validation loss when the outputs that metric needs are not at hand.
 */
export function childVerdict(
  parent: VerdictRun,
  child: VerdictRun,
  outputs: { parent?: RunOutputs | null; child?: RunOutputs | null } = {},
): Verdict | null {
  if (verdictMetric(child.lineage?.remedyId ?? '') === 'valMacroRecall') {
    const before = macroRecall(parent, outputs.parent);
    const after = macroRecall(child, outputs.child);
    if (before !== null && after !== null)
      return verdictOn('Validation macro recall', before, after, true);
  }
  return remedyVerdict(parent, child);
}
